using System;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Optimizers;

/// <summary>
/// The optimizer comparison itself: a NaN or an infinity mismatch anywhere fails and is named, equal values pass,
/// and the tolerance is a hard edge. (It once kept the worst element with <c>!(error &lt;= worst)</c>, so a NaN became
/// the worst, the next finite element replaced it, and a NaN anywhere but last passed.)
/// </summary>
public sealed class CloseTests
{
    private const double Tolerance = 1e-6;

    private static double[] Expected() => new[] { 0.5, -1.25, 2.0, 0.125, -3.0 };

    private static float[] Copy(double[] values)
    {
        var copy = new float[values.Length];
        for (int i = 0; i < values.Length; i++) copy[i] = (float)values[i];
        return copy;
    }

    private static XunitException Fails(double[] expected, float[] actual)
        => Assert.Throws<XunitException>(() => Close.Equal(expected, actual, Tolerance, "case"));

    [Fact]
    public void Equal_values_pass()
    {
        double[] expected = Expected();
        Close.Equal(expected, Copy(expected), Tolerance, "case");
        Close.Equal(Copy(expected), Copy(expected), 0, "case");
    }

    [Fact]
    public void Empty_vectors_pass() => Close.Equal(ReadOnlySpan<double>.Empty, ReadOnlySpan<float>.Empty, Tolerance, "case");

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_NaN_in_actual_fails_wherever_it_is(int at)
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        actual[at] = float.NaN;
        Assert.Contains($"element {at} ", Fails(expected, actual).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_NaN_in_expected_fails_wherever_it_is(int at)
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        expected[at] = double.NaN;
        Assert.Contains($"element {at} ", Fails(expected, actual).Message);
    }

    [Fact]
    public void A_NaN_fails_even_after_a_larger_finite_error()
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        actual[1] += 0.5f * (float)Tolerance;
        actual[3] = float.NaN;
        Assert.Contains("element 3 ", Fails(expected, actual).Message);
    }

    [Fact]
    public void NaN_on_both_sides_fails()
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        expected[2] = double.NaN;
        actual[2] = float.NaN;
        Assert.Contains("element 2 ", Fails(expected, actual).Message);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 1f)]
    [InlineData(1.0, float.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, float.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, float.NegativeInfinity)]
    [InlineData(-3.0, float.NegativeInfinity)]
    public void An_infinity_mismatch_fails(double expectedValue, float actualValue)
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        expected[1] = expectedValue;
        actual[1] = actualValue;
        Assert.Contains("element 1 ", Fails(expected, actual).Message);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void The_same_infinity_on_both_sides_passes(double infinity)
    {
        double[] expected = Expected();
        expected[3] = infinity;
        Close.Equal(expected, Copy(expected), Tolerance, "case");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void An_error_just_over_the_tolerance_fails(int at)
    {
        // expected 0 against a float of about 1.0e-6: the error is that float, exactly, in double.
        double[] expected = new double[5];
        float[] actual = new float[5];
        float over = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((float)Tolerance) + 1);
        if (over <= Tolerance) over = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(over) + 1);
        Assert.True(over > Tolerance);
        actual[at] = over;
        Assert.Contains($"element {at} ", Fails(expected, actual).Message);
    }

    [Fact]
    public void An_error_at_the_tolerance_passes()
    {
        float atTolerance = (float)Tolerance;
        var expected = new double[] { 0, 0, 0 };
        var actual = new float[] { 0, -atTolerance, atTolerance };
        Close.Equal(expected, actual, atTolerance, "case");
    }

    [Fact]
    public void The_worst_element_is_named()
    {
        double[] expected = Expected();
        float[] actual = Copy(expected);
        actual[1] += 0.01f;
        actual[3] += 0.1f;
        actual[4] += 0.001f;
        string message = Fails(expected, actual).Message;
        Assert.Contains("element 3 ", message);
        Assert.StartsWith("case:", message);
    }

    [Fact]
    public void A_length_mismatch_fails() => Fails(Expected(), new float[4]);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1e-9)]
    public void A_tolerance_that_is_not_a_number_at_or_above_zero_is_refused(double tolerance)
    {
        double[] expected = Expected();
        Assert.Throws<ArgumentOutOfRangeException>(() => Close.Equal(expected, Copy(expected), tolerance, "case"));
    }

    [Fact]
    public void The_float_overload_fails_on_a_NaN_too()
    {
        float[] expected = Copy(Expected());
        float[] actual = Copy(Expected());
        expected[0] = float.NaN;
        Assert.Throws<XunitException>(() => Close.Equal(expected, actual, Tolerance, "case"));
    }
}
