using System.Linq;
using NnGen.Tests.Initialization.Networks;
using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>Init.Constant fills the weights with its InitScale, and with 0 when none is written (the README's table says so).</summary>
public sealed class ConstantDefaultTests
{
    [Fact]
    public void Constant_without_a_scale_is_zero_and_with_one_is_that_value()
    {
        var network = new ConstantDefaultNet(seed: 4);
        float[] p = network.Parameters;

        Assert.All(p.Take(5 * 7), w => Assert.True(w == 0f && !float.IsNegative(w), $"weight {w:R}"));
        Assert.All(p.Skip(5 * 7).Take(7), b => Assert.Equal(0f, b));
        Assert.All(p.Skip(5 * 7 + 7).Take(7 * 2), w => Assert.Equal(-0.25f, w));
    }
}
