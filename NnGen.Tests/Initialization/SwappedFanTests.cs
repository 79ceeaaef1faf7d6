using System.Linq;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>
/// The initializer checks can tell fan-in from fan-out: weights filled with the two exchanged, for a layer that is
/// not square, fail them, while the same draw with the right arguments passes. LeCun and He depend on fan-in alone,
/// so the swap changes their scale (by sqrt(784/128) = 2.5 or sqrt(300/16) = 4.3 here); Glorot depends on
/// fanIn + fanOut, so a swap cannot change it and is not a mistake to catch. Control draws: 24 checks at
/// <see cref="SamplingBounds.Alpha"/> each.
/// </summary>
public sealed class SwappedFanTests
{
    public static TheoryData<Init, int, int> SwappableCases()
    {
        var data = new TheoryData<Init, int, int>();
        foreach (Init init in new[] { Init.LeCunUniform, Init.LeCunNormal, Init.HeUniform, Init.HeNormal })
        {
            data.Add(init, 784, 128);
            data.Add(init, 16, 300);
        }
        return data;
    }

    private static float[] Fill(Init init, int fanIn, int fanOut, long seed)
    {
        var weights = new float[fanIn * fanOut];
        WeightInitializer.Fill(weights, init, fanIn, fanOut, 0f, new SeededRandom(seed));
        return weights;
    }

    [Theory]
    [MemberData(nameof(SwappableCases))]
    public void Weights_filled_with_fan_in_and_fan_out_swapped_fail_the_checks(Init init, int fanIn, int fanOut)
    {
        const long seed = 301;
        float[] swapped = Fill(init, fanIn: fanOut, fanOut: fanIn, seed);
        string[] failed = InitializerChecks.Failures(swapped, init, fanIn, fanOut, 0f).Select(f => f.Check).ToArray();
        // Both draws have mean 0, so the mean check cannot tell them apart; the spread and the shape can.
        Assert.Contains(InitializerChecks.MeanSquareCheck, failed);
        Assert.Contains(InitializerChecks.KolmogorovSmirnovCheck, failed);
        // A uniform draw with the larger, swapped limit also leaves the stated range.
        bool widerWhenSwapped = fanOut < fanIn;
        if (InitializerChecks.Stated(init, fanIn, fanOut, 0f).Family == InitializerChecks.Family.Uniform && widerWhenSwapped)
            Assert.Contains(InitializerChecks.LimitCheck, failed);

        float[] right = Fill(init, fanIn, fanOut, seed);
        Assert.Empty(InitializerChecks.Failures(right, init, fanIn, fanOut, 0f));
    }

    [Theory]
    [InlineData(Init.GlorotUniform)]
    [InlineData(Init.GlorotNormal)]
    public void Glorot_is_symmetric_in_fan_in_and_fan_out(Init init)
        => Assert.Equal(Fill(init, 784, 128, 302), Fill(init, 128, 784, 302));
}
