using System;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class DatasetTests
{
    [Fact]
    public void Constructor_CountsRows()
    {
        var data = new Dataset(new float[12], new float[8], inputSize: 3, outputSize: 2);
        Assert.Equal(4, data.Count);
        Assert.Equal(3, data.InputSize);
        Assert.Equal(2, data.OutputSize);
    }

    [Fact]
    public void Constructor_AllowsEmpty()
    {
        var data = new Dataset(Array.Empty<float>(), Array.Empty<float>(), 3, 2);
        Assert.Equal(0, data.Count);
    }

    [Fact]
    public void Constructor_RejectsFeaturesThatAreNotWholeRows()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new float[10], new float[6], 3, 2));
        Assert.Equal("features", error.ParamName);
        Assert.Contains("10", error.Message);
    }

    [Fact]
    public void Constructor_RejectsTargetsOfAnotherRowCount()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(new float[12], new float[6], 3, 2));
        Assert.Equal("targets", error.ParamName);
        Assert.Contains("8", error.Message);
        Assert.Contains("6", error.Message);
    }

    [Fact]
    public void Constructor_RejectsBadSizesAndNulls()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(new float[4], new float[4], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(new float[4], new float[4], 1, -1));
        Assert.Throws<ArgumentNullException>(() => new Dataset(null!, new float[4], 1, 1));
        Assert.Throws<ArgumentNullException>(() => new Dataset(new float[4], null!, 1, 1));
    }

    [Fact]
    public void Rows_AreTheRowMajorSlices()
    {
        Dataset data = TrainingData.Numbered(5, 2, 3);
        Assert.Equal(new float[] { 3, 1003 }, data.FeatureRow(3).ToArray());
        Assert.Equal(new float[] { 30, 31, 32 }, data.TargetRow(3).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.FeatureRow(5).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.TargetRow(-1).ToArray());
    }

    [Fact]
    public void Slice_CopiesTheRange()
    {
        Dataset data = TrainingData.Numbered(6, 2, 1);
        Dataset slice = data.Slice(2, 3);
        Assert.Equal(3, slice.Count);
        Assert.Equal(new float[] { 2, 1002, 3, 1003, 4, 1004 }, slice.Features.ToArray());
        Assert.Equal(new float[] { 20, 30, 40 }, slice.Targets.ToArray());
        Assert.Equal(0, data.Slice(6, 0).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Slice(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Slice(7, 0));
    }

    [Fact]
    public void Subset_TakesIndicesInOrderWithRepeats()
    {
        Dataset data = TrainingData.Numbered(6, 1, 2);
        Dataset subset = data.Subset(new[] { 5, 0, 5 });
        Assert.Equal(new float[] { 5, 0, 5 }, subset.Features.ToArray());
        Assert.Equal(new float[] { 50, 51, 0, 1, 50, 51 }, subset.Targets.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset(new[] { 6 }));
    }

    [Fact]
    public void Gather_WritesTheHandPickedRows()
    {
        Dataset data = TrainingData.Numbered(10, 3, 2);
        int[] rows = { 7, 2, 9 };
        var features = new float[9];
        var targets = new float[6];
        data.Gather(rows, features, targets);
        Assert.Equal(new float[] { 7, 1007, 2007, 2, 1002, 2002, 9, 1009, 2009 }, features);
        Assert.Equal(new float[] { 70, 71, 20, 21, 90, 91 }, targets);
        Assert.Throws<ArgumentException>(() => data.Gather(rows, new float[8], targets));
        Assert.Throws<ArgumentException>(() => data.Gather(rows, features, new float[7]));
    }

    [Fact]
    public void Label_IsArgmaxWithFirstOnTiesOrThresholdForOneOutput()
    {
        var multi = new Dataset(new float[3], new float[] { 0, 1, 0, 0.4f, 0.4f, 0.2f, 0.1f, 0.2f, 0.7f }, 1, 3);
        Assert.Equal(1, multi.Label(0));
        Assert.Equal(0, multi.Label(1));
        Assert.Equal(2, multi.Label(2));
        var single = new Dataset(new float[4], new float[] { 0f, 1f, 0.5f, 0.51f }, 1, 1);
        Assert.Equal(new[] { 0, 1, 0, 1 }, new[] { single.Label(0), single.Label(1), single.Label(2), single.Label(3) });
    }
}
