using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Generator;

/// <summary>The ONNX file is there exactly when the compilation references NnGen.Onnx, compiles wherever a network may be declared, and leaves the CPU file as it was.</summary>
public sealed class OnnxGenerationTests
{
    private const string Layers = """
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dropout(0.25f)]
        [Dense(1)]
        """;

    [Fact]
    public void Without_NnGen_Onnx_no_ONNX_code_is_emitted()
    {
        GeneratorRun run = GeneratorHarness.Run("using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;");

        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
        Assert.DoesNotContain("Onnx", run.GeneratedSources["Demo.Net.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_NnGen_Onnx_the_CPU_file_is_the_same_as_without()
    {
        string source = "using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;";

        Assert.Equal(GeneratorHarness.Run(source).GeneratedSources["Demo.Net.g.cs"], GeneratorHarness.RunWithOnnx(source).GeneratedSources["Demo.Net.g.cs"]);
    }

    [Theory]
    [InlineData("namespace Demo;\n" + Layers + "\npublic partial class Net;", "Demo.Net.Onnx.g.cs")]
    [InlineData(Layers + "\npublic partial class Net;", "Net.Onnx.g.cs")]
    [InlineData("namespace Demo;\n" + Layers + "\npublic sealed partial record class Net;", "Demo.Net.Onnx.g.cs")]
    [InlineData("namespace Demo;\ninternal static partial class Outer\n{\n    internal partial record struct Middle\n    {\n" + Layers + "\n        public partial class Net;\n    }\n}", "Demo.Outer.Middle.Net.Onnx.g.cs")]
    [InlineData("namespace Demo;\n[Network(Loss.CategoricalCrossEntropy)]\n[Input(784)]\n[Dense(128, Activation.ReLU)]\n[BatchNorm(Activation.ELU, Alpha = 0.5f)]\n[Maxout(16, 3)]\n[LayerNorm]\n[Dense(10, Activation.Softmax)]\npublic partial class Wide;", "Demo.Wide.Onnx.g.cs")]
    public void With_NnGen_Onnx_the_ONNX_file_compiles_cleanly(string declaration, string hintName)
    {
        GeneratorRun run = GeneratorHarness.RunWithOnnx("using NnGen;\n" + declaration);

        GeneratorAssert.CompilesCleanly(run);
        Assert.Contains(hintName, run.GeneratedSources.Keys);
        Assert.Contains("IOnnxNetwork", run.GeneratedSources[hintName], System.StringComparison.Ordinal);
    }
}
