using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0008..NNG0010: which activation may go where, and what each loss needs of the last layer.</summary>
public sealed class LayerRuleDiagnosticTests
{
    [Fact]
    public void NNG0008_reported_for_softmax_on_a_hidden_layer() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0008:Dense(4, Activation.Softmax)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0008_not_reported_for_softmax_on_the_last_layer() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4, Activation.Tanh)]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0009_reported_for_categorical_cross_entropy_without_softmax() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [{|NNG0009:Dense(2, Activation.Sigmoid)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0009_reported_with_NNG0008_when_softmax_is_on_the_wrong_layer() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [{|NNG0008:Dense(3, Activation.Softmax)|}]
        [{|NNG0009:Dense(3)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0009_not_reported_for_categorical_cross_entropy_with_softmax() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [Dense(2, Activation.Softmax)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0010_reported_for_binary_cross_entropy_without_sigmoid() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(4, Activation.Sigmoid)]
        [{|NNG0010:Dense(1)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0010_not_reported_for_binary_cross_entropy_with_sigmoid() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(4, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);
}
