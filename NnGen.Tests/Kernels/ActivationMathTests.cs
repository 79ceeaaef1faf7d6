using System;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Kernels;

/// <summary>The generated code's tanh against the double-precision definition.</summary>
public sealed class ActivationMathTests
{
    [Fact]
    public void Tanh_is_within_an_ulp_of_the_double_definition_everywhere()
    {
        int worst = 0;
        float worstAt = 0f;
        // Every magnitude from 1e-12 to 40, both signs, densely around the series and saturation limits.
        for (double magnitude = 1e-12; magnitude < 40; magnitude *= 1.0007)
            foreach (int sign in new[] { 1, -1 })
            {
                float z = (float)(sign * magnitude);
                float actual = ActivationMath.Tanh(z), expected = (float)Math.Tanh(z);
                int ulps = Math.Abs(BitConverter.SingleToInt32Bits(actual) - BitConverter.SingleToInt32Bits(expected));
                if (ulps > worst) (worst, worstAt) = (ulps, z);
            }
        Assert.True(worst <= 1, $"{worst} ulps at z = {worstAt:R}");
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, -1f)]
    [InlineData(1e30f, 1f)]
    public void Tanh_handles_the_edges(float z, float expected) => Assert.Equal(expected, ActivationMath.Tanh(z));

    [Fact]
    public void Tanh_keeps_the_sign_of_zero_and_passes_NaN()
    {
        Assert.True(float.IsNegative(ActivationMath.Tanh(-0f)));
        Assert.True(float.IsNaN(ActivationMath.Tanh(float.NaN)));
    }
}
