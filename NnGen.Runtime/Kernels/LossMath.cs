using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NnGen.Internal
{
    /// <summary>
    /// The double-precision exp, log and log(1 + x) of the loss gates (the losses sum in double), in managed code: the
    /// C library's would be a call into native code per sample or per class, and on Intel CPUs such a call from code whose
    /// vector registers' upper halves are in use pays a state-transition stall (found with perf: a 2-4-1 network's
    /// one-sample gradient took 400 ns, half of it in the C library's exp and log; 104 ns with these). exp and log within 2 ulps, log(1 + x) within 4 (tested against System.Math).
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class LossMath
    {
        private const double Log2E = 1.4426950408889634;

        // ln 2 in two parts (fdlibm's): the high part's low bits are zero, so n * Ln2High is exact for every n exp uses
        private const double Ln2High = 6.93147180369123816490e-01;
        private const double Ln2Low = 1.90821492927058770002e-10;

        private const double Sqrt2 = 1.4142135623730951;

        /// <summary>e^x: +infinity above 709.78, 0 below -745.13, NaN for NaN.</summary>
        public static double Exp(double x)
        {
            if (!(x < 709.782712893384)) return x > 0 ? double.PositiveInfinity : x; // above the largest double's log; NaN stays
            if (x < -745.1332191019412) return 0;
            double n = Math.Round(x * Log2E);
            double r = (x - n * Ln2High) - n * Ln2Low; // |r| <= 0.3466
            // e^r by its Taylor series to r^13 / 13! (the next term is below 2^-57 of the sum), in Estrin's scheme: pairs
            // c_2j + c_2j+1 r combined by r^2, r^4 and r^8, a dependent chain a third as long as Horner's
            double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
            double p01 = 1.0 + r, p23 = 0.5 + r * (1.0 / 6), p45 = 1.0 / 24 + r * (1.0 / 120), p67 = 1.0 / 720 + r * (1.0 / 5040);
            double p89 = 1.0 / 40320 + r * (1.0 / 362880), p1011 = 1.0 / 3628800 + r * (1.0 / 39916800), p1213 = 1.0 / 479001600 + r * (1.0 / 6227020800);
            double low = (p01 + r2 * p23) + r4 * (p45 + r2 * p67);
            double high = (p89 + r2 * p1011) + r4 * p1213;
            double p = low + r8 * high;
            int k = (int)n;
            // 2^k in one step where it is normal, else in two (a subnormal or an overflowing result)
            if (k >= -1022 && k <= 1023) return p * PowerOfTwo(k);
            int half = k / 2;
            return p * PowerOfTwo(half) * PowerOfTwo(k - half);
        }

        /// <summary>The natural logarithm: -infinity at 0, NaN below 0 and for NaN, +infinity at +infinity.</summary>
        public static double Log(double x)
        {
            if (!(x > 0) || double.IsPositiveInfinity(x)) return x == 0 ? double.NegativeInfinity : x > 0 ? x : double.NaN;
            int k = 0;
            if (x < 2.2250738585072014E-308)
            {
                x *= 18014398509481984.0; // 2^54: a subnormal becomes normal
                k = -54;
            }
            long bits = BitConverter.DoubleToInt64Bits(x);
            k += (int)(bits >> 52) - 1023;
            // x = 2^k m, m in [1, 2); c_i is the middle of m's 1/128th of [1, 2), so r = m / c_i - 1 is within 1/256 of 0
            // and log m = log c_i + log(1 + r): a table and a short polynomial, no division. Where c_i > sqrt(2) the table
            // holds log(c_i / 2) and k counts one more, so that x near 1 from below (k = -1) sums no large terms of
            // opposite signs; x within 1/128 of 1 takes the polynomial alone (x - 1 is exact there)
            double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            int i = (int)((bits >> 45) & (TableSize - 1));
            double f = x - 1.0;
            if (Math.Abs(f) < 1.0 / TableSize) return LogOnePlusSmall(f);
            double r = (m - Centres[i]) * Reciprocals[i];
            k += Shifts[i];
            return (k * Ln2High + LogCentresHigh[i]) + (LogOnePlusSmall(r) + (k * Ln2Low + LogCentresLow[i]));
        }

        /// <summary>log(1 + x), accurate for small x (where 1 + x would round away x's low bits): x &gt;= -1.</summary>
        public static double Log1p(double x)
        {
            if (!(x > -1)) return x == -1 ? double.NegativeInfinity : double.NaN;
            if (Math.Abs(x) < 1.0 / TableSize) return LogOnePlusSmall(x);
            // v = 1 + x rounds; log(1 + x) = log v + log(1 + x) - log v, and that last difference is -e / v to first order
            // with e = (v - 1) - x the rounding error (exact): the division runs beside the logarithm
            double v = 1.0 + x;
            return Log(v) - ((v - 1.0) - x) / v;
        }

        /// <summary>log(1 + r) for |r| &lt;= 1/128: r - r^2/2 + ... + r^8/8 (the next term is below 2^-58 of the sum), Estrin's scheme.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double LogOnePlusSmall(double r)
        {
            double r2 = r * r, r4 = r2 * r2;
            double a = -0.5 + r * (1.0 / 3), b = -0.25 + r * (1.0 / 5), c = -1.0 / 6 + r * (1.0 / 7);
            double tail = (a + r2 * b) + r4 * (c + r2 * -0.125);
            return r + r2 * tail;
        }

        private const int TableSize = 128;

        // c_i = 1 + (i + 1/2) / 128, 1 / c_i, one for the c_i above sqrt(2), and log(c_i / 2^shift) in two parts (high: 32
        // significant bits, so that k ln2 high + log high is exact; low: the rest), computed once from the atanh series in
        // plain IEEE operations and one exact fused multiply-add: the same bits on every machine, none from the C library
        private static readonly double[] Centres = new double[TableSize], Reciprocals = new double[TableSize];
        private static readonly double[] LogCentresHigh = new double[TableSize], LogCentresLow = new double[TableSize];
        private static readonly int[] Shifts = new int[TableSize];

        static LossMath()
        {
            for (int i = 0; i < TableSize; i++)
            {
                double c = 1.0 + (i + 0.5) / TableSize;
                Centres[i] = c;
                Reciprocals[i] = 1.0 / c;
                Shifts[i] = c > Sqrt2 ? 1 : 0;
                (double high, double low) = LogNearOne(c > Sqrt2 ? c * 0.5 : c);
                LogCentresHigh[i] = high;
                LogCentresLow[i] = low;
            }
        }

        /// <summary>log c for c in [sqrt(1/2), sqrt(2)] as high + low: 2 atanh(s), s = (c - 1) / (c + 1), |s| &lt; 0.172, summed to s^61.</summary>
        private static (double High, double Low) LogNearOne(double c)
        {
            // s as a double-double: c - 1 and c + 1 are exact for these c (few significant bits), the remainder exact by FMA
            double numerator = c - 1.0, denominator = c + 1.0;
            double s = numerator / denominator;
            double sLow = Math.FusedMultiplyAdd(-s, denominator, numerator) / denominator;
            double z = s * s, sum = 0;
            for (int j = 30; j >= 1; j--) sum = sum * z + 1.0 / (2 * j + 1);
            // s + s^3/3 + ...: the leading term s carried in two parts, the rest in one
            double tail = s * z * sum + sLow;
            double total = s + tail;
            double totalLow = tail - (total - s);
            total *= 2;
            totalLow *= 2;
            double high = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(total) & unchecked((long)0xFFFFFFFFFFE00000UL));
            return (high, (total - high) + totalLow);
        }

        private static double PowerOfTwo(int k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
    }
}
