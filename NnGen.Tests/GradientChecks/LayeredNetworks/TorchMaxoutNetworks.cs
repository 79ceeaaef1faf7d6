// The networks of Reference/torch_maxout_reference.py (its NETWORKS, same names and shapes), checked against PyTorch by
// MaxoutTorchFixtureTests and, as every maxout network of this namespace, by MaxoutGradientTests.
namespace NnGen.Tests.GradientChecks.LayeredNetworks;

[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Maxout(3, 2)] [Dense(2, Activation.Softmax)] public partial class TorchMxCceUnrolled;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(6, Activation.Tanh)] [Maxout(5, 3)] [Dense(3)] public partial class TorchMxTanhMseLoops;
[Network(Loss.BinaryCrossEntropy)] [Input(2)] [Maxout(4, 2)] [Maxout(2, 3)] [Dense(1, Activation.Sigmoid)] public partial class TorchMxTwiceBceUnrolled;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Maxout(8, 2)] [Dense(4, Activation.ReLU)] [Dense(2)] public partial class TorchMxReLUMaeLoops;
