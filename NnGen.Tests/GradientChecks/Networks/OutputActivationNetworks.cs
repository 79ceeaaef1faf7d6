// MSE and MAE under every output activation (Identity is in HiddenActivationNetworks.cs), in both code shapes:
// unrolled 3 -> 7 (Tanh) -> 3, loop 5 -> 33 (Tanh) -> 3.
namespace NnGen.Tests.GradientChecks.Networks;

[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Sigmoid)] public partial class UnrolledMseOutSigmoid;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class UnrolledMseOutTanh;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ReLU)] public partial class UnrolledMseOutReLU;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.LeakyReLU)] public partial class UnrolledMseOutLeakyReLU;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class UnrolledMseOutLeakyReLU02;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ELU)] public partial class UnrolledMseOutELU;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class UnrolledMseOutELU05;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.SELU)] public partial class UnrolledMseOutSELU;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class UnrolledMseOutSoftmax;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Sigmoid)] public partial class UnrolledMaeOutSigmoid;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class UnrolledMaeOutTanh;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ReLU)] public partial class UnrolledMaeOutReLU;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.LeakyReLU)] public partial class UnrolledMaeOutLeakyReLU;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class UnrolledMaeOutLeakyReLU02;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ELU)] public partial class UnrolledMaeOutELU;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class UnrolledMaeOutELU05;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.SELU)] public partial class UnrolledMaeOutSELU;
[Network(Loss.MeanAbsoluteError)] [Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class UnrolledMaeOutSoftmax;

[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Sigmoid)] public partial class LoopMseOutSigmoid;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class LoopMseOutTanh;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ReLU)] public partial class LoopMseOutReLU;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.LeakyReLU)] public partial class LoopMseOutLeakyReLU;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class LoopMseOutLeakyReLU02;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ELU)] public partial class LoopMseOutELU;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class LoopMseOutELU05;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.SELU)] public partial class LoopMseOutSELU;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class LoopMseOutSoftmax;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Sigmoid)] public partial class LoopMaeOutSigmoid;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class LoopMaeOutTanh;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ReLU)] public partial class LoopMaeOutReLU;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.LeakyReLU)] public partial class LoopMaeOutLeakyReLU;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2f)] public partial class LoopMaeOutLeakyReLU02;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ELU)] public partial class LoopMaeOutELU;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.ELU, Alpha = 0.5f)] public partial class LoopMaeOutELU05;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.SELU)] public partial class LoopMaeOutSELU;
[Network(Loss.MeanAbsoluteError)] [Input(5)] [Dense(33, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class LoopMaeOutSoftmax;
