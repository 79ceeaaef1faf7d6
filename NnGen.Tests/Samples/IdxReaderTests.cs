using System;
using System.IO;
using NnGen.Samples.DataSets;
using Xunit;

namespace NnGen.Tests.Samples;

/// <summary>The samples' IDX reader on small files built in memory, plain and gzipped, good and broken.</summary>
public class IdxReaderTests
{
    private const string Source = "test.idx";

    private static IdxArray Read(byte[] bytes) => IdxReader.Read(new MemoryStream(bytes), Source);

    private static InvalidDataException Fails(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));
        Assert.StartsWith(Source + ":", error.Message);   // every error names the file
        return error;
    }

    [Fact]
    public void GoodFile_GivesItsDimensionsAndValues_PlainOrGzipped()
    {
        byte[] values = IdxFiles.Counting(2 * 3 * 4);
        byte[] file = IdxFiles.Build([2, 3, 4], values);
        foreach (byte[] bytes in new[] { file, IdxFiles.Gzip(file) })
        {
            IdxArray array = Read(bytes);
            Assert.Equal(new[] { 2, 3, 4 }, array.Dimensions);
            Assert.Equal(values, array.Values);
        }
    }

    [Fact]
    public void BigEndianDimensions_AreReadAsSuch()
    {
        // 258 = 0x00000102: read little-endian it would be 0x02010000
        IdxArray array = Read(IdxFiles.Build([258], IdxFiles.Counting(258)));
        Assert.Equal(new[] { 258 }, array.Dimensions);
    }

    [Fact]
    public void StreamThatCannotSeek_IsReadToo()
    {
        byte[] values = IdxFiles.Counting(10);
        IdxArray array = IdxReader.Read(new ForwardOnlyStream(IdxFiles.Gzip(IdxFiles.Build([10], values))), Source);
        Assert.Equal(values, array.Values);
    }

    [Fact]
    public void ReadFile_ReadsTheGzippedFileAtAPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nngen-idx-{Guid.NewGuid():N}.gz");
        try
        {
            File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.Build([3, 2], IdxFiles.Counting(6))));
            Assert.Equal(new[] { 3, 2 }, IdxReader.ReadFile(path).Dimensions);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 })]   // a zip file
    [InlineData(new byte[] { 0x00, 0x01, 0x08, 0x01 })]
    public void WrongMagic_IsNotAnIdxFile(byte[] magic)
    {
        Assert.Contains("not an IDX file", Fails(IdxFiles.Build(magic, [4], IdxFiles.Counting(4))).Message);
    }

    [Fact]
    public void OtherValueType_IsRefusedByName()
    {
        // 0x0D: 32-bit floats
        Assert.Contains("0x0D", Fails(IdxFiles.Build([1], new byte[4], type: 0x0D)).Message);
    }

    [Fact]
    public void NoDimensions_IsRefused()
    {
        Assert.Contains("0 dimensions", Fails(IdxFiles.Build([], [])).Message);
    }

    [Fact]
    public void NegativeDimension_IsRefused()
    {
        Assert.Contains("dimension 1 is -5", Fails(IdxFiles.Build([2, -5], [])).Message);
    }

    [Fact]
    public void TruncatedMagic_SaysTruncated()
    {
        Assert.Contains("truncated", Fails([0, 0]).Message);
        Assert.Contains("truncated", Fails([]).Message);
    }

    [Fact]
    public void TruncatedHeader_SaysHowMuchIsMissing()
    {
        byte[] file = IdxFiles.Build([60000, 28, 28], []);
        byte[] cut = file[..10];   // the magic and 6 of the 12 dimension bytes
        foreach (byte[] bytes in new[] { cut, IdxFiles.Gzip(cut) })
        {
            string message = Fails(bytes).Message;
            Assert.Contains("truncated", message);
            Assert.Contains("3 dimension(s) (12 bytes)", message);
            Assert.Contains("after 6", message);
        }
    }

    [Fact]
    public void TruncatedData_SaysPromisedAndHeld()
    {
        byte[] file = IdxFiles.Build([4, 6], IdxFiles.Counting(24));
        byte[] cut = file[..^4];
        foreach (byte[] bytes in new[] { cut, IdxFiles.Gzip(cut) })
        {
            string message = Fails(bytes).Message;
            Assert.Contains("truncated", message);
            Assert.Contains("promises 24 value bytes but the file holds 20", message);
        }
    }

    [Fact]
    public void TruncatedGzipStream_IsAnError()
    {
        byte[] gzip = IdxFiles.Gzip(IdxFiles.Build([4, 100], IdxFiles.Counting(400)));
        Fails(gzip[..(gzip.Length / 2)]);
    }

    [Fact]
    public void HugeDimensionsInASmallPlainFile_FailBeforeAllocating()
    {
        // 40,000 x 40,000 values fit in an array but not in this file: refused from the file's length
        Assert.Contains("promises 1600000000 value bytes but the file holds 3", Fails(IdxFiles.Build([40000, 40000], [1, 2, 3])).Message);
        Assert.Contains("describe more than", Fails(IdxFiles.Build([100000, 100000], [])).Message);
    }

    [Fact]
    public void ExtraBytes_AreRefused()
    {
        byte[] file = IdxFiles.Build([4], IdxFiles.Counting(5));   // one value more than 4
        foreach (byte[] bytes in new[] { file, IdxFiles.Gzip(file) })
            Assert.Contains("more bytes than its header", Fails(bytes).Message);
    }

    [Fact]
    public void CorruptGzip_NamesTheFile()
    {
        byte[] gzip = IdxFiles.Gzip(IdxFiles.Build([4, 100], IdxFiles.Counting(400)));
        for (int i = 10; i < gzip.Length - 8; i++) gzip[i] ^= 0xA5;   // scramble the deflate data, keep the gzip header
        Fails(gzip);
    }
}
