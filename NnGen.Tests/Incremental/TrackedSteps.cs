extern alias NnGenGenerator;

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NnGenGenerator::NnGen.Generator;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Incremental;

/// <summary>Reads the named pipeline steps of a generator run: their output values and why each was produced.</summary>
internal static class TrackedSteps
{
    public static readonly string[] Names = { TrackingNames.Parse, TrackingNames.Model, TrackingNames.Plan, TrackingNames.Diagnostics };

    /// <summary>Every output of the named step, with its reason (New, Cached, Unchanged, Modified, Removed).</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string name)
    {
        Assert.True(run.Result.TrackedSteps.ContainsKey(name), $"The pipeline has no step named {name}.");
        return run.Result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
    }

    /// <summary>The reasons of the source-output steps (what decided whether a file was emitted again).</summary>
    public static IReadOnlyList<IncrementalStepRunReason> SourceOutputReasons(GeneratorRun run)
        => run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();

    /// <summary>Text for a failure message: each named step's reasons.</summary>
    public static string Describe(GeneratorRun run)
        => string.Join("; ", run.Result.TrackedSteps
            .OrderBy(pair => pair.Key, System.StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}: {string.Join(",", pair.Value.SelectMany(step => step.Outputs).Select(o => o.Reason))}"));
}
