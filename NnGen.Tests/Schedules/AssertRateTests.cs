using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Schedules;

/// <summary>
/// The schedules' rate comparison: a NaN or an infinity on either side fails (an infinite expected rate made the
/// relative tolerance infinite, so any finite rate passed), one float rounding passes, a few ulps more fail.
/// </summary>
public sealed class AssertRateTests
{
    [Fact]
    public void The_float_rounding_of_the_rate_passes() => ScheduleCases.AssertRate(0.1 * 0.9, (float)(0.1 * 0.9), "case");

    [Theory]
    [InlineData(double.NaN, 0.1f)]
    [InlineData(0.1, float.NaN)]
    [InlineData(double.PositiveInfinity, 0.1f)]
    [InlineData(double.PositiveInfinity, float.PositiveInfinity)]
    [InlineData(0.1, float.PositiveInfinity)]
    public void A_non_finite_rate_fails(double expected, float actual)
        => Assert.Throws<XunitException>(() => ScheduleCases.AssertRate(expected, actual, "case"));

    [Fact]
    public void A_rate_a_few_ulps_off_fails()
        => Assert.Throws<XunitException>(() => ScheduleCases.AssertRate(0.1, 0.1f * (1 + 4e-7f), "case"));
}
