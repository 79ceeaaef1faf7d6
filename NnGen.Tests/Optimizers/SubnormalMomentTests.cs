using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>Adam stores moments below the smallest normal float as zero (see AdamStepCoefficients.MinNormal).</summary>
public class SubnormalMomentTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_first_moment_below_the_smallest_normal_float_moves_no_parameter(bool adamW)
    {
        // 17 elements: the vector loop and the scalar tail both.
        float[] p = new float[17], g = new float[17];
        for (int i = 0; i < g.Length; i++) g[i] = 1e-37f;   // m = 0.1 * g = 1e-38, below 1.1755e-38
        IOptimizer optimizer = adamW ? new AdamW(1e-3f, weightDecay: 0f) : new Adam(1e-3f);
        optimizer.Step(p, g);
        Assert.All(p, x => Assert.Equal(0f, x));

        // A normal first moment does move it: lr * mhat / (sqrt(vhat) + eps), with v flushed to zero.
        float[] q = new float[17], h = new float[17];
        for (int i = 0; i < h.Length; i++) h[i] = 1e-36f;
        (adamW ? (IOptimizer)new AdamW(1e-3f, weightDecay: 0f) : new Adam(1e-3f)).Step(q, h);
        Assert.All(q, x => Assert.Equal(-(double)1e-3f * 1e-36f / 1e-8f, x, 1e-36));
    }
}
