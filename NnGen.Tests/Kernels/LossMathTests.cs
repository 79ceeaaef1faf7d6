using System;
using NnGen.Internal;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Kernels;

/// <summary>
/// The loss gates' double-precision exp, log and log(1 + x) (<see cref="LossMath"/>) against System.Math (the C
/// library's, correctly rounded or nearly): within the stated 2 ulps (log(1 + x): 4, against a reference good to about
/// an ulp) over sweeps of every range the losses reach and
/// beyond (a few hundred thousand points, subnormal results and arguments included), and the special values.
/// </summary>
public sealed class LossMathTests(ITestOutputHelper output)
{
    private const long BoundUlps = 2;

    private static long Ulps(double a, double b)
    {
        if (a == b) return 0;
        long x = BitConverter.DoubleToInt64Bits(a), y = BitConverter.DoubleToInt64Bits(b);
        if (x < 0) x = long.MinValue - x;
        if (y < 0) y = long.MinValue - y;
        return Math.Abs(x - y);
    }

    private long Sweep(Func<double, double> actual, Func<double, double> expected, double from, double to, int points, string name)
    {
        var random = new Random(7);
        long worst = 0;
        double at = double.NaN;
        for (int i = 0; i <= points; i++)
        {
            // evenly spread, then jittered, so that no binade is skipped
            double x = from + (to - from) * ((i + random.NextDouble()) / (points + 1));
            long ulps = Ulps(actual(x), expected(x));
            if (ulps > worst) (worst, at) = (ulps, x);
        }
        output.WriteLine($"{name} on [{from}, {to}]: at most {worst} ulps (at {at:R})");
        return worst;
    }

    [Fact]
    public void Exp_is_within_2_ulps_of_Math_Exp_down_to_the_subnormals()
    {
        Assert.InRange(Sweep(LossMath.Exp, Math.Exp, -745, 709.7, 400_000, "exp"), 0, BoundUlps);
        Assert.InRange(Sweep(LossMath.Exp, Math.Exp, -1, 1, 100_000, "exp"), 0, BoundUlps);
        Assert.InRange(Sweep(LossMath.Exp, Math.Exp, -1e-9, 1e-9, 10_000, "exp"), 0, BoundUlps);
    }

    [Fact]
    public void Log_is_within_2_ulps_of_Math_Log_over_every_binade()
    {
        // log-spaced arguments: 2^e * m over the whole exponent range, subnormals included
        var random = new Random(11);
        long worst = 0;
        for (int i = 0; i < 400_000; i++)
        {
            double x = Math.Pow(2, random.Next(-1074, 1024)) * (1 + random.NextDouble());
            if (double.IsInfinity(x) || x == 0) continue;
            worst = Math.Max(worst, Ulps(LossMath.Log(x), Math.Log(x)));
        }
        output.WriteLine($"log over every binade: at most {worst} ulps");
        Assert.InRange(worst, 0, BoundUlps);
        // near 1, where the result is small and every bit of it counts; and the softmax sums of 1 to 64 classes
        Assert.InRange(Sweep(LossMath.Log, Math.Log, 0.5, 2, 200_000, "log"), 0, BoundUlps);
        Assert.InRange(Sweep(LossMath.Log, Math.Log, 1, 64, 200_000, "log"), 0, BoundUlps);
        Assert.InRange(Sweep(LossMath.Log, Math.Log, 1 - 1e-6, 1 + 1e-6, 50_000, "log"), 0, BoundUlps);
        Assert.InRange(Sweep(LossMath.Log, Math.Log, 0.98, 1.02, 50_000, "log"), 0, BoundUlps);
    }

    [Fact]
    public void Log1p_is_within_4_ulps_of_log_1_plus_x_computed_exactly()
    {
        // the reference: log(u) x / (u - 1) with u = 1 + x rounded (exact to about an ulp: Goldberg's rule), and x itself
        // where u rounds to 1
        static double Reference(double x)
        {
            double u = 1 + x;
            return u == 1 ? x - x * x / 2 : Math.Log(u) * x / (u - 1);
        }
        Assert.InRange(Sweep(LossMath.Log1p, Reference, 0, 1, 200_000, "log1p"), 0, 2 * BoundUlps);
        Assert.InRange(Sweep(LossMath.Log1p, Reference, -0.29, 0.42, 200_000, "log1p"), 0, 2 * BoundUlps);
        Assert.InRange(Sweep(LossMath.Log1p, Reference, 0, 1e-10, 50_000, "log1p"), 0, 2 * BoundUlps);
        // the binary cross-entropy's log(1 + e^-|z|) for |z| up to 800: e^-|z| goes subnormal, then 0
        Assert.InRange(Sweep(z => LossMath.Log1p(LossMath.Exp(-z)), z => Reference(Math.Exp(-z)), 0, 800, 200_000, "log1p(exp(-z))"), 0, 3 * BoundUlps);
    }

    [Fact]
    public void Special_values_are_those_of_Math()
    {
        foreach (double x in new[] { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 709.79, 710, -745.5, -746 })
            Assert.Equal(Math.Exp(x), LossMath.Exp(x));
        foreach (double x in new[] { 0.0, -0.0, 1.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            Assert.Equal(Math.Log(x), LossMath.Log(x));
        foreach (double x in new[] { 1.0, 1e-320, double.Epsilon, double.MaxValue })
        {
            Assert.InRange(Ulps(LossMath.Exp(Math.Min(x, 709)), Math.Exp(Math.Min(x, 709))), 0, BoundUlps);
            Assert.InRange(Ulps(LossMath.Log(x), Math.Log(x)), 0, BoundUlps);
            Assert.InRange(Ulps(LossMath.Exp(-x), Math.Exp(-x)), 0, BoundUlps);
        }
        Assert.Equal(0.0, LossMath.Log1p(0.0));
        Assert.Equal(Math.Log(2), LossMath.Log1p(1.0), 15);
        Assert.Equal(double.NegativeInfinity, LossMath.Log1p(-1.0));
    }
}
