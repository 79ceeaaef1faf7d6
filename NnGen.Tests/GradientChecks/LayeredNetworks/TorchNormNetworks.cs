// The networks of the PyTorch normalization fixtures (Reference/torch_norm_reference.py writes
// Reference/Fixtures/torch_norm_fixtures.json): each class has the fixture's name and shape, which NormTorchFixtureTests
// checks against the JSON. They also join the layered catalog, so the central-difference and running-statistics checks
// cover them too.
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(7)] [BatchNorm(Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class TorchBnReLU;
[Network(Loss.MeanSquaredError)] [Input(3)] [BatchNorm(Activation.Tanh, Momentum = 0.3f, Epsilon = 1e-3f)] [Dense(2)] public partial class TorchBnInputsTanh;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1)] [BatchNorm(Activation.Sigmoid)] [Dense(2)] public partial class TorchBnWidth1;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(7)] [LayerNorm(Activation.ELU, Alpha = 0.5f)] [Dense(3)] public partial class TorchLnElu;
[Network(Loss.BinaryCrossEntropy)] [Input(6)] [Dense(33)] [LayerNorm(Activation.SELU, Epsilon = 1e-3f)] [Dense(4, Activation.Sigmoid)] public partial class TorchLn33Selu;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(7)] [BatchNorm(Activation.Tanh)] [Dense(33)] [LayerNorm(Activation.LeakyReLU, Alpha = 0.2f)] [Dense(6)] [BatchNorm(Momentum = 0.5f)] [Dense(3)] public partial class TorchDeepMix;
[Network(Loss.MeanSquaredError, L1 = 0.01f, L2 = 0.005f)] [Input(6)] [Dense(33, L2 = 0.02f)] [BatchNorm(Activation.SELU)] [Dense(2)] public partial class TorchBnPenalty;
