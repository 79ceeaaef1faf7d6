namespace NnGen.Tests.Onnx.TorchModels;

// Fixture models built in at compile time (AdditionalFiles in NnGen.Tests.csproj): the generator reads the .onnx
// files with the same graph reader as LoadOnnx, so new N() is torch's trained network.
[Network(Loss.MeanSquaredError, Weights = "Onnx/Fixtures/batchnorm.onnx")] [Input(4)] [Dense(6)] [BatchNorm(Activation.ReLU)] [Dense(2)] public partial class EmbeddedBatchNorm;
[Network(Loss.CategoricalCrossEntropy, Weights = "Onnx/Fixtures/layernorm.onnx")] [Input(4)] [Dense(6)] [LayerNorm(Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class EmbeddedLayerNorm;
[Network(Loss.BinaryCrossEntropy, Weights = "Onnx/Fixtures/elu_selu_sigmoid.onnx")] [Input(3)] [Dense(5, Activation.ELU, Alpha = 0.7f)] [Dense(4, Activation.SELU)] [Dense(1, Activation.Sigmoid)] public partial class EmbeddedEluSeluSigmoid;
