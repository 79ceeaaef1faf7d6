using System;
using Xunit.Sdk;

namespace NnGen.Tests.Optimizers;

/// <summary>Element-wise comparison that names the worst element on failure.</summary>
internal static class Close
{
    /// <summary>
    /// The float rounding a parameter near 1 picks up per step (about one ulp of 1, 6e-8) times
    /// the number of steps taken plus one: measured errors stay below 60% of this.
    /// </summary>
    public static double Tolerance(int steps) => 6e-8 * (steps + 1);

    /// <summary>
    /// Fails unless every |expected[i] - actual[i]| &lt;= <paramref name="tolerance"/>. A NaN on either side fails at
    /// once, naming its element (a NaN is never "close"); an infinity passes only against the same infinity.
    /// </summary>
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance, string context)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a number >= 0.");
        if (expected.Length != actual.Length) throw new XunitException($"{context}: expected {expected.Length} values, got {actual.Length}.");
        int worst = -1;
        double worstError = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) || double.IsNaN(a))
                throw new XunitException($"{context}: element {i} is {a:R}, expected {e:R} (NaN).");
            if (double.IsInfinity(e) || double.IsInfinity(a))
            {
                if (e == a) continue;
                throw new XunitException($"{context}: element {i} is {a:R}, expected {e:R} (infinity mismatch).");
            }
            double error = Math.Abs(e - a);
            if (error > worstError) { worst = i; worstError = error; }
        }
        if (worst >= 0 && worstError > tolerance)
            throw new XunitException($"{context}: element {worst} is {actual[worst]:R}, expected {expected[worst]:R} (error {worstError:E2} > tolerance {tolerance:E2}).");
    }

    public static void Equal(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string context)
    {
        var widened = new double[expected.Length];
        for (int i = 0; i < expected.Length; i++) widened[i] = expected[i];
        Equal(widened, actual, tolerance, context);
    }
}
