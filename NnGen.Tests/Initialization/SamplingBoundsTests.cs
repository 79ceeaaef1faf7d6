using System;
using System.Linq;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>
/// The statistics of <see cref="SamplingBounds"/> and <see cref="InitializerChecks"/> themselves: the normal CDF and
/// Kolmogorov's tail against published values, the KS statistic on a sample worked by hand, and the checks' power
/// against small mistakes at the largest layer (784x128). Each "fails" case below must fail; the two control draws
/// add 6 checks at <see cref="SamplingBounds.Alpha"/>.
/// </summary>
public sealed class SamplingBoundsTests
{
    private const int FanIn = 784, FanOut = 128;

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(3.0, 0.9986501019683699)]
    [InlineData(-4.0, 3.1671241833119857e-05)]
    public void The_normal_CDF_is_within_1e_7_of_published_values(double z, double expected)
        => Assert.True(Math.Abs(SamplingBounds.StandardNormalCdf(z) - expected) <= 1e-7, $"Phi({z}) = {SamplingBounds.StandardNormalCdf(z):R}, expected {expected:R}");

    [Fact]
    public void Kolmogorov_s_tail_gives_the_textbook_critical_values_and_alpha_at_the_critical_value()
    {
        // The tabulated asymptotic 5 % and 1 % points of sqrt(n) D_n.
        Assert.True(Math.Abs(SamplingBounds.KolmogorovTail(1.3581) - 0.05) < 1e-4);
        Assert.True(Math.Abs(SamplingBounds.KolmogorovTail(1.6276) - 0.01) < 1e-4);
        const int n = 4096;
        double t = Math.Sqrt(n) * SamplingBounds.KolmogorovSmirnovCritical(n);
        Assert.True(Math.Abs(SamplingBounds.KolmogorovTail(t) / SamplingBounds.Alpha - 1) < 1e-9);
    }

    [Fact]
    public void The_KS_statistic_of_a_hand_worked_sample()
    {
        // Against U(0, 1): max(1/3 - 0.1, 0.1, 2/3 - 0.4, 0.4 - 1/3, 1 - 0.7, 0.7 - 2/3) = 0.3.
        double d = SamplingBounds.KolmogorovSmirnov(new[] { 0.7, 0.1, 0.4 }, x => Math.Clamp(x, 0, 1));
        Assert.Equal(0.3, d, 12);
    }

    [Fact]
    public void The_stated_suite_wide_failure_probability_counts_the_checks()
    {
        // 70 random layers in the network tables; SamplingBounds' summary states 210 checks and, with the 24 + 6
        // control checks here, a false-failure probability below 3e-4 in all.
        Assert.Equal(210, InitCases.StatisticalCheckCount());
        Assert.True((InitCases.StatisticalCheckCount() + 24 + 6) * SamplingBounds.Alpha < 3e-4);
    }

    private static float[] Draw(Func<SeededRandom, double> value, long seed)
    {
        var random = new SeededRandom(seed);
        var weights = new float[FanIn * FanOut];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)value(random);
        return weights;
    }

    private static string[] Failed(float[] weights, Init init) => InitializerChecks.Failures(weights, init, FanIn, FanOut, 0f).Select(f => f.Check).ToArray();

    private static readonly double HeLimit = Math.Sqrt(6.0 / FanIn), HeDeviation = Math.Sqrt(2.0 / FanIn);

    [Fact]
    public void Control_draws_from_the_stated_distributions_pass()
    {
        Assert.Empty(Failed(Draw(r => HeLimit * (2 * r.NextDouble() - 1), 401), Init.HeUniform));
        Assert.Empty(Failed(Draw(r => HeDeviation * r.NextNormal(), 402), Init.HeNormal));
    }

    [Theory]
    [InlineData(1.05)]
    [InlineData(0.95)]
    public void A_uniform_limit_five_percent_off_fails(double factor)
    {
        string[] failed = Failed(Draw(r => factor * HeLimit * (2 * r.NextDouble() - 1), 403), Init.HeUniform);
        Assert.Contains(InitializerChecks.MeanSquareCheck, failed);
        Assert.Contains(InitializerChecks.KolmogorovSmirnovCheck, failed);
        if (factor > 1) Assert.Contains(InitializerChecks.LimitCheck, failed);
    }

    [Theory]
    [InlineData(1.05)]
    [InlineData(0.95)]
    public void A_normal_deviation_five_percent_off_fails(double factor)
    {
        string[] failed = Failed(Draw(r => factor * HeDeviation * r.NextNormal(), 404), Init.HeNormal);
        Assert.Contains(InitializerChecks.MeanSquareCheck, failed);
        Assert.Contains(InitializerChecks.KolmogorovSmirnovCheck, failed);
    }

    [Fact]
    public void A_mean_off_by_a_twentieth_of_the_deviation_fails()
    {
        Assert.Contains(InitializerChecks.MeanCheck, Failed(Draw(r => HeDeviation * (r.NextNormal() + 0.05), 405), Init.HeNormal));
        Assert.Contains(InitializerChecks.MeanCheck, Failed(Draw(r => HeLimit * (2 * r.NextDouble() - 1 + 0.05), 406), Init.HeUniform));
    }

    [Fact]
    public void The_wrong_family_with_the_right_variance_fails_the_KS_test()
    {
        // He's two forms have the same variance 2 / fanIn: only the shape tells them apart.
        string[] normalAsUniform = Failed(Draw(r => HeDeviation * r.NextNormal(), 407), Init.HeUniform);
        Assert.DoesNotContain(InitializerChecks.MeanSquareCheck, normalAsUniform);
        Assert.Contains(InitializerChecks.KolmogorovSmirnovCheck, normalAsUniform);
        Assert.Contains(InitializerChecks.LimitCheck, normalAsUniform);
        string[] uniformAsNormal = Failed(Draw(r => HeLimit * (2 * r.NextDouble() - 1), 408), Init.HeNormal);
        Assert.DoesNotContain(InitializerChecks.MeanSquareCheck, uniformAsNormal);
        Assert.Contains(InitializerChecks.KolmogorovSmirnovCheck, uniformAsNormal);
    }

    [Theory]
    [InlineData(Init.Zeros)]
    [InlineData(Init.Constant)]
    [InlineData(Init.HeUniform)]
    [InlineData(Init.HeNormal)]
    public void A_single_NaN_weight_fails(Init init)
    {
        float[] weights = new float[FanIn * FanOut];
        WeightInitializer.Fill(weights, init, FanIn, FanOut, 0.5f, new SeededRandom(409));
        weights[weights.Length / 2] = float.NaN;
        Assert.NotEmpty(InitializerChecks.Failures(weights, init, FanIn, FanOut, 0.5f));
    }

    [Fact]
    public void A_constant_off_by_one_ulp_or_of_the_wrong_sign_of_zero_fails()
    {
        var ones = Enumerable.Repeat(1f, 10).ToArray();
        ones[7] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) + 1);
        Assert.Equal(InitializerChecks.ValueCheck, Assert.Single(InitializerChecks.ConstantFailures(ones, 1f)).Item1);
        var zeros = new float[10];
        zeros[3] = -0f;
        Assert.Single(InitializerChecks.ConstantFailures(zeros, 0f));
        Assert.Empty(InitializerChecks.ConstantFailures(new float[10], 0f));
    }
}
