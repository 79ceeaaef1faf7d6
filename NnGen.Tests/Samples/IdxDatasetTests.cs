using System.IO;
using NnGen.Samples.DataSets;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Samples;

/// <summary>Images and labels from IDX arrays into a data set: scaling, one-hot targets and the checks that they belong together.</summary>
public class IdxDatasetTests
{
    private static IdxArray Images(int count, int rows, int columns, byte[]? values = null) =>
        new([count, rows, columns], values ?? IdxFiles.Counting(count * rows * columns));

    private static IdxArray Labels(params byte[] labels) => new([labels.Length], labels);

    private static string Fails(IdxArray images, IdxArray labels, int rows = 2, int columns = 3, int classes = 4)
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxDataset.FromImagesAndLabels(images, labels, rows, columns, classes, "fashion"));
        Assert.StartsWith("fashion:", error.Message);
        return error.Message;
    }

    [Fact]
    public void GoodPair_ScalesPixelsAndOneHotsLabels()
    {
        byte[] pixels = [0, 51, 255, 102, 204, 1, /* second image */ 255, 255, 0, 0, 10, 20];
        Dataset data = IdxDataset.FromImagesAndLabels(Images(2, 2, 3, pixels), Labels(3, 0), 2, 3, 4, "fashion");

        Assert.Equal(2, data.Count);
        Assert.Equal(6, data.InputSize);
        Assert.Equal(4, data.OutputSize);
        for (int i = 0; i < pixels.Length; i++) Assert.Equal(pixels[i] / 255f, data.Features[i]);
        Assert.Equal(0.2f, data.Features[1], 6);
        Assert.Equal(1f, data.Features[2]);
        Assert.Equal(new float[] { 0, 0, 0, 1 }, data.TargetRow(0).ToArray());
        Assert.Equal(new float[] { 1, 0, 0, 0 }, data.TargetRow(1).ToArray());
    }

    [Fact]
    public void MismatchedCounts_AreRefused()
    {
        Assert.Contains("3 images but 2 labels", Fails(Images(3, 2, 3), Labels(0, 1)));
    }

    [Fact]
    public void WrongRanks_AreRefused()
    {
        Assert.Contains("images file has 2 dimension(s)", Fails(new IdxArray([2, 6], IdxFiles.Counting(12)), Labels(0, 1)));
        Assert.Contains("labels file has 2 dimension(s)", Fails(Images(2, 2, 3), new IdxArray([2, 1], [0, 1])));
    }

    [Fact]
    public void OtherImageSize_IsRefused()
    {
        Assert.Contains("3 x 2 pixels; expected 2 x 3", Fails(Images(2, 3, 2), Labels(0, 1)));
    }

    [Fact]
    public void LabelOutsideTheClasses_IsRefused()
    {
        Assert.Contains("sample 1 has label 4; expected 0 to 3", Fails(Images(2, 2, 3), Labels(3, 4)));
    }
}
