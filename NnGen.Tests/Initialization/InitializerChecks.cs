using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit.Sdk;

namespace NnGen.Tests.Initialization;

/// <summary>
/// Holds one layer's weights to the distribution DESIGN.md states for its initializer (fanIn = inputs of the layer,
/// fanOut = its units): the constants exactly; for the random ones the mean, the mean square and a
/// Kolmogorov-Smirnov test against the stated CDF, each at <see cref="SamplingBounds.Alpha"/>, and for the
/// uniform ones every value within the limit (a hard bound, which a correct initializer never fails).
/// </summary>
public static class InitializerChecks
{
    /// <summary>The statistical checks per random layer (mean, mean square, Kolmogorov-Smirnov), each failing falsely with probability at most <see cref="SamplingBounds.Alpha"/>.</summary>
    public const int ChecksPerRandomLayer = 3;

    public const string MeanCheck = "mean";
    public const string MeanSquareCheck = "mean square";
    public const string KolmogorovSmirnovCheck = "Kolmogorov-Smirnov";
    public const string LimitCheck = "limit";
    public const string ValueCheck = "value";

    public enum Family { Constant, Uniform, Normal }

    /// <summary>The stated distribution of <paramref name="init"/>, written out from DESIGN.md: its family and its constant, limit or standard deviation.</summary>
    public static (Family Family, double Parameter) Stated(Init init, int fanIn, int fanOut, float scale) => init switch
    {
        Init.Zeros => (Family.Constant, 0),
        Init.Ones => (Family.Constant, 1),
        Init.Constant => (Family.Constant, scale),
        Init.Uniform => (Family.Uniform, scale),
        Init.Normal => (Family.Normal, scale),
        Init.LeCunUniform => (Family.Uniform, Math.Sqrt(3.0 / fanIn)),
        Init.LeCunNormal => (Family.Normal, Math.Sqrt(1.0 / fanIn)),
        Init.GlorotUniform => (Family.Uniform, Math.Sqrt(6.0 / (fanIn + fanOut))),
        Init.GlorotNormal => (Family.Normal, Math.Sqrt(2.0 / (fanIn + fanOut))),
        Init.HeUniform => (Family.Uniform, Math.Sqrt(6.0 / fanIn)),
        Init.HeNormal => (Family.Normal, Math.Sqrt(2.0 / fanIn)),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, null),
    };

    /// <summary>Whether <paramref name="init"/> draws at random (and so is checked statistically).</summary>
    public static bool IsRandom(Init init) => Stated(init, 1, 1, 1f).Family != Family.Constant;

    /// <summary>Fails, naming every failed check, unless the weights follow the stated distribution.</summary>
    public static void Assert(string what, ReadOnlySpan<float> weights, Init init, int fanIn, int fanOut, float scale)
    {
        IReadOnlyList<(string Check, string Detail)> failures = Failures(weights, init, fanIn, fanOut, scale);
        if (failures.Count == 0) return;
        var message = new System.Text.StringBuilder($"{what} ({weights.Length} weights, Init.{init}, fanIn {fanIn}, fanOut {fanOut}, scale {scale:R}):");
        foreach ((string check, string detail) in failures) message.Append($"\n  {check}: {detail}");
        throw new XunitException(message.ToString());
    }

    /// <summary>The failed checks (empty when the weights pass every one).</summary>
    public static IReadOnlyList<(string Check, string Detail)> Failures(ReadOnlySpan<float> weights, Init init, int fanIn, int fanOut, float scale)
    {
        (Family family, double parameter) = Stated(init, fanIn, fanOut, scale);
        return family switch
        {
            Family.Constant => ConstantFailures(weights, (float)parameter),
            Family.Uniform => UniformFailures(weights, parameter),
            _ => NormalFailures(weights, parameter),
        };
    }

    /// <summary>Every weight exactly <paramref name="value"/>.</summary>
    public static IReadOnlyList<(string, string)> ConstantFailures(ReadOnlySpan<float> weights, float value)
    {
        var failures = new List<(string, string)>();
        for (int i = 0; i < weights.Length; i++)
            if (!weights[i].Equals(value) || (value == 0 && float.IsNegative(weights[i])))
            {
                failures.Add((ValueCheck, F($"weight {i} is {weights[i]:R}, expected exactly {value:R}")));
                break;
            }
        return failures;
    }

    /// <summary>The weights against U(-limit, limit).</summary>
    public static IReadOnlyList<(string, string)> UniformFailures(ReadOnlySpan<float> weights, double limit)
    {
        var failures = new List<(string, string)>();
        int n = weights.Length;
        double[] sample = Widen(weights);
        // (float) of a value within +-limit is within +-limit, give or take the rounding of one float (half an ulp).
        double hardLimit = limit * (1 + Math.Pow(2, -24));
        for (int i = 0; i < n; i++)
            if (!(Math.Abs(sample[i]) <= hardLimit))
            {
                failures.Add((LimitCheck, F($"weight {i} is {sample[i]:R}, outside +-{limit:R}")));
                break;
            }
        double mean = Mean(sample), meanBound = SamplingBounds.UniformMean(limit, n);
        if (!(Math.Abs(mean) <= meanBound)) failures.Add((MeanCheck, F($"{mean:G6}, expected 0 +- {meanBound:G4}")));
        double meanSquare = MeanSquare(sample), expected = limit * limit / 3, squareBound = SamplingBounds.UniformMeanSquare(limit, n);
        if (!(Math.Abs(meanSquare - expected) <= squareBound))
            failures.Add((MeanSquareCheck, F($"{meanSquare:G6}, expected limit^2 / 3 = {expected:G6} +- {squareBound:G4}")));
        double d = SamplingBounds.KolmogorovSmirnov(sample, x => SamplingBounds.UniformCdf(x, limit)), critical = SamplingBounds.KolmogorovSmirnovCritical(n);
        if (!(d <= critical)) failures.Add((KolmogorovSmirnovCheck, F($"D = {d:G4} against U(-{limit:G6}, {limit:G6}), critical value {critical:G4}")));
        return failures;
    }

    /// <summary>The weights against N(0, deviation^2).</summary>
    public static IReadOnlyList<(string, string)> NormalFailures(ReadOnlySpan<float> weights, double deviation)
    {
        var failures = new List<(string, string)>();
        int n = weights.Length;
        double[] sample = Widen(weights);
        double mean = Mean(sample), meanBound = SamplingBounds.NormalMean(deviation, n);
        if (!(Math.Abs(mean) <= meanBound)) failures.Add((MeanCheck, F($"{mean:G6}, expected 0 +- {meanBound:G4}")));
        double meanSquare = MeanSquare(sample);
        (double low, double high) = SamplingBounds.NormalMeanSquare(deviation, n);
        if (!(meanSquare >= low && meanSquare <= high))
            failures.Add((MeanSquareCheck, F($"{meanSquare:G6}, expected sd^2 = {deviation * deviation:G6} within [{low:G6}, {high:G6}]")));
        double d = SamplingBounds.KolmogorovSmirnov(sample, x => SamplingBounds.NormalCdf(x, deviation)), critical = SamplingBounds.KolmogorovSmirnovCritical(n);
        if (!(d <= critical)) failures.Add((KolmogorovSmirnovCheck, F($"D = {d:G4} against N(0, {deviation:G6}^2), critical value {critical:G4}")));
        return failures;
    }

    private static double[] Widen(ReadOnlySpan<float> weights)
    {
        var sample = new double[weights.Length];
        for (int i = 0; i < sample.Length; i++) sample[i] = weights[i];
        return sample;
    }

    private static double Mean(double[] sample)
    {
        double sum = 0;
        foreach (double x in sample) sum += x;
        return sum / sample.Length;
    }

    private static double MeanSquare(double[] sample)
    {
        double sum = 0;
        foreach (double x in sample) sum += x * x;
        return sum / sample.Length;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
