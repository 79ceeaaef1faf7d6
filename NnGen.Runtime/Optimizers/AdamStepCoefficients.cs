using System.ComponentModel;

namespace NnGen.Internal
{
    /// <summary>
    /// The coefficients of one <see cref="Adam"/> or <see cref="AdamW"/> step, as the CPU step applies them, so that a
    /// device implementation (a generated GPU kernel) performs the same IEEE operations in the same order. Per element:
    /// p = p * Decay; g = g + L2 * p (only when L2 != 0); m = Beta1 * m + OneMinusBeta1 * g;
    /// v = Beta2 * v + OneMinusBeta2 * g * g; p = p + NegStepSize * m / (sqrt(v) / Correction2 + Epsilon).
    /// </summary>
    /// <remarks>
    /// <para>Get them from <see cref="Adam.CoefficientsOfStep"/> or <see cref="AdamW.CoefficientsOfStep"/>.</para>
    /// <para>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly record struct AdamStepCoefficients(
        float Decay, float L2, float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2,
        float Correction2, float Epsilon, float NegStepSize)
    {
        /// <summary>
        /// The smallest normal float, 2^-126 (bits 0x00800000). Adam's moments below it are stored as zero, on the CPU and
        /// on the device alike: the moments of a weight whose gradient has gone to zero (a dead unit) decay through the
        /// subnormal range for thousands of steps, and x86 cores take a slow microcode path for every subnormal operand
        /// (Adam's step ran 8x slower on an Intel Xeon). The parameter update such a moment would make is below 1e-30 in
        /// size, so flushing it changes no parameter that is not itself that small.
        /// </summary>
        public const float MinNormal = 1.17549435E-38f;
    }
}
