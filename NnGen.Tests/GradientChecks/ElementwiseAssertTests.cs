using System;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The gradient checks' comparison lets no NaN or infinity through, wherever it sits. It tests !(error &lt;= allowed)
/// element by element, which a NaN fails; but an infinite expected value against an infinite tolerance passed any
/// finite actual value (and DeviceAssert's tolerances all become infinite when the CPU vector holds an infinity),
/// so an infinite expected value or tolerance now fails too.
/// </summary>
public sealed class ElementwiseAssertTests
{
    private static readonly double[] Expected = { 0.5, -1.25, 2.0, 0.125, -3.0 };

    private static float[] Actual()
    {
        var actual = new float[Expected.Length];
        for (int i = 0; i < actual.Length; i++) actual[i] = (float)Expected[i];
        return actual;
    }

    [Fact]
    public void Equal_values_pass() => ElementwiseAssert.Close("case", Expected, Actual(), _ => 1e-6);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_NaN_in_actual_fails_wherever_it_is(int at)
    {
        float[] actual = Actual();
        actual[at] = float.NaN;
        var failure = Assert.Throws<XunitException>(() => ElementwiseAssert.Close("case", Expected, actual, _ => 1e-6));
        Assert.Contains($"[{at}]", failure.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_NaN_in_expected_fails_wherever_it_is(int at)
    {
        double[] expected = (double[])Expected.Clone();
        expected[at] = double.NaN;
        var failure = Assert.Throws<XunitException>(() => ElementwiseAssert.Close("case", expected, Actual(), _ => 1e-6));
        Assert.Contains($"[{at}]", failure.Message);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 1f)]
    [InlineData(1.0, float.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, float.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, float.PositiveInfinity)]
    public void An_infinity_fails_even_against_an_infinite_tolerance(double expectedValue, float actualValue)
    {
        double[] expected = (double[])Expected.Clone();
        float[] actual = Actual();
        expected[1] = expectedValue;
        actual[1] = actualValue;
        Assert.Throws<XunitException>(() => ElementwiseAssert.Close("case", expected, actual, _ => double.PositiveInfinity));
    }

    [Fact]
    public void An_infinite_tolerance_fails() => Assert.Throws<XunitException>(() => ElementwiseAssert.Close("case", Expected, Actual(), _ => double.PositiveInfinity));

    [Fact]
    public void A_NaN_tolerance_fails() => Assert.Throws<XunitException>(() => ElementwiseAssert.Close("case", Expected, Actual(), _ => double.NaN));
}
