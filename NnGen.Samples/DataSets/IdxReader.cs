using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NnGen.Samples.DataSets
{
    /// <summary>An IDX array of unsigned bytes: its dimensions (outermost first) and its values in row-major order.</summary>
    internal sealed record IdxArray(int[] Dimensions, byte[] Values);

    /// <summary>
    /// Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type code (0x08 for unsigned bytes,
    /// the only type read here), the number of dimensions, each dimension as a big-endian int32, then the values.
    /// Gzipped files (magic 1F 8B) are decompressed on the fly. A file that is not IDX, holds another type, ends before
    /// its header says or holds more than it says throws <see cref="InvalidDataException"/> naming the source.
    /// </summary>
    internal static class IdxReader
    {
        private const byte UnsignedByte = 0x08;

        /// <summary>Reads the IDX file at <paramref name="path"/>, gzipped or not.</summary>
        public static IdxArray ReadFile(string path)
        {
            using FileStream file = File.OpenRead(path);
            return Read(file, path);
        }

        /// <summary>Reads an IDX array from <paramref name="stream"/> (left open); <paramref name="source"/> names it in errors.</summary>
        public static IdxArray Read(Stream stream, string source)
        {
            ArgumentNullException.ThrowIfNull(stream);
            if (!stream.CanSeek)
            {
                // the gzip check peeks at two bytes and steps back, which needs a seekable stream
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                copy.Position = 0;
                stream = copy;
            }
            long start = stream.Position;
            bool gzipped = stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B;
            stream.Position = start;
            using GZipStream? gzip = gzipped ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
            // a plain file's length bounds what its header may promise, so a wrong file cannot make us allocate gigabytes
            long available = gzipped ? long.MaxValue : stream.Length - start;
            return ReadBody(gzip ?? stream, source, available);
        }

        private static IdxArray ReadBody(Stream body, string source, long available)
        {
            Span<byte> magic = stackalloc byte[4];
            int read = ReadUpTo(body, magic, source);
            if (read < magic.Length)
                throw new InvalidDataException($"{source}: truncated: the file ends after {read} byte(s), inside the 4-byte IDX magic number.");
            if (magic[0] != 0 || magic[1] != 0)
                throw new InvalidDataException($"{source}: not an IDX file: it starts with {magic[0]:X2} {magic[1]:X2}, an IDX file with 00 00.");
            if (magic[2] != UnsignedByte)
                throw new InvalidDataException($"{source}: IDX type code 0x{magic[2]:X2} is not supported; only unsigned bytes (0x08) are read.");
            int rank = magic[3];
            if (rank == 0)
                throw new InvalidDataException($"{source}: the IDX header declares 0 dimensions; expected at least 1.");

            var header = new byte[4 * rank];
            read = ReadUpTo(body, header, source);
            if (read < header.Length)
                throw new InvalidDataException($"{source}: truncated: the header declares {rank} dimension(s) ({header.Length} bytes) but the file ends after {read} of them.");
            var dimensions = new int[rank];
            long count = 1;
            for (int d = 0; d < rank; d++)
            {
                dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d));
                if (dimensions[d] < 0)
                    throw new InvalidDataException($"{source}: dimension {d} is {dimensions[d]}; dimensions must be >= 0.");
                count *= dimensions[d];
                if (count > Array.MaxLength)
                    throw new InvalidDataException($"{source}: the dimensions ({string.Join(" x ", dimensions[..(d + 1)])}) describe more than {Array.MaxLength} values.");
            }

            long left = available - magic.Length - header.Length;
            if (count > left)
                throw Truncated(source, dimensions, count, left);
            var values = new byte[count];
            read = ReadUpTo(body, values, source);
            if (read < values.Length)
                throw Truncated(source, dimensions, count, read);
            if (ReadUpTo(body, stackalloc byte[1], source) > 0)
                throw new InvalidDataException($"{source}: the file holds more bytes than its header ({string.Join(" x ", dimensions)}) describes; it is not the file it claims to be.");
            return new IdxArray(dimensions, values);
        }

        /// <summary>Fills <paramref name="buffer"/> unless the data ends first; returns the bytes read.</summary>
        private static int ReadUpTo(Stream body, Span<byte> buffer, string source)
        {
            try
            {
                return body.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }
            catch (InvalidDataException e)
            {
                // only GZipStream throws this while reading: say which file it was
                throw new InvalidDataException($"{source}: the gzip data is corrupt ({e.Message})", e);
            }
        }

        private static InvalidDataException Truncated(string source, int[] dimensions, long count, long held) =>
            new($"{source}: truncated: the header ({string.Join(" x ", dimensions)}) promises {count} value bytes but the file holds {held}.");
    }
}
