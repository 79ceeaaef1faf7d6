using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Schedules;

/// <summary>Schedules paired with their formula written out in double (the reference's definition).</summary>
internal static class ScheduleCases
{
    public sealed record Case(ILearningRateSchedule Schedule, Func<int, double> Formula);

    public static readonly IReadOnlyDictionary<string, Case> All = new Dictionary<string, Case>
    {
        // torch StepLR: base_lr * gamma ** (epoch // step_size)
        ["step"] = new(new StepDecay(0.1f, 3, 0.5f), e => 0.1 * Math.Pow(0.5, e / 3)),
        ["step-default-gamma"] = new(new StepDecay(0.2f, 4), e => 0.2 * Math.Pow(0.1, e / 4)),
        ["step-size-one"] = new(new StepDecay(0.3f, 1, 0.95f), e => 0.3 * Math.Pow(0.95, e)),
        // torch ExponentialLR: base_lr * gamma ** epoch
        ["exponential"] = new(new ExponentialDecay(0.1f, 0.9f), e => 0.1 * Math.Pow(0.9, e)),
        ["exponential-slow"] = new(new ExponentialDecay(3e-4f, 0.999f), e => 3e-4 * Math.Pow(0.999, e)),
        // Keras InverseTimeDecay: lr / (1 + decay_rate * step / decay_steps)
        ["inverse-time"] = new(new InverseTimeDecay(0.1f, 0.5f, 2), e => 0.1 / (1 + 0.5 * e / 2)),
        ["inverse-time-per-epoch"] = new(new InverseTimeDecay(0.01f, 1.5f), e => 0.01 / (1 + 1.5 * e)),
        // torch CosineAnnealingLR: eta_min + (base_lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2
        ["cosine"] = new(new CosineDecay(0.1f, 10, 0.001f), e => 0.001 + (0.1 - 0.001) * (1 + Math.Cos(Math.PI * e / 10)) / 2),
        ["cosine-to-zero"] = new(new CosineDecay(0.05f, 7), e => 0.05 * (1 + Math.Cos(Math.PI * e / 7)) / 2),
    };

    public static TheoryData<string> Names() => new(All.Keys.OrderBy(k => k, StringComparer.Ordinal));

    /// <summary>One float rounding of the double rate, with room for pow's last bit; a non-finite rate on either side fails (an infinite expected rate would make the tolerance infinite).</summary>
    public static void AssertRate(double expected, float actual, string context)
    {
        double tolerance = 1.2e-7 * Math.Abs(expected) + 1e-12;
        if (!(Math.Abs(expected - actual) <= tolerance) || !double.IsFinite(expected) || !float.IsFinite(actual))
            throw new Xunit.Sdk.XunitException($"{context}: rate {actual:R}, expected {expected:R}.");
    }
}
