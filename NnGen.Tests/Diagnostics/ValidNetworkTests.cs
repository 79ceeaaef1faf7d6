using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// Valid declarations in every legal place: no generator diagnostic, zero errors and zero warnings with the
/// generated code, the hint names of the contract, and a network that loads and runs.
/// </summary>
public sealed class ValidNetworkTests
{
    private const string Layers = """
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1)]
        """;

    [Theory]
    [InlineData("namespace Demo;\n" + Layers + "\npublic partial class Net;", "Demo.Net.g.cs", "Demo.Net")]
    [InlineData(Layers + "\npublic partial class Net;", "Net.g.cs", "Net")]
    [InlineData("namespace Demo.Deep.Er\n{\n" + Layers + "\ninternal sealed partial class Net { }\n}", "Demo.Deep.Er.Net.g.cs", "Demo.Deep.Er.Net")]
    [InlineData("namespace Demo;\n" + Layers + "\npublic partial record Net;", "Demo.Net.g.cs", "Demo.Net")]
    [InlineData("namespace Demo;\n" + Layers + "\npublic sealed partial record class Net;", "Demo.Net.g.cs", "Demo.Net")]
    [InlineData("namespace Demo;\ninternal static partial class Outer\n{\n    internal partial record struct Middle\n    {\n" + Layers + "\n        public partial class Net;\n    }\n}", "Demo.Outer.Middle.Net.g.cs", "Demo.Outer+Middle+Net")]
    [InlineData("namespace Demo;\ninternal partial interface IHost\n{\n" + Layers + "\n    public partial class Net;\n}", "Demo.IHost.Net.g.cs", "Demo.IHost+Net")]
    [InlineData("namespace Netze;\n" + Layers + "\npublic partial class Größe\u0301\u203FNetz;", "Netze.Größe__Netz.g.cs", "Netze.Größe\u0301\u203FNetz")]
    public void Network_compiles_cleanly_and_runs(string declaration, string hintName, string metadataName)
    {
        GeneratorRun run = GeneratorHarness.Run("using NnGen;\n" + declaration);

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { hintName }, run.GeneratedSources.Keys);
        AssertRuns(run, metadataName);
    }

    [Fact]
    public void Names_that_are_keywords_are_escaped()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using NnGen;
            namespace Demo.@event.var;

            internal partial class @record
            {
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1)]
                public partial class @class;
            }
            """);

        GeneratorAssert.DidNotCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        // The user's own names draw the compiler's naming warnings, in the user's file; the generated code adds none.
        Diagnostic[] unexpected = run.CompilationProblems.Where(d => d.Id is not ("CS8860" or "CS8981")).ToArray();
        if (unexpected.Length > 0) throw new XunitException(GeneratorAssert.Describe(unexpected));
        Assert.All(run.CompilationProblems, d => Assert.Equal(GeneratorHarness.PathOf(0), d.Location.SourceTree?.FilePath));
        Assert.Equal(new[] { "Demo.event.var.record.class.g.cs" }, run.GeneratedSources.Keys);
        AssertRuns(run, "Demo.event.var.record+class");
    }

    [Fact]
    public void Networks_whose_names_differ_only_in_case_both_generate()
    {
        GeneratorRun run = DiagnosticCheck.IsClean("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1)]
            public partial class Net;

            [Network(Loss.MeanSquaredError)]
            [Input(3)]
            [Dense(1)]
            public partial class NET;
            """);

        Assert.Equal(new[] { "Demo.NET.g.cs", "Demo.Net.2.g.cs" }, run.GeneratedSources.Keys);
        using LoadedAssembly loaded = LoadedAssembly.Load(run.OutputCompilation);
        Assert.Equal(2, loaded.CreateNetwork("Demo.Net").InputSize);
        Assert.Equal(3, loaded.CreateNetwork("Demo.NET").InputSize);
    }

    [Fact]
    public void Networks_of_the_same_name_in_two_namespaces_both_generate()
    {
        GeneratorRun run = DiagnosticCheck.IsClean("""
            using NnGen;

            namespace A
            {
                [Network(Loss.MeanSquaredError)]
                [Input(2)]
                [Dense(1)]
                public partial class Net;
            }

            namespace B
            {
                [Network(Loss.MeanAbsoluteError)]
                [Input(3)]
                [Dense(2)]
                public partial class Net;
            }
            """);

        Assert.Equal(new[] { "A.Net.g.cs", "B.Net.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Network_beside_user_members_on_other_partial_declarations_compiles_cleanly() => DiagnosticCheck.IsClean(
        """
        using NnGen;
        namespace Demo;

        /// <summary>The user's documentation of the network.</summary>
        [Network(Loss.BinaryCrossEntropy, Init = Init.HeNormal)]
        [Input(4)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid, Init = Init.Zeros)]
        public sealed partial class Net
        {
            /// <summary>A member of the user's own, next to the generated ones.</summary>
            public float Threshold { get; set; } = 0.5f;
        }
        """,
        """
        namespace Demo;

        public sealed partial class Net
        {
            /// <summary>Another member, on another declaration.</summary>
            public bool Decide(System.ReadOnlySpan<float> inputs)
            {
                System.Span<float> output = stackalloc float[OutputSize];
                Predict(inputs, output);
                return output[0] >= Threshold;
            }
        }
        """);

    private static void AssertRuns(GeneratorRun run, string metadataName)
    {
        using LoadedAssembly loaded = LoadedAssembly.Load(run.OutputCompilation);
        INetwork network = loaded.CreateNetwork(metadataName, seed: 7);
        Assert.Equal(network.ParameterCount, network.Parameters.Length);
        float[] outputs = new float[network.OutputSize];
        network.Predict(new float[network.InputSize], outputs);
        Assert.All(outputs, value => Assert.True(float.IsFinite(value)));
        Assert.Throws<ArgumentException>(() => network.Predict(new float[network.InputSize + 1], outputs));
    }
}
