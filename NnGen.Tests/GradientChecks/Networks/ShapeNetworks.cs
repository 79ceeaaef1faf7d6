// Widths 1, 3, 7, 33, the unroll boundaries (64 weights in a layer unrolled, 65 not; 1,024 weights in all unrolled,
// 1,025 not, every layer within 64), a network mixing small and large layers
// (one large layer makes the whole network loops), and deep networks of 3 and 4 layers in both code shapes.
namespace NnGen.Tests.GradientChecks.Networks;

// width 1
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(1)] public partial class Width1Linear;
[Network(Loss.BinaryCrossEntropy)] [Input(1)] [Dense(1, Activation.Sigmoid)] public partial class Width1Logistic;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(1, Activation.Tanh)] [Dense(1)] public partial class Width1Hidden;
[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(33, Activation.Sigmoid)] [Dense(1)] public partial class Width1To33To1Unrolled;
[Network(Loss.BinaryCrossEntropy)] [Input(33)] [Dense(1, Activation.Sigmoid)] public partial class Width33To1Unrolled;
[Network(Loss.MeanSquaredError)] [Input(33)] [Dense(33, Activation.Tanh)] [Dense(1)] public partial class Width33To33To1Loop;
[Network(Loss.MeanAbsoluteError)] [Input(7)] [Dense(33, Activation.Sigmoid)] [Dense(1, Activation.Tanh)] [Dense(3)] public partial class Width1HiddenLoop;

// the unroll boundary: 8 x 8 = 64 weights per layer is unrolled, 5 x 13 = 65 is not
[Network(Loss.CategoricalCrossEntropy)] [Input(8)] [Dense(8, Activation.ELU)] [Dense(8, Activation.Softmax)] public partial class Boundary64Unrolled;
[Network(Loss.CategoricalCrossEntropy)] [Input(5)] [Dense(13, Activation.LeakyReLU)] [Dense(5, Activation.Softmax)] public partial class Boundary65Loop;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(3, Activation.Tanh)] [Dense(33, Activation.ReLU)] [Dense(1)] public partial class MixedSmallAndLarge;

// the total budget: 16 layers of 8 x 8 = 1,024 weights in all is unrolled; 15 x 64 + 8 x 5 + 5 x 5 = 1,025 is not
[Network(Loss.MeanSquaredError)] [Input(8)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8)] public partial class UnrollBudget1024Unrolled;
[Network(Loss.MeanSquaredError)] [Input(8)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(5, Activation.Tanh)] [Dense(5)] public partial class UnrollBudget1025Loop;

// deep, unrolled
[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(7, Activation.ReLU)] [Dense(3, Activation.ELU)] [Dense(2, Activation.Softmax)] public partial class DeepUnrolledCce;
[Network(Loss.BinaryCrossEntropy)] [Input(1)] [Dense(3, Activation.SELU)] [Dense(7, Activation.LeakyReLU, Alpha = 0.1f)] [Dense(1, Activation.Sigmoid)] public partial class DeepUnrolledBce;
[Network(Loss.MeanAbsoluteError)] [Input(7)] [Dense(3, Activation.Sigmoid)] [Dense(3, Activation.ELU, Alpha = 0.5f)] [Dense(3)] public partial class DeepUnrolledMae;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.SELU)] [Dense(3, Activation.Identity)] [Dense(7, Activation.Sigmoid)] [Dense(3, Activation.Softmax)] public partial class DeepUnrolledMseSoftmax;

// deep, loops
[Network(Loss.CategoricalCrossEntropy)] [Input(7)] [Dense(33, Activation.ReLU)] [Dense(33, Activation.Tanh)] [Dense(7, Activation.SELU)] [Dense(3, Activation.Softmax)] public partial class DeepLoopCce;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(33, Activation.ELU, Alpha = 0.7f)] [Dense(7, Activation.Sigmoid)] [Dense(1)] public partial class DeepLoopMae;
[Network(Loss.MeanSquaredError)] [Input(33)] [Dense(7, Activation.LeakyReLU, Alpha = 0.2f)] [Dense(33, Activation.Identity)] [Dense(3, Activation.Sigmoid)] [Dense(7, Activation.Softmax)] public partial class DeepLoopMseSoftmax;
[Network(Loss.BinaryCrossEntropy)] [Input(7)] [Dense(33, Activation.SELU)] [Dense(33, Activation.Sigmoid)] [Dense(3, Activation.Sigmoid)] public partial class DeepLoopBce;
