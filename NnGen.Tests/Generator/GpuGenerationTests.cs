using System.Linq;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Generator;

/// <summary>
/// The GPU file is there exactly when the compilation references NnGen.Gpu (ILGPU alone is not enough); it compiles
/// cleanly wherever a network may be declared, and the kernel shape follows the network's size.
/// </summary>
public sealed class GpuGenerationTests
{
    private const string Layers = """
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1)]
        """;

    [Fact]
    public void Without_ILGPU_no_GPU_code_is_emitted()
    {
        GeneratorRun run = GeneratorHarness.Run("using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;");

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
        Assert.DoesNotContain("ILGPU", run.GeneratedSources["Demo.Net.g.cs"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("Gpu", run.GeneratedSources["Demo.Net.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_ILGPU_but_without_NnGen_Gpu_no_GPU_code_is_emitted()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpuOnly("using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;");

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
        Assert.Equal(GeneratorHarness.Run("using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;").GeneratedSources["Demo.Net.g.cs"], run.GeneratedSources["Demo.Net.g.cs"]);
    }

    [Fact]
    public void With_ILGPU_the_CPU_file_is_the_same_as_without()
    {
        string source = "using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;";

        Assert.Equal(GeneratorHarness.Run(source).GeneratedSources["Demo.Net.g.cs"], GeneratorHarness.RunWithIlgpu(source).GeneratedSources["Demo.Net.g.cs"]);
    }

    [Theory]
    [InlineData("namespace Demo;\n" + Layers + "\npublic partial class Net;", "Demo.Net.Gpu.g.cs")]
    [InlineData(Layers + "\npublic partial class Net;", "Net.Gpu.g.cs")]
    [InlineData("namespace Demo;\n" + Layers + "\npublic sealed partial record class Net;", "Demo.Net.Gpu.g.cs")]
    [InlineData("namespace Demo;\ninternal static partial class Outer\n{\n    internal partial record struct Middle\n    {\n" + Layers + "\n        public partial class Net;\n    }\n}", "Demo.Outer.Middle.Net.Gpu.g.cs")]
    [InlineData("namespace Demo;\ninternal partial interface IHost\n{\n" + Layers + "\n    public partial class Net;\n}", "Demo.IHost.Net.Gpu.g.cs")]
    [InlineData("namespace Netze;\n" + Layers + "\npublic partial class Größe\u0301\u203FNetz;", "Netze.Größe__Netz.Gpu.g.cs")]
    [InlineData("namespace Demo;\n[Network(Loss.CategoricalCrossEntropy)]\n[Input(784)]\n[Dense(128, Activation.ReLU)]\n[Dense(10, Activation.Softmax)]\npublic partial class Wide;", "Demo.Wide.Gpu.g.cs")]
    public void With_ILGPU_the_GPU_file_compiles_cleanly(string declaration, string gpuHintName)
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu("using NnGen;\n" + declaration);

        GeneratorAssert.CompilesCleanly(run);
        Assert.Contains(gpuHintName, run.GeneratedSources.Keys);
        Assert.Equal(2, run.GeneratedSources.Count);
    }

    [Fact]
    public void Networks_whose_names_differ_only_in_case_get_distinct_GPU_files()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu("using NnGen;\nnamespace Demo;\n" + Layers + "\npublic partial class Net;\n" + Layers + "\npublic partial class NET;");

        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.NET.Gpu.g.cs", "Demo.NET.g.cs", "Demo.Net.2.Gpu.g.cs", "Demo.Net.2.g.cs" }, run.GeneratedSources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("[Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]", "FusedGradients", "float z1_0 = p[0] * x0 + p[1] * x1 + p[6];")]
    [InlineData("[Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)]", "FusedGradients", "global::ILGPU.LocalMemory.Allocate1D<float>(32)")]
    [InlineData("[Input(64)] [Dense(33, Activation.ReLU)] [Dense(10, Activation.Softmax)]", "WeightGradientsLayer2", "for (int i = 0; i < 64; i++) sum += p[w + i] * x[xr + i];")]
    public void The_kernel_shape_follows_the_size(string layers, string kernel, string line)
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu($"using NnGen;\nnamespace Demo;\n[Network(Loss.{(layers.Contains("Softmax", System.StringComparison.Ordinal) ? "CategoricalCrossEntropy" : "MeanSquaredError")})] {layers}\npublic partial class Net;");

        GeneratorAssert.CompilesCleanly(run);
        string gpu = run.GeneratedSources["Demo.Net.Gpu.g.cs"];
        Assert.Contains($"public static void {kernel}(", gpu, System.StringComparison.Ordinal);
        Assert.Contains(line, gpu, System.StringComparison.Ordinal);
        // the thin class on NnGen.Gpu's base, the network's own kernels only: the shared ones are compiled in NnGen.Gpu
        Assert.Contains("public sealed class Gpu : global::NnGen.Gpu.GpuNetwork", gpu, System.StringComparison.Ordinal);
        Assert.DoesNotContain("public static void SgdStep(", gpu, System.StringComparison.Ordinal);
        Assert.DoesNotContain("public static void ReduceGradients(", gpu, System.StringComparison.Ordinal);
    }
}
