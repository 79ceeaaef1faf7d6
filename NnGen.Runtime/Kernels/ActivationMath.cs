using System;
using System.ComponentModel;

namespace NnGen.Internal
{
    /// <summary>
    /// Activation functions whose platform versions are too slow for a gate. Generated code calls these.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ActivationMath
    {
        /// <summary>Below this |z|, tanh(z) = z (1 - z^2 / 3) to far better than float precision (the next term is 2 z^5 / 15).</summary>
        private const float SeriesLimit = 2.44e-4f;

        /// <summary>Above this |z|, tanh(z) rounds to +-1 in float (1 - tanh(9.1) is below half an ulp of 1).</summary>
        private const float SaturationLimit = 20f;

        /// <summary>
        /// tanh(z) to within an ulp or so of float: (e^2|z| - 1) / (e^2|z| + 1) in double, where the subtraction loses
        /// at most 13 of double's 53 bits for |z| above <see cref="SeriesLimit"/>, and a two-term series below it.
        /// The C library's tanhf took 25-500 ns per call on the machine this was written on (a slow path
        /// through expm1f as training saturates the units); this is one double exp and a division.
        /// </summary>
        public static float Tanh(float z)
        {
            float a = MathF.Abs(z);
            if (a < SeriesLimit) return (float)(z * (1.0 - (double)z * z / 3.0));
            if (a > SaturationLimit) return MathF.CopySign(1f, z);
            double t = Math.Exp(2.0 * a);
            return MathF.CopySign((float)((t - 1.0) / (t + 1.0)), z);
        }
    }
}
