using System;
using System.ComponentModel;

namespace NnGen.Internal
{
    /// <summary>
    /// A small deterministic random generator (SplitMix64). It uses only integer arithmetic and IEEE-exact
    /// double operations, so one seed gives the same numbers bit for bit on every machine and runtime.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SeededRandom
    {
        private ulong _state;
        private double _spareNormal;
        private bool _hasSpare;

        /// <summary>Starts the sequence of <paramref name="seed"/>.</summary>
        public SeededRandom(long seed) => _state = unchecked((ulong)seed);

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
        public int NextInt(int maxExclusive)
        {
            if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The bound must be > 0.");
            ulong bound = (ulong)maxExclusive;
            ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
            ulong x;
            do x = NextUInt64(); while (x >= limit);
            return (int)(x % bound);
        }

        /// <summary>Standard normal (mean 0, sd 1) by Marsaglia's polar method, with a deterministic logarithm.</summary>
        public double NextNormal()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spareNormal;
            }

            double u, v, s;
            do
            {
                u = 2.0 * NextDouble() - 1.0;
                v = 2.0 * NextDouble() - 1.0;
                s = u * u + v * v;
            } while (s >= 1.0 || s == 0.0);
            double factor = Math.Sqrt(-2.0 * DeterministicLog(s) / s);
            _spareNormal = v * factor;
            _hasSpare = true;
            return u * factor;
        }

        /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
        public void Shuffle<T>(Span<T> items)
        {
            for (int i = items.Length - 1; i > 0; i--)
            {
                int j = NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        /// <summary>
        /// Natural logarithm of x in (0, 1] from + - * / alone (Math.Log may differ in the last bit between C
        /// runtimes): x = m * 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh((m - 1) / (m + 1)) by its series.
        /// </summary>
        internal static double DeterministicLog(double x)
        {
            int exponent = 0;
            while (x < 0.70710678118654752) { x *= 2.0; exponent--; }
            while (x >= 1.4142135623730951) { x *= 0.5; exponent++; }
            double s = (x - 1.0) / (x + 1.0), s2 = s * s, term = s, sum = 0.0;
            for (int k = 1; k <= 41; k += 2)
            {
                sum += term / k;
                term *= s2;
            }
            return 2.0 * sum + exponent * 0.69314718055994531;
        }
    }
}
