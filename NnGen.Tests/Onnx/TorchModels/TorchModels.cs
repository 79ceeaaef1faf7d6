namespace NnGen.Tests.Onnx.TorchModels;

// The declarations of the nn.Sequential models in Onnx/torch_onnx_fixtures.py, layer for layer.
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)] public partial class Sigmoid231;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(8, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class ReluSoftmax;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(6, Activation.Tanh)] [Dense(6, Activation.LeakyReLU, Alpha = 0.2f)] [Dense(2)] public partial class TanhLeaky;
[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(5, Activation.ELU, Alpha = 0.7f)] [Dense(4, Activation.SELU)] [Dense(1, Activation.Sigmoid)] public partial class EluSeluSigmoid;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(6)] [BatchNorm(Activation.ReLU)] [Dense(2)] public partial class BatchNormNet;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(6)] [LayerNorm(Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class LayerNormNet;
[Network(Loss.MeanSquaredError)] [Input(70)] [Dense(80, Activation.ReLU)] [Dense(10)] public partial class WideRelu;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(8, Activation.ReLU)] [Dropout(0.5f)] [Dense(1)] public partial class DropoutNet;

// Declarations that do not fit a fixture, each in one way.
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)] [Dense(1)] public partial class Sigmoid231OneLayerMore;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] public partial class Sigmoid231OneLayerLess;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(4, Activation.Sigmoid)] [Dense(1)] public partial class Sigmoid241;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(3, Activation.Sigmoid)] [Dense(1)] public partial class Sigmoid331;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.ReLU)] [Dense(1)] public partial class Relu231;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3)] [Dense(1)] public partial class Identity231;
[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)] public partial class Sigmoid231SigmoidOut;
[Network(Loss.MeanSquaredError)] [Input(5)] [Dense(6, Activation.Tanh)] [Dense(6, Activation.LeakyReLU)] [Dense(2)] public partial class TanhLeakyDefaultSlope;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(6)] [BatchNorm(Activation.ReLU, Epsilon = 1e-3f)] [Dense(2)] public partial class BatchNormOtherEpsilon;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(6)] [LayerNorm(Activation.ReLU)] [Dense(2)] public partial class LayerNormInsteadOfBatchNorm;
