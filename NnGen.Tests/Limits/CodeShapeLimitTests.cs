using System.Linq;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Limits;

/// <summary>
/// The size budget of unrolled code: a network is unrolled only when every layer has at most 64 weights and all
/// layers together at most 1,024; anything larger falls back to loops, whose size does not grow with the weights.
/// (The cap on parameters, NNG0015, is tested in Diagnostics/SizeLimitDiagnosticTests.)
/// </summary>
public sealed class CodeShapeLimitTests
{
    private const string LoopMarker = "global::NnGen.Internal.DenseKernels";

    [Theory]
    [InlineData(16, true)]    // 16 * 64 = 1,024 weights: at the budget
    [InlineData(17, false)]   // 1,088 weights: over it
    public void Many_small_layers_are_unrolled_only_within_the_budget(int layers, bool unrolled)
    {
        GeneratorRun run = GeneratorHarness.Run(DeepNetworks.Source(layers, 8, 8));
        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(!unrolled, run.GeneratedSources.Values.Single().Contains(LoopMarker, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_thousand_layers_generate_loops_of_a_size_linear_in_the_layers()
    {
        string thousand = GeneratorHarness.Run(DeepNetworks.Source(1000, 4, 4)).GeneratedSources.Values.Single();
        string hundred = GeneratorHarness.Run(DeepNetworks.Source(100, 4, 4)).GeneratedSources.Values.Single();
        Assert.Contains(LoopMarker, thousand, System.StringComparison.Ordinal);
        Assert.InRange(thousand.Length, 9 * hundred.Length, 11 * hundred.Length);
    }
}
