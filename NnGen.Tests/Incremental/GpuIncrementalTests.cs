extern alias NnGenGenerator;

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NnGenGenerator::NnGen.Generator;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Incremental;

/// <summary>With NnGen.Gpu referenced, the GPU steps (the GPU plan among them) cache like the others: an unrelated edit emits nothing again.</summary>
public sealed class GpuIncrementalTests
{
    private const string Network = """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1)]
        public partial class Net;
        """;

    private const string Unrelated = "namespace Demo;\ninternal static class Helper { public static int Twice(int x) => 2 * x; }\n";

    [Fact]
    public void An_unrelated_edit_leaves_the_GPU_steps_cached()
    {
        GeneratorRun first = GeneratorHarness.RunWithIlgpu(Network, Unrelated);
        SyntaxTree old = first.InputCompilation.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.PathOf(1));
        Compilation edited = first.InputCompilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText("// a comment\n" + Unrelated, GeneratorHarness.ParseOptions, old.FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        (object referencesGpu, IncrementalStepRunReason reason) = Assert.Single(TrackedSteps.Outputs(second, TrackingNames.ReferencesNnGenGpu));
        Assert.Equal(true, referencesGpu);
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString());
        Assert.All(TrackedSteps.Outputs(second, TrackingNames.GpuModel), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, TrackedSteps.Describe(second)));
        Assert.NotEmpty(TrackedSteps.Outputs(second, TrackingNames.GpuPlan));
        Assert.All(TrackedSteps.Outputs(second, TrackingNames.GpuPlan), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, TrackedSteps.Describe(second)));
        Assert.All(TrackedSteps.SourceOutputReasons(second), r =>
            Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, TrackedSteps.Describe(second)));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void A_width_change_modifies_the_GPU_file()
    {
        GeneratorRun first = GeneratorHarness.RunWithIlgpu(Network, Unrelated);
        SyntaxTree old = first.InputCompilation.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.PathOf(0));
        string wider = Network.Replace("[Dense(3, Activation.Sigmoid)]", "[Dense(5, Activation.Sigmoid)]", System.StringComparison.Ordinal);
        GeneratorRun second = GeneratorHarness.Run(first.Driver, first.InputCompilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(wider, GeneratorHarness.ParseOptions, old.FilePath)));

        Assert.Contains(TrackedSteps.Outputs(second, TrackingNames.GpuModel), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(TrackedSteps.Outputs(second, TrackingNames.GpuPlan), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.NotEqual(first.GeneratedSources["Demo.Net.Gpu.g.cs"], second.GeneratedSources["Demo.Net.Gpu.g.cs"]);
        Assert.Contains("float z1_4 = ", second.GeneratedSources["Demo.Net.Gpu.g.cs"], System.StringComparison.Ordinal);
    }
}
