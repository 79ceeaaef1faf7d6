using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// NNG0023: with NnGen.Gpu referenced, a network the GPU kernels do not cover gets an informational note at its name,
/// its CPU code as before, and no GPU file. Without NnGen.Gpu (ILGPU alone included), or for a dense network, nothing is said.
/// </summary>
public sealed class GpuNoteDiagnosticTests
{
    private const string WithDropout = """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4, Activation.ReLU)]
        [Dropout(0.2f)]
        [Dense(1)]
        public partial class Net;
        """;

    [Fact]
    public void NNG0023_reported_for_a_dropout_network_when_ILGPU_is_referenced()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu(WithDropout);

        GeneratorAssert.DidNotCrash(run);
        Diagnostic note = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NNG0023", note.Id);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        // at the class name: "public partial class Net;" is line 8 (from 0), "Net" starts at column 21
        Microsoft.CodeAnalysis.FileLinePositionSpan span = note.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.PathOf(0), span.Path);
        Assert.Equal((8, 21, 8, 24), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.Contains("layer 2 ([Dropout])", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NNG0023_reported_for_an_L2_penalty_when_ILGPU_is_referenced()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError, L2 = 0.01f)]
            [Input(2)]
            [Dense(1)]
            public partial class Net;
            """);

        Diagnostic note = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NNG0023", note.Id);
        Assert.Contains("the L1/L2 penalty", note.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratedSources.Keys, name => name.EndsWith(".Gpu.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void NNG0023_not_reported_without_ILGPU()
    {
        GeneratorRun run = GeneratorHarness.Run(WithDropout);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void NNG0023_not_reported_with_ILGPU_but_without_NnGen_Gpu()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpuOnly(WithDropout);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void NNG0023_not_reported_for_a_dense_network()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu("""
            using NnGen;
            namespace Demo;

            [Network(Loss.CategoricalCrossEntropy)]
            [Input(4)]
            [Dense(8, Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
            """);

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.Net.Gpu.g.cs", "Demo.Net.g.cs" }, run.GeneratedSources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
