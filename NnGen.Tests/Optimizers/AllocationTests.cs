using System;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>
/// State is allocated on the first step; every later step allocates nothing. The counted steps follow 200
/// uncounted ones, and they are counted in three rounds of 1000, of which the quietest must allocate nothing:
/// the runtime's own one-off work on this thread as it recompiles the hot loop (tiered compilation, on-stack
/// replacement; 136 bytes seen once in CI) lands in one round, while an optimizer that allocates per step
/// allocates in every round.
/// </summary>
public class AllocationTests
{
    public static TheoryData<string> Cases => OptimizerCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_after_the_first_allocate_nothing(string name)
    {
        IOptimizer optimizer = OptimizerCases.All[name].Create();
        float[] p = OptimizerData.Initial(1001);
        float[] g = OptimizerData.Gradient(1, 1001);
        for (int i = 0; i < g.Length; i++) g[i] *= 1e-3f;
        optimizer.Step(p, g);
        for (int step = 0; step < 200; step++) optimizer.Step(p, g);

        long quietest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int step = 0; step < 1000; step++)
            {
                optimizer.LearningRate = optimizer.LearningRate;
                optimizer.Step(p, g);
            }
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, quietest);
        Assert.All(p, x => Assert.True(float.IsFinite(x)));
    }
}
