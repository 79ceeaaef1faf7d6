namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The math the kernels call. System.MathF's Exp, Log and Tanh have no PTX form unless the consumer's ILGPU context
    /// enables ILGPU.Algorithms, so the kernels build them from exp2 and log2, which every backend has.
    /// </summary>
    internal static class GpuDeviceMath
    {
        public static void Write(IndentedWriter writer)
        {
            writer.Lines("""
                // e^x = 2^(x log2 e); overflows to +Infinity and underflows to 0 as exp does
                private static float NnExp(float x) => global::ILGPU.IntrinsicMath.CPUOnly.Exp2(x * 1.44269504f);

                // ln x = log2(x) ln 2
                private static float NnLog(float x) => global::System.MathF.Log2(x) * 0.693147182f;

                // ln(1 + u) for u >= 0, without losing a small u to the rounding of 1 + u
                private static float NnLog1p(float u) => u < 1e-4f ? u * (1f - 0.5f * u) : NnLog(1f + u);

                // tanh from one exponential; near 0 its Taylor series, where 1 - 2 / (e^2x + 1) would cancel
                private static float NnTanh(float x)
                {
                    float ax = global::System.MathF.Abs(x);
                    if (ax < 0.125f)
                    {
                        float x2 = x * x;
                        return x * (1f + x2 * (-0.333333343f + x2 * (0.13333334f + x2 * -0.0539682545f)));
                    }
                    float t = 1f - 2f / (NnExp(2f * ax) + 1f);
                    return x < 0f ? -t : t;
                }
                """);
        }
    }
}
