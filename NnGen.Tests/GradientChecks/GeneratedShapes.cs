extern alias NnGenGenerator;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NnGen.Tests.Infrastructure;
using NnGenGenerator::NnGen.Generator;
using NnGenGenerator::NnGen.Generator.Model;
using NnGenGenerator::NnGen.Generator.Planning;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The CPU code shape the generator gave each network declared under Networks/ and LayeredNetworks/, read from what
/// the generator made of those very files (run again in memory on them), not from a restatement of the unroll rule:
/// the shape in its plan (<see cref="NetworkPlan.CpuShape"/>) and the shape of its generated source, which must agree.
/// Unrolled source names every gate (<c>float z1_0 = ...</c>) and has no layer methods; loop source runs each layer
/// through <c>NnForward</c> over scratch buffers, and names no gate.
/// </summary>
internal static class GeneratedShapes
{
    private static readonly Lazy<IReadOnlyDictionary<string, (CpuCodeShape Plan, CpuCodeShape? Source)>> Shapes = new(Read);

    /// <summary>Whether the generator unrolled <paramref name="type"/> (a catalog network); throws if it made no code for it.</summary>
    public static bool IsUnrolled(Type type) => Of(type) == CpuCodeShape.Unrolled;

    /// <summary>The shape of <paramref name="type"/> in the generator's plan, after checking that its source has the same shape.</summary>
    public static CpuCodeShape Of(Type type)
    {
        if (!Shapes.Value.TryGetValue(type.FullName!, out var shape))
            throw new ArgumentException($"The generator, run on the catalog's declaration files, made no network {type.FullName}.", nameof(type));
        Assert.True(shape.Source == shape.Plan, $"{type.FullName}: the plan says {shape.Plan}, the generated source is {shape.Source?.ToString() ?? "neither or both"}.");
        return shape.Plan;
    }

    /// <summary>The full names of the networks the generator made from the declaration files.</summary>
    public static IEnumerable<string> Names => Shapes.Value.Keys;

    /// <summary>The shape a generated source has: unrolled, loops, or null when it shows both or neither.</summary>
    public static CpuCodeShape? OfSource(string source)
    {
        bool unrolled = source.Contains(" z1_0 = ", StringComparison.Ordinal);
        bool loops = source.Contains("private void NnForward(", StringComparison.Ordinal);
        return unrolled == loops ? null : unrolled ? CpuCodeShape.Unrolled : CpuCodeShape.Loops;
    }

    private static IReadOnlyDictionary<string, (CpuCodeShape, CpuCodeShape?)> Read() => Read(SourceDirectory.Of(ThisFile()));

    private static IReadOnlyDictionary<string, (CpuCodeShape, CpuCodeShape?)> Read(string directory)
    {
        string[] files = new[] { "Networks", "LayeredNetworks" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(directory, folder), "*.cs"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        GeneratorRun run = GeneratorHarness.Run(files);
        Assert.Empty(run.GeneratorDiagnostics);
        var shapes = new Dictionary<string, (CpuCodeShape, CpuCodeShape?)>(StringComparer.Ordinal);
        foreach (NetworkModel model in run.Result.TrackedSteps[TrackingNames.Model].SelectMany(step => step.Outputs).Select(o => (NetworkModel)o.Value))
        {
            string fullName = model.FullName;
            string source = run.GeneratedSources[fullName + ".g.cs"];
            shapes.Add(fullName, (NetworkPlanner.Plan(model).CpuShape, OfSource(source)));
        }
        return shapes;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
