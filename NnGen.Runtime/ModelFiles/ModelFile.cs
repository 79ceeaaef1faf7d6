using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.IO;

namespace NnGen.Internal
{
    /// <summary>
    /// NnGen's model file: magic "NNGN", format version (uint16) and a reserved uint16, the network's signature
    /// (uint64, a hash of its shape, activations and loss fixed at compile time), parameter count and state count
    /// (int32 each), the parameters then the non-trainable state as little-endian float32, and a CRC-32 of every
    /// byte before it. Reading validates the whole file before anything is copied into the network.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ModelFile
    {
        /// <summary>The format version this runtime writes and reads.</summary>
        public const ushort FormatVersion = 1;

        // The header, little-endian: the magic (4 bytes) at 0, then the fields at these offsets; a uint16 reserved (0)
        // follows the version. The floats start at HeaderSize, and the CRC-32 (ChecksumSize bytes) ends the file.
        private const int VersionOffset = 4;
        private const int SignatureOffset = 8;
        private const int ParameterCountOffset = 16;
        private const int StateCountOffset = 20;
        private const int HeaderSize = StateCountOffset + sizeof(int);
        private const int ChecksumSize = sizeof(uint);
        private static ReadOnlySpan<byte> Magic => "NNGN"u8;

        /// <summary>Writes a model file of a network with <paramref name="signature"/> to <paramref name="stream"/>.</summary>
        public static void Write(Stream stream, ulong signature, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
            => Write(stream, Serialize(signature, parameters, state));

        /// <summary>Writes a model file's bytes (from <see cref="Serialize"/>) to <paramref name="stream"/>.</summary>
        public static void Write(Stream stream, byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(stream);
            ArgumentNullException.ThrowIfNull(bytes);
            stream.Write(bytes);
            stream.Flush();
        }

        /// <summary>
        /// A test hook, null unless a test sets it (by reflection: it is internal, so no consumer can): called with the
        /// temporary file's path once it is written and flushed, before the rename. The killed-save test blocks there, so
        /// that its kill lands inside a save for certain. Unset, it costs one null check per save.
        /// </summary>
        internal static Action<string>? AfterTemporaryWritten { get; set; }

        /// <summary>
        /// Writes a model file's bytes (from <see cref="Serialize"/>) to <paramref name="path"/> through a temporary file in
        /// the same folder that is then renamed over the target, so a crash never leaves a half-written model where a good one was.
        /// </summary>
        public static void WriteAtomically(string path, byte[] bytes)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            ArgumentNullException.ThrowIfNull(bytes);
            AtomicFile.Write(path, bytes, AfterTemporaryWritten);
        }

        /// <summary>
        /// Reads a model file and copies its content into <paramref name="parameters"/> and <paramref name="state"/>
        /// only once the whole file has been checked; on any error they are left unchanged.
        /// </summary>
        /// <exception cref="ModelFileException">The file is not a model file, of another network, truncated or corrupted.</exception>
        public static void Read(Stream stream, ulong signature, string networkName, Span<float> parameters, Span<float> state)
        {
            ArgumentNullException.ThrowIfNull(stream);
            int expectedLength = HeaderSize + sizeof(float) * (parameters.Length + state.Length) + ChecksumSize;
            byte[] bytes = ReadUpTo(stream, expectedLength + 1);
            ReadOnlySpan<byte> header = bytes;
            if (bytes.Length < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
                throw new ModelFileException(ModelFileError.NotAModelFile, "This is not an NnGen model file: it does not start with the bytes 'NNGN'.");
            if (bytes.Length < HeaderSize)
                throw new ModelFileException(ModelFileError.Truncated, $"The model file is truncated: it has {bytes.Length} bytes, fewer than its {HeaderSize}-byte header.");

            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[VersionOffset..]);
            if (version != FormatVersion)
                throw new ModelFileException(ModelFileError.UnsupportedVersion, $"The model file has format version {version}; this NnGen reads version {FormatVersion}.");
            ulong fileSignature = BinaryPrimitives.ReadUInt64LittleEndian(header[SignatureOffset..]);
            int parameterCount = BinaryPrimitives.ReadInt32LittleEndian(header[ParameterCountOffset..]);
            int stateCount = BinaryPrimitives.ReadInt32LittleEndian(header[StateCountOffset..]);
            if (fileSignature != signature || parameterCount != parameters.Length || stateCount != state.Length)
                throw new ModelFileException(ModelFileError.WrongNetwork,
                    $"The model file holds another network (signature {fileSignature:X16}, {parameterCount} parameters, {stateCount} state values) than {networkName} (signature {signature:X16}, {parameters.Length} parameters, {state.Length} state values).");
            if (bytes.Length < expectedLength)
                throw new ModelFileException(ModelFileError.Truncated, $"The model file is truncated: it has {bytes.Length} bytes of the {expectedLength} that {networkName} needs.");
            if (bytes.Length > expectedLength)
                throw new ModelFileException(ModelFileError.Corrupted, $"The model file has bytes after its checksum: {networkName} needs exactly {expectedLength} bytes.");

            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header[(expectedLength - ChecksumSize)..]);
            uint computed = Crc32.Compute(header[..(expectedLength - ChecksumSize)]);
            if (stored != computed)
                throw new ModelFileException(ModelFileError.Corrupted, $"The model file is corrupted: its CRC-32 is {stored:X8} but its content gives {computed:X8}.");

            ReadFloats(header.Slice(HeaderSize, sizeof(float) * parameters.Length), parameters);
            ReadFloats(header.Slice(HeaderSize + sizeof(float) * parameters.Length, sizeof(float) * state.Length), state);
        }

        /// <summary>Reads the model file at <paramref name="path"/>; see <see cref="Read(Stream, ulong, string, Span{float}, Span{float})"/>.</summary>
        public static void Read(string path, ulong signature, string networkName, Span<float> parameters, Span<float> state)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Read(file, signature, networkName, parameters, state);
        }

        /// <summary>
        /// The bytes of a model file: a copy taken at once, so that a network can take it under its concurrency guard and
        /// write it afterwards, and never write a file that mixes two sets of parameters.
        /// </summary>
        public static byte[] Serialize(ulong signature, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
        {
            var bytes = new byte[HeaderSize + sizeof(float) * (parameters.Length + state.Length) + ChecksumSize];
            Span<byte> span = bytes;
            Magic.CopyTo(span);
            BinaryPrimitives.WriteUInt16LittleEndian(span[VersionOffset..], FormatVersion);
            BinaryPrimitives.WriteUInt64LittleEndian(span[SignatureOffset..], signature);
            BinaryPrimitives.WriteInt32LittleEndian(span[ParameterCountOffset..], parameters.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span[StateCountOffset..], state.Length);
            int offset = HeaderSize;
            foreach (float value in parameters) { BinaryPrimitives.WriteSingleLittleEndian(span[offset..], value); offset += sizeof(float); }
            foreach (float value in state) { BinaryPrimitives.WriteSingleLittleEndian(span[offset..], value); offset += sizeof(float); }
            BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], Crc32.Compute(span[..offset]));
            return bytes;
        }

        private static void ReadFloats(ReadOnlySpan<byte> bytes, Span<float> destination)
        {
            for (int i = 0; i < destination.Length; i++)
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(sizeof(float) * i)..]);
        }

        /// <summary>Reads at most <paramref name="limit"/> bytes, so that a huge wrong file is not read whole.</summary>
        private static byte[] ReadUpTo(Stream stream, int limit)
        {
            var buffer = new byte[limit];
            int total = 0, read;
            while (total < limit && (read = stream.Read(buffer, total, limit - total)) > 0)
                total += read;
            Array.Resize(ref buffer, total);
            return buffer;
        }
    }
}
