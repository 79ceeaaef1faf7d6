using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit.Sdk;

namespace NnGen.Tests.GradientChecks;

/// <summary>Compares vectors element by element against per-element tolerances and reports the worst offenders.</summary>
public static class ElementwiseAssert
{
    /// <summary>
    /// Fails unless |actual[j] - expected[j]| &lt;= tolerance(j) for every j, with expected[j], actual[j] and
    /// tolerance(j) all finite: an infinite tolerance (which a scale taken from a vector holding an infinity
    /// becomes) would pass any finite value, and an infinite expected value is not a result to agree with.
    /// </summary>
    public static void Close(string what, IReadOnlyList<double> expected, IReadOnlyList<float> actual, Func<int, double> tolerance)
    {
        if (expected.Count != actual.Count)
            throw new XunitException($"{what}: expected {expected.Count} values, got {actual.Count}.");
        var failures = new List<(int Index, double Ratio)>();
        for (int j = 0; j < expected.Count; j++)
        {
            double error = Math.Abs(actual[j] - expected[j]), allowed = tolerance(j);
            if (!(error <= allowed) || !float.IsFinite(actual[j]) || !double.IsFinite(expected[j]) || !double.IsFinite(allowed))
                failures.Add((j, error / allowed));
        }
        if (failures.Count == 0) return;
        string worst = string.Join("\n", failures.OrderByDescending(f => double.IsNaN(f.Ratio) ? double.MaxValue : f.Ratio).Take(8).Select(f =>
            string.Format(CultureInfo.InvariantCulture, "  [{0}] expected {1:R}, actual {2:R}, |error| {3:E3} > tolerance {4:E3} ({5:F1}x)",
                f.Index, expected[f.Index], actual[f.Index], Math.Abs(actual[f.Index] - expected[f.Index]), tolerance(f.Index), f.Ratio)));
        throw new XunitException($"{what}: {failures.Count} of {expected.Count} elements out of tolerance; worst:\n{worst}");
    }

    public static void Close(string what, double expected, float actual, double tolerance)
        => Close(what, new[] { expected }, new[] { actual }, _ => tolerance);
}
