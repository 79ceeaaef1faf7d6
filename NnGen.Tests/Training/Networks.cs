using NnGen;

// The small networks of the training and model-file tests, compiled by the generator like any consumer's.
namespace NnGen.Tests.Training.Networks;

/// <summary>2 -> 8 (Tanh) -> 3 (Softmax): unrolled code.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(2)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class BlobNet;

/// <summary>2 -> 16 (ReLU) -> Dropout -> 3 (Softmax): loop code with the network's own random generator.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(2)]
[Dense(16, Activation.ReLU)]
[Dropout(0.25f)]
[Dense(3, Activation.Softmax)]
public partial class DropoutBlobNet;

/// <summary>y = w x + b, starting from w = 0.</summary>
[Network(Loss.MeanSquaredError, Init = Init.Zeros)]
[Input(1)]
[Dense(1)]
public partial class LineNet;

/// <summary>1 -> 2 -> BatchNorm -> 1: a network with state (running statistics).</summary>
[Network(Loss.MeanSquaredError)]
[Input(1)]
[Dense(2)]
[BatchNorm]
[Dense(1)]
public partial class BatchNormLineNet;

/// <summary>2 -> 2 (Tanh) -> 1: 9 parameters, a 64-byte model file.</summary>
[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(2, Activation.Tanh)]
[Dense(1)]
public partial class TinyFileNet;

/// <summary>The same sizes as TinyFileNet with another activation: another network.</summary>
[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(2, Activation.Sigmoid)]
[Dense(1)]
public partial class TinyFileNetSigmoid;

/// <summary>3 -> 4 -> BatchNorm (ReLU) -> 2 (Softmax): 34 parameters and 8 state values.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(3)]
[Dense(4)]
[BatchNorm(Activation.ReLU)]
[Dense(2, Activation.Softmax)]
public partial class BatchNormFileNet;
