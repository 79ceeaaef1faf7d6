using NnGen;

// The networks the learning tests train, compiled by the generator like any consumer's.
namespace NnGen.Tests.Learning;

/// <summary>toy16: one 4 -> 2 linear layer with softmax (unrolled code shape).</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(4)]
[Dense(2, Activation.Softmax)]
public partial class Toy16Network;

/// <summary>XOR: 2 -> 4 tanh -> 1 sigmoid, binary cross-entropy (unrolled code shape).</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNetwork;

/// <summary>Digits: 64 pixels / 16 -> 64 ReLU -> 10 softmax (loop code shape).</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(64)]
[Dense(64, Activation.ReLU, Init = Init.HeUniform)]
[Dense(10, Activation.Softmax)]
public partial class DigitsMlp;

/// <summary>Digits as NnGen.Samples trains them: 64 -> 128 -> 64, each BatchNorm then ReLU, -> 10 softmax.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(64)]
[Dense(128)]
[BatchNorm(Activation.ReLU)]
[Dense(64)]
[BatchNorm(Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitsBatchNormMlp;

/// <summary>Iris: 4 standardized measurements -> 8 tanh -> 3 species.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(4)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class IrisMlp;

/// <summary>Breast cancer: 30 standardized features -> 16 ReLU -> 1 sigmoid (benign), binary cross-entropy.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(30)]
[Dense(16, Activation.ReLU, Init = Init.HeUniform)]
[Dense(1, Activation.Sigmoid)]
public partial class BreastCancerMlp;
