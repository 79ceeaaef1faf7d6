extern alias NnGenGenerator;

using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NnGenGenerator::NnGen.Generator;
using NnGen.Tests.Infrastructure;
using NnGen.Tests.Weights;
using Xunit;

namespace NnGen.Tests.Incremental;

/// <summary>
/// Embedded weights and the incremental pipeline: another file in place of the weights file re-runs the weights step
/// and changes the weights source, and only it; the same bytes again, or an unrelated edit, leave every output cached.
/// </summary>
public sealed class WeightsIncrementalTests : IDisposable
{
    private readonly WeightsHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string Source = MarkedSource.Parse(WeightsHarness.TinyNetwork).Text;

    private static byte[] Saved(int seed)
    {
        using var stream = new MemoryStream();
        new PlainTinyNet(seed).Save(stream);
        return stream.ToArray();
    }

    private static bool CachedOrUnchanged(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [Fact]
    public void Another_file_in_place_changes_only_the_weights_source()
    {
        AdditionalText first = _files.Write("models/tiny.nngen", Saved(1));
        GeneratorRun before = GeneratorHarness.Run(WeightsHarness.CreateDriver(first), GeneratorHarness.CreateCompilation(Source));
        GeneratorAssert.CompilesCleanly(before);

        AdditionalText second = _files.Write("v2/models/tiny.nngen", Saved(2));
        GeneratorRun after = GeneratorHarness.Run(before.Driver.ReplaceAdditionalText(first, second), before.InputCompilation);
        GeneratorAssert.CompilesCleanly(after);

        Assert.NotEqual(before.GeneratedSources["Demo.Net.Weights.g.cs"], after.GeneratedSources["Demo.Net.Weights.g.cs"]);
        Assert.Equal(before.GeneratedSources["Demo.Net.g.cs"], after.GeneratedSources["Demo.Net.g.cs"]);
        Assert.Contains(TrackedSteps.Outputs(after, TrackingNames.Weights), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.All(TrackedSteps.Outputs(after, TrackingNames.Plan), output => Assert.True(CachedOrUnchanged(output.Reason), TrackedSteps.Describe(after)));
    }

    [Fact]
    public void The_same_bytes_in_another_item_leave_the_outputs_unchanged()
    {
        AdditionalText first = _files.Write("models/tiny.nngen", Saved(1));
        GeneratorRun before = GeneratorHarness.Run(WeightsHarness.CreateDriver(first), GeneratorHarness.CreateCompilation(Source));
        GeneratorRun after = GeneratorHarness.Run(before.Driver.ReplaceAdditionalText(first, new BinaryAdditionalText(first.Path)), before.InputCompilation);

        Assert.All(TrackedSteps.Outputs(after, TrackingNames.Weights), output => Assert.True(CachedOrUnchanged(output.Reason), TrackedSteps.Describe(after)));
        Assert.All(TrackedSteps.SourceOutputReasons(after), reason => Assert.True(CachedOrUnchanged(reason), TrackedSteps.Describe(after)));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_weights_steps_cached()
    {
        AdditionalText file = _files.Write("models/tiny.nngen", Saved(1));
        GeneratorRun before = GeneratorHarness.Run(WeightsHarness.CreateDriver(file), GeneratorHarness.CreateCompilation(Source));
        Compilation edited = before.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; internal static class Added { }", GeneratorHarness.ParseOptions, "Added.cs"));
        GeneratorRun after = GeneratorHarness.Run(before.Driver, edited);

        foreach (string step in new[] { TrackingNames.WeightsFile, TrackingNames.Weights, TrackingNames.Plan })
            Assert.All(TrackedSteps.Outputs(after, step), output => Assert.True(CachedOrUnchanged(output.Reason), TrackedSteps.Describe(after)));
        Assert.All(TrackedSteps.SourceOutputReasons(after), reason => Assert.True(CachedOrUnchanged(reason), TrackedSteps.Describe(after)));
        Assert.Equal(before.GeneratedSources, after.GeneratedSources);
    }

    [Fact]
    public void Editing_the_file_in_place_from_missing_to_sound_embeds_it()
    {
        AdditionalText missing = _files.Missing("models/tiny.nngen");
        GeneratorRun before = GeneratorHarness.Run(WeightsHarness.CreateDriver(missing), GeneratorHarness.CreateCompilation(Source));
        Assert.Equal("NNG0026", Assert.Single(before.GeneratorDiagnostics).Id);

        AdditionalText written = _files.Write("models/tiny.nngen", Saved(3));
        GeneratorRun after = GeneratorHarness.Run(before.Driver.ReplaceAdditionalText(missing, written), before.InputCompilation);
        GeneratorAssert.CompilesCleanly(after);
        Assert.True(after.GeneratedSources.ContainsKey("Demo.Net.Weights.g.cs"));
        Assert.Equal(new[] { "Demo.Net.Weights.g.cs", "Demo.Net.g.cs" }, after.GeneratedSources.Keys.Where(k => !k.EndsWith(".Gpu.g.cs", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal));
    }
}
