// Networks with Dropout and GaussianNoise (DropoutTests, GaussianNoiseTests), and twins without the random layer
// ("...Free") for the inference checks. The "...Probe64" networks, [Input(64)] [random layer] [Dense(1)] under MSE,
// let a test read what the random layer did straight from the gradients (see StochasticProbe).
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

[Network(Loss.MeanSquaredError)] [Input(64)] [Dropout(0.3f)] [Dense(1)] public partial class DropoutProbe64;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dropout(0.1f)] [Dense(1)] public partial class DropoutProbe64Rate01;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dropout(0.75f)] [Dense(1)] public partial class DropoutProbe64Rate075;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dropout(0f)] [Dense(1)] public partial class DropoutProbe64Rate0;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(1)] public partial class Probe64Free;

// hidden dropout before the last layer: unrolled twin (5 x 3 and 4 x 5 weights) and loop twin (33 x 4)
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(5, Activation.Tanh)] [Dropout(0.5f)] [Dense(4)] public partial class HiddenDropout;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(5, Activation.Tanh)] [Dense(4)] public partial class HiddenDropoutFree;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(33, Activation.ELU)] [Dense(6, Activation.Tanh)] [Dropout(0.25f)] [Dense(4)] public partial class DeepDropout;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(33, Activation.ELU)] [Dense(6, Activation.Tanh)] [Dense(4)] public partial class DeepDropoutFree;

// dropout after a BatchNorm: inference leaves the (identical) running statistics and the values alone
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dropout(0.3f)] [Dense(3)] public partial class BnDropout;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dense(3)] public partial class BnDropoutFree;

[Network(Loss.MeanSquaredError)] [Input(64)] [GaussianNoise(0.5f)] [Dense(1)] public partial class NoiseProbe64;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(6, Activation.Tanh)] [GaussianNoise(0.3f)] [Dense(5)] public partial class HiddenNoise;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(6, Activation.Tanh)] [Dense(5)] public partial class HiddenNoiseFree;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(33, Activation.ReLU)] [GaussianNoise(0.2f)] [Dense(3, Activation.Softmax)] public partial class LoopNoise;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(33, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class LoopNoiseFree;

// noise in loop code over wide layers (33 units: vector kernels with a tail; 17 outputs, so the probe reads up to 17
// samples' noise), twin in loop code as well
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [GaussianNoise(0.25f)] [Dense(17)] public partial class WideNoise;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(17)] public partial class WideNoiseFree;
