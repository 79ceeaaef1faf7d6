namespace NnGen
{
    /// <summary>
    /// The coefficients of one <see cref="Adam"/> or <see cref="AdamW"/> step, as the CPU step applies them, so that a
    /// device implementation (a generated GPU kernel) performs the same IEEE operations in the same order. Per element:
    /// p = p * Decay; g = g + L2 * p (only when L2 != 0); m = Beta1 * m + OneMinusBeta1 * g;
    /// v = Beta2 * v + OneMinusBeta2 * g * g; p = p + NegStepSize * m / (sqrt(v) / Correction2 + Epsilon).
    /// </summary>
    /// <remarks>Get them from <see cref="Adam.CoefficientsOfStep"/> or <see cref="AdamW.CoefficientsOfStep"/>.</remarks>
    public readonly record struct AdamStepCoefficients(
        float Decay, float L2, float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2,
        float Correction2, float Epsilon, float NegStepSize);
}
