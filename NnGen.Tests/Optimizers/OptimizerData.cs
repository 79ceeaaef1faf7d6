namespace NnGen.Tests.Optimizers;

/// <summary>
/// The deterministic data of the optimizer tests, the same formulas as torch_optimizers.py's docstring:
/// p0[i] = ((37 i + 11) % 101 - 50) / 64 and g_t[i] = ((7 i + 13 t) % 23 - 11) / 8 (t from 1), exact in float.
/// </summary>
internal static class OptimizerData
{
    public const int Length = 37;

    public static float[] Initial(int length = Length)
    {
        var p = new float[length];
        for (int i = 0; i < length; i++) p[i] = ((37 * i + 11) % 101 - 50) / 64f;
        return p;
    }

    public static float[] Gradient(int step, int length = Length)
    {
        var g = new float[length];
        for (int i = 0; i < length; i++) g[i] = ((7 * i + 13 * step) % 23 - 11) / 8f;
        return g;
    }
}
