// Networks with BatchNorm and LayerNorm for the training-mode gradient checks (NormalizationGradientTests) and the
// running-statistics checks (BatchNormStateTests). LayeredCatalog finds every [Network] of this namespace; the names say
// what each one is for. (They are not in GradientChecks.Networks, whose catalog reads dense networks only.)
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

// BatchNorm: on the inputs as the first layer, over 1, 3, 7 and 33 features, with and without activations,
// with the options, twice in a row, and between dense layers under every loss.
[Network(Loss.MeanSquaredError)] [Input(3)] [BatchNorm] [Dense(2)] public partial class BnInputs3;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)] [BatchNorm(Activation.Tanh)] [Dense(2)] public partial class BnWidth1Tanh;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class BnReLU7Cce;
[Network(Loss.BinaryCrossEntropy)] [Input(5)] [Dense(33)] [BatchNorm] [Dense(4, Activation.Sigmoid)] public partial class Bn33Bce;
[Network(Loss.MeanAbsoluteError)] [Input(4)] [Dense(7, Activation.Tanh)] [BatchNorm(Activation.LeakyReLU, Alpha = 0.2f, Momentum = 0.3f, Epsilon = 1e-3f)] [Dense(3)] public partial class BnLeaky7Mae;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7)] [BatchNorm(Activation.ELU, Alpha = 0.5f)] [Dense(7)] [BatchNorm(Activation.SELU, Momentum = 1f)] [Dense(2, Activation.Sigmoid)] public partial class BnEluSelu7;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(3)] [BatchNorm(Momentum = 0f)] [BatchNorm(Activation.Sigmoid)] [Dense(1)] public partial class BnTwice3;

// LayerNorm: over 1 feature (xhat is 0: the output is beta), between dense layers, on the inputs, over 33 features.
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(1)] [LayerNorm] [Dense(2)] public partial class LnWidth1;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(7)] [LayerNorm(Activation.Tanh)] [Dense(3)] public partial class LnTanh7;
[Network(Loss.CategoricalCrossEntropy)] [Input(6)] [Dense(33)] [LayerNorm(Activation.SELU)] [Dense(4, Activation.Softmax)] public partial class Ln33SeluCce;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [LayerNorm(Activation.ELU, Alpha = 0.5f, Epsilon = 1e-3f)] [Dense(3)] public partial class LnInputsElu;
[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(3, Activation.ReLU)] [LayerNorm(Activation.LeakyReLU)] [Dense(2, Activation.Sigmoid)] public partial class LnLeaky3Bce;

// LayerNorm straight into BatchNorm (which undoes LayerNorm's gamma and beta up to epsilon)
[Network(Loss.MeanAbsoluteError)] [Input(4)] [Dense(3)] [LayerNorm(Activation.Sigmoid)] [BatchNorm(Activation.Tanh)] [Dense(2)] public partial class LnSigmoidThenBn;

// Deep mixes: BatchNorm and LayerNorm between dense layers of 7 and 33, back to back, first.
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7)] [BatchNorm(Activation.Tanh)] [Dense(33)] [LayerNorm(Activation.ReLU)] [Dense(7, Activation.Sigmoid)] [BatchNorm] [Dense(3)] public partial class DeepMix;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [LayerNorm] [Dense(7, Activation.ELU)] [BatchNorm(Activation.Tanh)] [LayerNorm(Activation.SELU)] [Dense(3, Activation.Softmax)] public partial class DeepMixCce;
