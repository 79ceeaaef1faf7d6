using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Incremental;

/// <summary>No named step output holds a Roslyn symbol, syntax node, compilation, semantic model or location.</summary>
public sealed class StepOutputPurityTests
{
    [Fact]
    public void Step_outputs_hold_no_roslyn_objects()
    {
        GeneratorRun run = GeneratorHarness.Run(
            """
            using NnGen;
            namespace Demo;

            internal partial class Outer
            {
                [Network(Loss.CategoricalCrossEntropy, Init = Init.HeNormal)]
                [Input(4)]
                [Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]
                [Dense(3, Activation.Softmax, Init = Init.Uniform, InitScale = 0.2f)]
                public partial class Net;
            }
            """,
            """
            using NnGen;
            namespace Demo;

            [Network(Loss.BinaryCrossEntropy)]
            [Input(0)]
            [Dense(1)]
            public partial class Broken;
            """);

        var found = new List<string>();
        int outputs = 0;
        foreach (string name in TrackedSteps.Names)
        {
            foreach ((object value, _) in TrackedSteps.Outputs(run, name))
            {
                outputs++;
                found.AddRange(RoslynObjectFinder.Find(value, name));
            }
        }

        Assert.Equal(5, outputs); // two parse results, one model, its plan, one diagnostics list
        if (found.Count > 0) throw new XunitException("Step outputs hold Roslyn objects:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Finder_reports_roslyn_objects_wherever_they_hide()
    {
        GeneratorRun run = GeneratorHarness.Run("class C { }");
        SyntaxTree tree = run.InputCompilation.SyntaxTrees.Single();
        var nested = new { Name = "x", Items = new object[] { 1, new[] { tree.GetRoot().GetLocation() } } };

        Assert.Equal(new[] { "root.<Items>i__Field[1][0]: Microsoft.CodeAnalysis.SourceLocation" }, RoslynObjectFinder.Find(nested, "root"));
        Assert.NotEmpty(RoslynObjectFinder.Find(run.InputCompilation, "compilation"));
        Assert.NotEmpty(RoslynObjectFinder.Find(new KeyValuePair<string, ISymbol>("c", run.InputCompilation.GetTypeByMetadataName("C")!), "pair"));
        Assert.Empty(RoslynObjectFinder.Find(new { Name = "x", Values = new[] { 1f, 2f } }, "root"));
    }
}
