using System;
using System.ComponentModel;

namespace NnGen.Internal
{
    /// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320): the checksum that closes every model file.</summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Crc32
    {
        /// <summary>The CRC-32 generator polynomial 0x04C11DB7 (IEEE 802.3, zlib, PNG), bit-reversed for the reflected form.</summary>
        private const uint ReflectedPolynomial = 0xEDB88320u;

        private static readonly uint[] Table = CreateTable();

        /// <summary>Continues a CRC over <paramref name="data"/>; start with <c>0</c>.</summary>
        public static uint Append(uint crc, ReadOnlySpan<byte> data)
        {
            uint c = ~crc;
            foreach (byte b in data)
                c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
            return ~c;
        }

        /// <summary>The CRC-32 of <paramref name="data"/> (of "123456789" it is 0xCBF43926).</summary>
        public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

        private static uint[] CreateTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
