using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0016..NNG0020: the last layer, and classes that could not take the generated members.</summary>
public sealed class LayerKindAndShapeDiagnosticTests
{
    [Fact]
    public void NNG0016_reported_when_the_network_ends_with_a_normalization() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4)]
        [{|NNG0016:BatchNorm(Activation.ReLU)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0016_not_reported_when_a_normalization_sits_between_dense_layers() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4)]
        [BatchNorm(Activation.ReLU)]
        [Dropout(0.2f)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0017_reported_for_a_file_local_network() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        file partial class {|NNG0017:Net|};
        """);

    [Fact]
    public void NNG0017_not_reported_for_an_internal_network() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net;
        """);

    [Fact]
    public void NNG0018_reported_for_a_primary_constructor() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class {|NNG0018:Net|}(int width);
        """);

    [Fact]
    public void NNG0018_not_reported_for_a_record_without_parameters() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial record Net;
        """);

    [Fact]
    public void NNG0019_reported_when_the_base_class_needs_arguments() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        internal abstract class Base
        {
            protected Base(string name) => Name = name;
            public string Name { get; }
        }

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class {|NNG0019:Net|} : Base
        {
            public {|NNG0022:Net|}() : base("net") { }
        }
        """);

    [Fact]
    public void NNG0019_not_reported_when_the_base_class_has_a_protected_parameterless_constructor() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        internal abstract class Base
        {
            protected Base() { }
        }

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        internal partial class Net : Base;
        """);

    [Fact]
    public void NNG0020_reported_for_a_user_property_named_like_a_generated_one() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net
        {
            /// <summary>Clashes with the generated parameter vector.</summary>
            public int {|NNG0020:Parameters|} => 3;
        }
        """);

    [Fact]
    public void NNG0020_reported_for_a_user_constructor_taking_an_int() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net
        {
            /// <summary>Clashes with the generated seed constructor.</summary>
            public {|NNG0020:Net|}(int width) { }
        }
        """);

    [Fact]
    public void NNG0020_not_reported_for_a_user_method_beside_the_generated_ones() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net
        {
            /// <summary>A convenience overload for one sample.</summary>
            public float PredictOne(float a, float b)
            {
                System.Span<float> output = stackalloc float[1];
                Predict(new[] { a, b }, output);
                return output[0];
            }
        }
        """);
}
