using System.Globalization;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// [Maxout(units, pieces)]: units of at least 1 (NNG0007), pieces of at least 2 (NNG0013), never the last layer (NNG0016),
/// its parameters inside the cap (NNG0015), its Init options checked as Dense's (NNG0012, NNG0014), and no GPU kernels (NNG0023).
/// </summary>
public sealed class MaxoutDiagnosticTests
{
    [Fact]
    public void NNG0013_reported_for_fewer_than_two_pieces()
    {
        GeneratorRun run = DiagnosticCheck.Reports("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [{|NNG0013:Maxout(3, 1)|}]
            [{|NNG0013:Maxout(3, 0)|}]
            [{|NNG0013:Maxout(3, -2)|}]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("The number of pieces of maxout layer 1 is 1: write at least 2 pieces", System.StringComparison.Ordinal));
    }

    [Fact]
    public void NNG0013_not_reported_for_two_pieces_or_more() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Maxout(1, 2)]
        [Maxout(3, 5)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0007_reported_for_a_maxout_layer_without_units() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0007:Maxout(0, 2)|}]
        [{|NNG0007:Maxout(-4, 3)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0016_reported_when_the_network_ends_with_maxout()
    {
        GeneratorRun run = DiagnosticCheck.Reports("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(4, Activation.Tanh)]
            [{|NNG0016:Maxout(2, 2)|}]
            public partial class Net;
            """);
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("The last layer is [Maxout], but the outputs and the loss come from a dense layer", System.StringComparison.Ordinal));
    }

    [Fact]
    public void NNG0016_not_reported_for_maxout_on_the_inputs_and_after_other_layers() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(3)]
        [Maxout(4, 2)]
        [Dense(5, Activation.ReLU)]
        [Maxout(3, 3)]
        [LayerNorm]
        [Maxout(2, 2)]
        [Dropout(0.1f)]
        [Dense(2, Activation.Softmax)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0015_counts_every_piece_of_a_maxout_layer() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(1000)]
        [Maxout(1000, 50)]
        [Dense(1)]
        public partial class {|NNG0015:Net|};
        """);

    [Fact]
    public void NNG0015_not_reported_for_a_maxout_layer_inside_the_cap() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(1000)]
        [Maxout(1000, 40)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0015_reported_without_overflow_for_absurd_pieces() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(3)]
        [Maxout(int.MaxValue, int.MaxValue)]
        [Dense(1)]
        public partial class {|NNG0015:Net|};
        """);

    [Fact]
    public void NNG0012_and_NNG0014_reported_for_maxout_init_options() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0012:Maxout(2, 2, InitScale = 0.5f)|}]
        [{|NNG0014:Maxout(2, 2, Init = (Init)99)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Maxout_init_options_are_clean_when_they_apply() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError, Init = Init.HeNormal)]
        [Input(2)]
        [Maxout(2, 2, Init = Init.Uniform, InitScale = 0.5f)]
        [Maxout(2, 3)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0023_reported_for_a_maxout_network_when_ILGPU_is_referenced()
    {
        GeneratorRun run = GeneratorHarness.RunWithIlgpu("""
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Maxout(2, 2)]
            [Dense(1)]
            public partial class Net;
            """);

        GeneratorAssert.DidNotCrash(run);
        Diagnostic note = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NNG0023", note.Id);
        Assert.Contains("layer 2 ([Maxout])", note.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "Demo.Net.g.cs" }, run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationProblems);
    }
}
