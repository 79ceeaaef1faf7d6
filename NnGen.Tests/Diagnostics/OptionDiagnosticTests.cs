using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>NNG0012..NNG0014: named options and enum values.</summary>
public sealed class OptionDiagnosticTests
{
    [Fact]
    public void NNG0012_reported_for_alpha_on_an_activation_without_one() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0012:Dense(3, Activation.Sigmoid, Alpha = 0.2f)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0012_reported_for_init_scale_on_an_initializer_without_one() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError, Init = Init.HeNormal)]
        [Input(2)]
        [Dense(3, Activation.ReLU, Init = Init.Uniform, InitScale = 0.1f)]
        [{|NNG0012:Dense(1, InitScale = 0.1f)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0012_not_reported_for_options_that_apply() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError, Init = Init.Normal)]
        [Input(2)]
        [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)]
        [Dense(3, Activation.ELU, Alpha = 0.5f, Init = Init.Uniform, InitScale = 0.1f)]
        [Dense(1, InitScale = 0.01f)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0013_reported_for_an_alpha_that_is_not_finite() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0013:Dense(3, Activation.LeakyReLU, Alpha = float.NaN)|}]
        [{|NNG0013:Dense(3, Activation.ELU, Alpha = float.PositiveInfinity)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0013_reported_for_a_negative_range_or_deviation() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0013:Dense(3, Activation.Tanh, Init = Init.Normal, InitScale = -0.5f)|}]
        [{|NNG0013:Dense(1, Init = Init.Uniform, InitScale = -1e-3f)|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0013_not_reported_for_a_negative_constant_or_a_zero_deviation() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Tanh, Init = Init.Constant, InitScale = -0.5f)]
        [Dense(3, Activation.LeakyReLU, Alpha = -0.5f, Init = Init.Normal, InitScale = 0f)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0014_reported_for_an_undefined_activation() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [{|NNG0014:Dense(3, (Activation)8)|}]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void NNG0014_reported_for_an_undefined_loss_or_initializer() => DiagnosticCheck.Reports("""
        using NnGen;
        namespace Demo;

        [{|NNG0014:{|NNG0014:Network((Loss)4, Init = (Init)11)|}|}]
        [Input(2)]
        [{|NNG0014:Dense(1, Init = (Init)(-1))|}]
        public partial class Net;
        """);

    [Fact]
    public void NNG0014_not_reported_for_casts_to_defined_values() => DiagnosticCheck.IsClean("""
        using NnGen;
        namespace Demo;

        [Network((Loss)3, Init = (Init)10)]
        [Input(2)]
        [Dense(3, (Activation)6)]
        [Dense(2, (Activation)7, Init = (Init)0)]
        public partial class Net;
        """);
}
