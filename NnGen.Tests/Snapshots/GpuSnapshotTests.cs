using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Snapshots;

/// <summary>
/// The generated GPU source (with ILGPU referenced) of a fused, unrolled network and of a per-layer one, compared
/// exactly with the *.verified.cs files beside this file, as <see cref="NetworkSnapshotTests"/> does for the CPU code
/// (the GPU files only: the CPU file is the same with or without ILGPU, which GpuGenerationTests checks).
/// </summary>
public sealed class GpuSnapshotTests
{
    [Fact]
    public void Seed231() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1, Activation.Identity)]
        public partial class Seed231Net;
        """);

    [Fact]
    public void Mnist128() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(784)]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class Mnist128Net;
        """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu(source);
        GeneratorAssert.CompilesCleanly(run);
        Assert.Contains(run.GeneratedSources.Keys, name => name.EndsWith(".Gpu.g.cs", System.StringComparison.Ordinal));
        SnapshotAssert.MatchesEndingWith(run, ".Gpu.g.cs", testMethod: testMethod);
    }
}
