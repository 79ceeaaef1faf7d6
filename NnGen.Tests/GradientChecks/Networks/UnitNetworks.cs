// One input, one unit: with W = 1 and b = 0, Predict is the activation itself and the bias gradient is 2 a f'(z)
// (MSE against 0), so ActivationAccuracyTests can hold each activation and its derivative to a few ulps.
namespace NnGen.Tests.GradientChecks.Networks;

[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.Sigmoid)] public partial class UnitSigmoid;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.Tanh)] public partial class UnitTanh;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.ReLU)] public partial class UnitReLU;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.LeakyReLU)] public partial class UnitLeakyReLU;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.LeakyReLU, Alpha = 0.2f)] public partial class UnitLeakyReLU02;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.ELU)] public partial class UnitELU;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.ELU, Alpha = 0.5f)] public partial class UnitELU05;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1, Activation.SELU)] public partial class UnitSELU;
