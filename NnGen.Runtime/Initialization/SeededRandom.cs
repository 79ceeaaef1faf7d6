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
        // SplitMix64 (Steele, Lea and Flood, 2014): the state advances by the golden-ratio increment, and each output
        // is the new state through the two multiply-xorshift rounds of MurmurHash3's finalizer (Stafford's Mix13).
        private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
        private const ulong MixMultiplier1 = 0xBF58476D1CE4E5B9UL;
        private const ulong MixMultiplier2 = 0x94D049BB133111EBUL;

        // One step of Knuth's MMIX linear congruential generator, which takes a seed to the start of a second sequence.
        private const long LcgMultiplier = 6364136223846793005L;
        private const long LcgIncrement = 1442695040888963407L;

        // DeterministicLog's range reduction to [sqrt(1/2), sqrt(2)), ln 2, and the last odd power of the atanh series it
        // sums (|s| <= 0.172 there, so the first term left out is below 1e-34).
        private const double HalfSqrt2 = 0.70710678118654752;
        private const double Sqrt2 = 1.4142135623730951;
        private const double Ln2 = 0.69314718055994531;
        private const int LastSeriesPower = 41;

        private ulong _state;
        private double _spareNormal;
        private bool _hasSpare;

        /// <summary>Starts the sequence of <paramref name="seed"/>.</summary>
        public SeededRandom(long seed) => _state = unchecked((ulong)seed);

        /// <summary>
        /// The second sequence of <paramref name="seed"/>, which a network's dropout and noise layers draw from (its
        /// constructor fills the weights from <c>new SeededRandom(seed)</c>): the sequence started at one step of Knuth's
        /// MMIX linear congruential generator from the seed, seed * 6364136223846793005 + 1442695040888963407 (mod 2^64),
        /// so that it is not the initializer's sequence for any seed.
        /// </summary>
        public static SeededRandom ForStochasticLayers(long seed) => new(unchecked(seed * LcgMultiplier + LcgIncrement));

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong z = unchecked(_state += GoldenGamma);
            z = unchecked((z ^ (z >> 30)) * MixMultiplier1);
            z = unchecked((z ^ (z >> 27)) * MixMultiplier2);
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
            while (x < HalfSqrt2) { x *= 2.0; exponent--; }
            while (x >= Sqrt2) { x *= 0.5; exponent++; }
            double s = (x - 1.0) / (x + 1.0), s2 = s * s, term = s, sum = 0.0;
            for (int k = 1; k <= LastSeriesPower; k += 2)
            {
                sum += term / k;
                term *= s2;
            }
            return 2.0 * sum + exponent * Ln2;
        }
    }
}
