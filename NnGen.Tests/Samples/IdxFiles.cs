using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NnGen.Tests.Samples;

/// <summary>Builds IDX files in memory: magic (0, 0, type, rank), big-endian dimensions, values.</summary>
internal static class IdxFiles
{
    public static byte[] Build(int[] dimensions, byte[] values, byte type = 0x08) =>
        Build([0, 0, type, (byte)dimensions.Length], dimensions, values);

    public static byte[] Build(byte[] magic, int[] dimensions, byte[] values)
    {
        var bytes = new byte[magic.Length + 4 * dimensions.Length + values.Length];
        magic.CopyTo(bytes, 0);
        for (int d = 0; d < dimensions.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(magic.Length + 4 * d), dimensions[d]);
        values.CopyTo(bytes, magic.Length + 4 * dimensions.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return compressed.ToArray();
    }

    public static byte[] Counting(int count)
    {
        var values = new byte[count];
        for (int i = 0; i < count; i++) values[i] = (byte)(i * 7 + 3);
        return values;
    }
}

/// <summary>A read-only stream that cannot seek, like a pipe or a network stream.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
