using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0005..NNG0007 and NNG0011: what the attributes declare, and where.</summary>
public sealed class DeclarationDiagnosticTests
{
    [Fact]
    public void NNG0005_reported_for_a_network_without_input() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Dense(1)]
        public partial class {|NNG0005:Net|};
        """);

    [Fact]
    public void NNG0005_not_reported_for_a_network_with_input() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0006_reported_for_a_network_without_dense() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        public partial class {|NNG0006:Net|};
        """);

    [Fact]
    public void NNG0006_reported_with_NNG0005_for_a_network_without_layers() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        public partial class {|NNG0005:{|NNG0006:Net|}|};
        """);

    [Fact]
    public void NNG0006_not_reported_for_a_network_with_one_dense() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0007_reported_for_an_input_size_of_zero() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [{|NNG0007:Input(0)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0007_reported_for_each_layer_without_units() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0007:Dense(0, Activation.Tanh)|}]
        [Dense(4, Activation.Tanh)]
        [{|NNG0007:Dense(-3)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0007_not_reported_for_sizes_of_one() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(1)]
        [Dense(1, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0011_reported_for_a_layer_on_another_partial_declaration() => DiagnosticCheck.Reports(
        """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Tanh)]
        public partial class Net;
        """,
        """
        using NnGen;
        namespace Demo;

        [{|NNG0011:Dense(1)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0011_reported_alone_when_every_layer_is_on_another_declaration() => DiagnosticCheck.Reports(
        """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        public partial class Net;
        """,
        """
        using NnGen;
        namespace Demo;

        [{|NNG0011:Input(2)|}]
        [{|NNG0011:Dense(1)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0011_reported_with_NNG0006_when_the_input_is_elsewhere_and_no_layer_anywhere() => DiagnosticCheck.Reports(
        """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        public partial class {|NNG0006:Net|};
        """,
        """
        using NnGen;
        namespace Demo;

        [{|NNG0011:Input(2)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0011_not_reported_when_the_other_declaration_holds_only_members() => DiagnosticCheck.IsClean(
        """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """,
        """
        namespace Demo;

        public partial class Net
        {
            /// <summary>A member of the user's own.</summary>
            public int Epochs { get; set; }
        }
        """);
}
