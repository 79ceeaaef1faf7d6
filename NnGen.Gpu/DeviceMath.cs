using System;
using System.ComponentModel;
using ILGPU;

namespace NnGen.Gpu
{
    /// <summary>
    /// The math the generated kernels call on the device. <see cref="MathF"/>'s Exp, Log and Tanh have no PTX form
    /// unless the consumer's ILGPU context enables ILGPU.Algorithms, so these are built from exp2 and log2, which every
    /// ILGPU backend has. ILGPU compiles them into each kernel that calls them, as it does any static method.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class DeviceMath
    {
        /// <summary>log2(e), in float: e^x = 2^(x log2 e).</summary>
        public const float Log2E = 1.44269504f;

        /// <summary>ln(2), in float: ln x = log2(x) ln 2.</summary>
        public const float Ln2 = 0.693147182f;

        /// <summary>Below this, <see cref="Log1p"/> uses its Taylor series, where 1 + u would round u away.</summary>
        public const float Log1pSeriesLimit = 1e-4f;

        /// <summary>Below this magnitude, <see cref="Tanh"/> uses its Taylor series, where 1 - 2 / (e^2x + 1) would cancel.</summary>
        public const float TanhSeriesLimit = 0.125f;

        /// <summary>e^x = 2^(x log2 e); overflows to +Infinity and underflows to 0 as exp does.</summary>
        public static float Exp(float x) => IntrinsicMath.CPUOnly.Exp2(x * Log2E);

        /// <summary>ln x = log2(x) ln 2.</summary>
        public static float Log(float x) => MathF.Log2(x) * Ln2;

        /// <summary>ln(1 + u) for u &gt;= 0, without losing a small u to the rounding of 1 + u.</summary>
        public static float Log1p(float u) => u < Log1pSeriesLimit ? u * (1f - 0.5f * u) : Log(1f + u);

        /// <summary>tanh from one exponential; near 0 its Taylor series to x^7, where 1 - 2 / (e^2x + 1) would cancel.</summary>
        public static float Tanh(float x)
        {
            float ax = MathF.Abs(x);
            if (ax < TanhSeriesLimit)
            {
                float x2 = x * x;
                return x * (1f + x2 * (-0.333333343f + x2 * (0.13333334f + x2 * -0.0539682545f)));
            }
            float t = 1f - 2f / (Exp(2f * ax) + 1f);
            return x < 0f ? -t : t;
        }
    }
}
