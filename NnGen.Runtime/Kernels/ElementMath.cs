using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NnGen.Internal
{
    /// <summary>
    /// e^x, e^x - 1, sigmoid, tanh, ELU and SELU over vectors of floats, written once over <see cref="ISimd{TVec}"/>:
    /// every lane goes through the same IEEE operations on every width, so <see cref="ScalarLane"/>,
    /// <see cref="Lanes128"/>, <see cref="Lanes256"/>, <see cref="Lanes512"/> and <see cref="LanesVector"/> give the
    /// same bits (a sample alone gives the bits of its row in a batch). Multiply and add are rounded separately,
    /// never fused, so the bits are also the same on every machine, with FMA or without it (unrolled networks, which
    /// call the scalar lane, promise that). No call of MathF.Exp or Math.Exp.
    /// </summary>
    /// <remarks>
    /// Error bounds against the double-precision definition rounded to float (ElementMathTests: every 1021st float
    /// of [-110, 110], the floats around each threshold and the special values; and, checked once when this was
    /// written, every float of the range in brackets, beyond which the result is a constant or, for tanh, odd):
    /// <see cref="Exp{TSimd, TVec}"/> 1 ulp [-104, 89] (denormal results counted in the denormal spacing),
    /// <see cref="ExpMinusOne{TSimd, TVec}"/> 1 ulp [-20, 0], <see cref="Sigmoid{TSimd, TVec}"/> 2 ulps [-104, 17],
    /// <see cref="Tanh{TSimd, TVec}"/> 1 ulp [0, 9.2], <see cref="Elu{TSimd, TVec}"/> and
    /// <see cref="Selu{TSimd, TVec}"/> 2 ulps [-20, 0] (exact above 0). NaN in gives NaN out (its payload is not
    /// promised).
    /// Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may
    /// change in any release.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ElementMath
    {
        private const float Log2E = 1.44269504088896341f;

        // ln 2 in two parts (Cody and Waite): LnTwoHigh has 9 significant bits, so n * LnTwoHigh is exact for the
        // |n| <= 150 that occur and x - n * LnTwoHigh is exact too; LnTwoLow is the rest, rounded to float.
        private const float LnTwoHigh = 0.693359375f;
        private const float LnTwoLow = -2.12194440e-4f;

        // Above this, e^x overflows to +inf (ln of float.MaxValue is 88.7228); the clamp keeps n at 128.
        private const float ExpUpperClamp = 89f;

        // Below this, e^x rounds to 0 (ln 2^-150 is -103.972); the clamp keeps n at -150.
        private const float ExpLowerClamp = -104f;

        // Below this, e^x - 1 rounds to -1 (e^-17.33 is 2^-25); the clamp keeps 2^n normal.
        private const float ExpMinusOneLowerClamp = -20f;

        // (e^r - 1 - r) / r^2 on |r| <= ln(2) / 2, a Chebyshev fit of degree 5 (error 1.4e-9, so e^r - 1 to 5e-10
        // relative), highest degree first.
        private const float Q5 = 1.9891080464e-4f, Q4 = 1.3933730716e-3f, Q3 = 8.3333108446e-3f, Q2 = 4.1666464197e-2f, Q1 = 1.6666666682e-1f, Q0 = 0.5f;

        // Below this |z|, tanh(z) is the odd polynomial (tanh is above 0.5 beyond it, so 1 - 2 / (e^2|z| + 1) loses
        // nothing to cancellation there).
        private const float TanhSeriesLimit = 0.5625f;

        // (tanh(a) / a - 1) / a^2 as a polynomial in s = a^2 on |a| <= 0.5625, a Chebyshev fit of degree 5
        // (error 4.9e-10), highest degree first.
        private const float T5 = 2.48761464803e-3f, T4 = -8.4992478288e-3f, T3 = 2.18119026084e-2f, T2 = -5.39640638265e-2f, T1 = 1.33333220732e-1f, T0 = -3.33333332839e-1f;

        /// <summary>
        /// e^x to within 1 ulp: n = round(x log2 e), r = x - n ln 2 (Cody-Waite, |r| &lt;= ln(2) / 2), e^r from a
        /// polynomial in Horner form, times 2^n in two exact steps so that results below float's normal range round
        /// once to the denormal (or 0) and those above it to +inf. e^-inf = 0, e^inf = inf, NaN gives NaN.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec Exp<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            if (typeof(TVec) == typeof(float)) return (TVec)(object)Scalar.Exp((float)(object)x);
            // Clamping by Select keeps NaN (its comparisons are false).
            TVec hi = TSimd.Broadcast(ExpUpperClamp), lo = TSimd.Broadcast(ExpLowerClamp);
            x = TSimd.Select(TSimd.GreaterThan(x, hi), hi, x);
            x = TSimd.Select(TSimd.LessThan(x, lo), lo, x);
            TVec n = TSimd.Round(TSimd.Multiply(x, TSimd.Broadcast(Log2E)));
            TVec p = TSimd.Add(TSimd.Broadcast(1f), ExpMinusOneReduced<TSimd, TVec>(Reduce<TSimd, TVec>(x, n)));
            // n in [-150, 128] as m + k with m, k in [-75, 64]: p 2^m is exact and normal, 2^k is normal, and their
            // product rounds once.
            TVec m = TSimd.Round(TSimd.Multiply(n, TSimd.Broadcast(0.5f)));
            TVec k = TSimd.Subtract(n, m);
            return TSimd.Multiply(TSimd.ScaleByPowerOfTwo(p, m), TSimd.ScaleByPowerOfTwo(TSimd.Broadcast(1f), k));
        }

        /// <summary>
        /// e^x - 1 to within 1 ulp for x &lt;= 88, relative error kept for small |x| (e^x - 1 is x for tiny x, not
        /// 0): 2^n (e^r - 1) + (2^n - 1), with e^r - 1 from the polynomial. -inf gives -1, NaN gives NaN. Lanes above
        /// 88 are not meaningful (ELU and SELU use it only where z &lt;= 0).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec ExpMinusOne<TSimd, TVec>(TVec x) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            TVec lo = TSimd.Broadcast(ExpMinusOneLowerClamp);
            x = TSimd.Select(TSimd.LessThan(x, lo), lo, x);
            TVec n = TSimd.Round(TSimd.Multiply(x, TSimd.Broadcast(Log2E)));
            TVec t = ExpMinusOneReduced<TSimd, TVec>(Reduce<TSimd, TVec>(x, n));
            TVec scale = TSimd.ScaleByPowerOfTwo(TSimd.Broadcast(1f), n);
            return MulAdd<TSimd, TVec>(t, scale, TSimd.Subtract(scale, TSimd.Broadcast(1f)));
        }

        /// <summary>
        /// 1 / (1 + e^-z) to within 2 ulps: e^-|z| never overflows, and for z &lt; 0 the result is e^z / (1 + e^z),
        /// so very negative z gives e^z itself (denormal, then 0), never NaN; z above 17 gives exactly 1.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec Sigmoid<TSimd, TVec>(TVec z) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            if (typeof(TVec) == typeof(float)) return (TVec)(object)Scalar.Sigmoid((float)(object)z);
            TVec one = TSimd.Broadcast(1f);
            TVec e = Exp<TSimd, TVec>(TSimd.Subtract(default, TSimd.Abs(z)));
            TVec numerator = TSimd.Select(TSimd.LessThan(z, default), e, one);
            return TSimd.Divide(numerator, TSimd.Add(one, e));
        }

        /// <summary>
        /// tanh(z) to within 1 ulp: an odd polynomial z + z^3 P(z^2) for |z| &lt; 0.5625 (z itself for tiny z, the
        /// sign of zero kept), else 1 - 2 / (e^2|z| + 1) with the sign of z, which is exactly +-1 from |z| = 9.1 on.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec Tanh<TSimd, TVec>(TVec z) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            if (typeof(TVec) == typeof(float)) return (TVec)(object)Scalar.Tanh((float)(object)z);
            TVec a = TSimd.Abs(z), one = TSimd.Broadcast(1f);
            TVec s = TSimd.Multiply(a, a);
            TVec p = MulAdd<TSimd, TVec>(TSimd.Broadcast(T5), s, TSimd.Broadcast(T4));
            p = MulAdd<TSimd, TVec>(p, s, TSimd.Broadcast(T3));
            p = MulAdd<TSimd, TVec>(p, s, TSimd.Broadcast(T2));
            p = MulAdd<TSimd, TVec>(p, s, TSimd.Broadcast(T1));
            p = MulAdd<TSimd, TVec>(p, s, TSimd.Broadcast(T0));
            TVec small = MulAdd<TSimd, TVec>(TSimd.Multiply(a, s), p, a);
            TVec e = Exp<TSimd, TVec>(TSimd.Add(a, a));
            TVec large = TSimd.Subtract(one, TSimd.Divide(TSimd.Broadcast(2f), TSimd.Add(e, one)));
            return TSimd.CopySign(TSimd.Select(TSimd.LessThan(a, TSimd.Broadcast(TanhSeriesLimit)), small, large), z);
        }

        /// <summary>
        /// The one-lane forms of <see cref="Exp{TSimd, TVec}"/>, <see cref="Sigmoid{TSimd, TVec}"/> and
        /// <see cref="Tanh{TSimd, TVec}"/>, which unrolled networks call per gate: the same operations on each value, with
        /// branches where the vector forms select between lanes (so tanh computes only the side it returns). The tests
        /// hold them to the vector forms' bits.
        /// </summary>
        private static class Scalar
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static float Exp(float x)
            {
                if (x > ExpUpperClamp) x = ExpUpperClamp;
                if (x < ExpLowerClamp) x = ExpLowerClamp;
                float n = MathF.Round(x * Log2E);
                float p = 1f + ExpMinusOneReduced<ScalarLane, float>(Reduce<ScalarLane, float>(x, n));
                // Where p 2^n is normal (p is in [0.7, 1.42]), shifting the exponent once is exact and equals the two steps.
                if (n >= -125f && n <= 126f) return ScalarLane.ScaleByPowerOfTwo(p, n);
                float m = MathF.Round(n * 0.5f);
                float k = n - m;
                return ScalarLane.ScaleByPowerOfTwo(p, m) * ScalarLane.ScaleByPowerOfTwo(1f, k);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static float Sigmoid(float z)
            {
                float e = Exp(0f - MathF.Abs(z));
                // e where the sign bit of z is set, else 1, without a branch (random signs would mispredict): for -0 both are
                // 1, and a NaN z makes e NaN either way, so this is the vector form's z < 0 select.
                int negative = BitConverter.SingleToInt32Bits(z) >> 31;
                float numerator = BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(e) & negative) | (0x3F800000 & ~negative));
                return numerator / (1f + e);
            }

            public static float Tanh(float z)
            {
                float a = MathF.Abs(z), result;
                if (a < TanhSeriesLimit)
                {
                    float s = a * a;
                    float p = T5 * s + T4;
                    p = p * s + T3;
                    p = p * s + T2;
                    p = p * s + T1;
                    p = p * s + T0;
                    result = a * s * p + a;
                }
                else result = 1f - 2f / (Exp(a + a) + 1f);
                return MathF.CopySign(result, z);
            }
        }

        /// <summary>z for z &gt; 0 (exactly), else alpha (e^z - 1) with e^z - 1 from <see cref="ExpMinusOne{TSimd, TVec}"/>: within 2 ulps.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec Elu<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Select(TSimd.GreaterThan(z, default), z, TSimd.Multiply(TSimd.Broadcast(alpha), ExpMinusOne<TSimd, TVec>(z)));

        /// <summary>scale z for z &gt; 0, else scale alpha (e^z - 1), with PyTorch's constants: within 2 ulps.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec Selu<TSimd, TVec>(TVec z) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Select(TSimd.GreaterThan(z, default),
                TSimd.Multiply(TSimd.Broadcast(ActivationMath.SeluScale), z),
                TSimd.Multiply(TSimd.Broadcast(ActivationMath.SeluScaleAlpha), ExpMinusOne<TSimd, TVec>(z)));

        /// <summary>max(z, 0); a NaN gives 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec ReLU<TSimd, TVec>(TVec z) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Select(TSimd.GreaterThan(z, default), z, default);

        /// <summary>z for z &gt; 0, else alpha z.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVec LeakyReLU<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Select(TSimd.GreaterThan(z, default), z, TSimd.Multiply(TSimd.Broadcast(alpha), z));

        /// <summary>
        /// a * b + c with two roundings on every machine, never fused: unrolled networks (scalar code) promise the
        /// same bits on every machine, with or without FMA, and their exponentials are these.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TVec MulAdd<TSimd, TVec>(TVec a, TVec b, TVec c) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Add(TSimd.Multiply(a, b), c);

        /// <summary>r = (x - n LnTwoHigh) - n LnTwoLow (n LnTwoHigh is exact, and so is x minus it; both products at once).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TVec Reduce<TSimd, TVec>(TVec x, TVec n) where TSimd : struct, ISimd<TVec> where TVec : struct
            => TSimd.Subtract(TSimd.Subtract(x, TSimd.Multiply(n, TSimd.Broadcast(LnTwoHigh))), TSimd.Multiply(n, TSimd.Broadcast(LnTwoLow)));

        /// <summary>
        /// e^r - 1 for |r| &lt;= ln(2) / 2: r + r^2 Q(r), Q by Estrin's scheme (three pairs at once, then r^2 and r^4),
        /// whose chain of dependent operations is about half of Horner's: a gate's sigmoid or tanh waits on it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TVec ExpMinusOneReduced<TSimd, TVec>(TVec r) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            TVec r2 = TSimd.Multiply(r, r), r4 = TSimd.Multiply(r2, r2);
            TVec low = MulAdd<TSimd, TVec>(TSimd.Broadcast(Q1), r, TSimd.Broadcast(Q0));
            TVec middle = MulAdd<TSimd, TVec>(TSimd.Broadcast(Q3), r, TSimd.Broadcast(Q2));
            TVec high = MulAdd<TSimd, TVec>(TSimd.Broadcast(Q5), r, TSimd.Broadcast(Q4));
            TVec q = TSimd.Add(TSimd.Multiply(high, r4), MulAdd<TSimd, TVec>(middle, r2, low));
            return MulAdd<TSimd, TVec>(r2, q, r);
        }
    }
}
