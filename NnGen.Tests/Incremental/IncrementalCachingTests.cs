extern alias NnGenGenerator;

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NnGenGenerator::NnGen.Generator;
using NnGenGenerator::NnGen.Generator.Model;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Incremental;

/// <summary>
/// The driver runs twice on the same compilation edited in between: an unrelated edit leaves every named step
/// Cached or Unchanged and emits nothing again; a width change modifies the model and the generated source.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string ValidNetwork = """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1)]
        public partial class Net;
        """;

    // A second network with an error, so that the diagnostics step has an output to cache.
    private const string InvalidNetwork = """
        using NnGen;
        namespace Demo;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(1)]
        public partial class Broken;
        """;

    private const string Unrelated = """
        namespace Demo;

        internal static class Helper
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        (GeneratorRun first, GeneratorRun second) = RunTwice(c => c.AddSyntaxTrees(Parse("""
            namespace Demo;

            internal static class Added
            {
                public const int Answer = 42;
            }
            """, "Added.cs")));

        AssertNothingChanged(first, second);
    }

    [Fact]
    public void Commenting_an_unrelated_file_leaves_every_step_cached()
    {
        (GeneratorRun first, GeneratorRun second) = RunTwice(c => Edit(c, 2, "// a comment\n" + Unrelated));

        AssertNothingChanged(first, second);
    }

    [Fact]
    public void Commenting_after_the_network_leaves_every_step_unchanged()
    {
        (GeneratorRun first, GeneratorRun second) = RunTwice(c => Edit(c, 0, ValidNetwork + "\n// a comment after the declaration\n"));

        AssertNothingChanged(first, second);
    }

    [Fact]
    public void Moving_a_diagnostic_does_not_emit_the_source_again()
    {
        (GeneratorRun first, GeneratorRun second) = RunTwice(c => Edit(c, 1, "// this line moves the squiggle down\n" + InvalidNetwork));

        Assert.Contains(TrackedSteps.Outputs(second, TrackingNames.Diagnostics), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.All(TrackedSteps.Outputs(second, TrackingNames.Model), output => AssertCachedOrUnchanged(output.Reason, second));
        Assert.Contains(second.GeneratorDiagnostics, d => d.Id == "NNG0010" && d.Location.GetLineSpan().StartLinePosition.Line == 6);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Changing_a_width_modifies_the_model_and_the_source()
    {
        (GeneratorRun first, GeneratorRun second) = RunTwice(c => Edit(c, 0, ValidNetwork.Replace("[Dense(3, Activation.Sigmoid)]", "[Dense(5, Activation.Sigmoid)]", System.StringComparison.Ordinal)));

        (object value, IncrementalStepRunReason reason) = Assert.Single(TrackedSteps.Outputs(second, TrackingNames.Model));
        Assert.Equal(IncrementalStepRunReason.Modified, reason);
        Assert.Equal(5, ((NetworkModel)value).Layers[0].Units);
        Assert.Contains(IncrementalStepRunReason.Modified, TrackedSteps.SourceOutputReasons(second));

        string before = first.GeneratedSources["Demo.Net.g.cs"], after = second.GeneratedSources["Demo.Net.g.cs"];
        Assert.Contains("public const int ParameterCount = 13;", before, System.StringComparison.Ordinal);
        Assert.Contains("public const int ParameterCount = 21;", after, System.StringComparison.Ordinal);
        GeneratorAssert.DidNotCrash(second);
        Assert.DoesNotContain(second.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void First_run_produces_every_named_step()
    {
        (GeneratorRun first, _) = RunTwice(c => c);

        foreach (string name in TrackedSteps.Names)
            Assert.All(TrackedSteps.Outputs(first, name), output => Assert.Equal(IncrementalStepRunReason.New, output.Reason));
        Assert.Single(TrackedSteps.Outputs(first, TrackingNames.Model));
        Assert.Single(TrackedSteps.Outputs(first, TrackingNames.Diagnostics));
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwice(System.Func<Compilation, Compilation> edit)
    {
        GeneratorRun first = GeneratorHarness.Run(ValidNetwork, InvalidNetwork, Unrelated);
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edit(first.InputCompilation));
        return (first, second);
    }

    private static void AssertNothingChanged(GeneratorRun first, GeneratorRun second)
    {
        foreach (string name in TrackedSteps.Names)
        {
            IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> outputs = TrackedSteps.Outputs(second, name);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => AssertCachedOrUnchanged(output.Reason, second));
        }
        IReadOnlyList<IncrementalStepRunReason> sources = TrackedSteps.SourceOutputReasons(second);
        Assert.NotEmpty(sources);
        Assert.All(sources, reason => AssertCachedOrUnchanged(reason, second));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
        Assert.Equal(first.GeneratorDiagnostics.Select(d => d.ToString()), second.GeneratorDiagnostics.Select(d => d.ToString()));
    }

    private static void AssertCachedOrUnchanged(IncrementalStepRunReason reason, GeneratorRun run)
        => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{reason}, in {TrackedSteps.Describe(run)}");

    private static Compilation Edit(Compilation compilation, int index, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(tree => tree.FilePath == GeneratorHarness.PathOf(index));
        return compilation.ReplaceSyntaxTree(old, Parse(text, old.FilePath));
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path);
}
