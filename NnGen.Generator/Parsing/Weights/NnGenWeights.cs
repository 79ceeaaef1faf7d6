using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>
    /// Reads NnGen's own model file (the runtime's NnGen.Internal.ModelFile: magic "NNGN", format version and a reserved
    /// uint16, signature uint64, parameter and state counts int32, the floats little-endian, a CRC-32 of every byte
    /// before it). The file is first checked on its own (magic, header, version, length, checksum), then against the
    /// network (signature, parameter count, state count), so that a damaged file is never taken for another network's.
    /// </summary>
    internal static class NnGenWeights
    {
        private const ushort FormatVersion = 1;
        private const int VersionOffset = 4, SignatureOffset = 8, ParameterCountOffset = 16, StateCountOffset = 20;
        private const int HeaderSize = StateCountOffset + sizeof(int), ChecksumSize = sizeof(uint);
        private static readonly byte[] Magic = { (byte)'N', (byte)'N', (byte)'G', (byte)'N' };

        public static WeightsReadResult Read(byte[] bytes, NetworkPlan plan)
        {
            if (bytes.Length < Magic.Length || bytes[0] != Magic[0] || bytes[1] != Magic[1] || bytes[2] != Magic[2] || bytes[3] != Magic[3])
                return WeightsReadResult.Damaged("it is not an NnGen model file (it does not start with the bytes 'NNGN')");
            if (bytes.Length < HeaderSize + ChecksumSize)
                return WeightsReadResult.Damaged($"it is truncated ({Text(bytes.Length)} bytes, fewer than a model file's {Text(HeaderSize + ChecksumSize)}-byte header and checksum)");

            var file = new System.ReadOnlySpan<byte>(bytes);
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(VersionOffset));
            if (version != FormatVersion)
                return WeightsReadResult.Damaged($"it has model file format version {Text(version)}, and this NnGen reads version {Text(FormatVersion)}");
            ulong signature = BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(SignatureOffset));
            int parameterCount = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(ParameterCountOffset));
            int stateCount = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(StateCountOffset));
            if (parameterCount < 0 || stateCount < 0)
                return WeightsReadResult.Damaged($"its header is corrupted (it counts {Text(parameterCount)} parameters and {Text(stateCount)} state values)");

            long expected = HeaderSize + sizeof(float) * ((long)parameterCount + stateCount) + ChecksumSize;
            if (bytes.Length < expected)
                return WeightsReadResult.Damaged($"it is truncated ({Text(bytes.Length)} bytes of the {Text(expected)} its header announces)");
            if (bytes.Length > expected)
                return WeightsReadResult.Damaged($"it has {Text(bytes.Length - expected)} bytes after its checksum (its header announces {Text(expected)} bytes)");
            int body = (int)expected - ChecksumSize;
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(body));
            uint computed = NnGen.Internal.Crc32.Compute(file.Slice(0, body));
            if (stored != computed)
                return WeightsReadResult.Damaged($"it is corrupted (its CRC-32 is {stored:X8} but its content gives {computed:X8})");

            string network = $"'{plan.FullName}'";
            if (signature != plan.Signature)
                return WeightsReadResult.WrongNetwork($"its signature is {signature:X16} but {network} has {plan.Signature:X16} (another shape, activation, option or loss)");
            if (parameterCount != plan.ParameterCount)
                return WeightsReadResult.WrongNetwork($"it has {Text(parameterCount)} parameters but {network} has {Text(plan.ParameterCount)}");
            if (stateCount != plan.StateCount)
                return WeightsReadResult.WrongNetwork($"it has {Text(stateCount)} state values but {network} has {Text(plan.StateCount)}");

            return WeightsReadResult.Read(Bits(file, HeaderSize, parameterCount), Bits(file, HeaderSize + sizeof(float) * parameterCount, stateCount));
        }

        private static EquatableArray<uint> Bits(System.ReadOnlySpan<byte> file, int offset, int count)
        {
            var bits = ImmutableArray.CreateBuilder<uint>(count);
            for (int i = 0; i < count; i++)
                bits.Add(BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(offset + sizeof(float) * i)));
            return new EquatableArray<uint>(bits.MoveToImmutable());
        }

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
