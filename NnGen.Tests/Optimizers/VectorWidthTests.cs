using System;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>
/// The vector loop and the scalar tail must compute each element bit for bit alike, so that results do not
/// depend on a machine's vector width: a vector of 37 (vector body plus tail) against 37 vectors of one (tail only).
/// </summary>
public class VectorWidthTests
{
    public static TheoryData<string> Cases => OptimizerCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_element_matches_the_scalar_path_bit_for_bit(string name)
    {
        const int length = 37, steps = 8;
        IOptimizer whole = OptimizerCases.All[name].Create();
        var single = new IOptimizer[length];
        for (int i = 0; i < length; i++) single[i] = OptimizerCases.All[name].Create();

        float[] p = OptimizerData.Initial(length);
        float[] q = (float[])p.Clone();
        for (int t = 1; t <= steps; t++)
        {
            float[] g = OptimizerData.Gradient(t, length);
            whole.Step(p, g);
            for (int i = 0; i < length; i++) single[i].Step(q.AsSpan(i, 1), g.AsSpan(i, 1));
            for (int i = 0; i < length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(p[i]) == BitConverter.SingleToInt32Bits(q[i]),
                    $"{name}, step {t}, element {i}: vector path {p[i]:R}, scalar path {q[i]:R}.");
        }
    }
}
