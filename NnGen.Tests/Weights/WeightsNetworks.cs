using NnGen;

namespace NnGen.Tests.Weights;

/// <summary>
/// The network of Fixtures/tiny.nngen without embedded weights: a dense layer, BatchNorm (state), dropout (its own random
/// sequence) and an output layer. <see cref="WeightsFixture"/> writes the file from this network's signature.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Activation.Tanh)]
[BatchNorm]
[Dropout(0.25f)]
[Dense(2)]
public partial class PlainTinyNet;

/// <summary><see cref="PlainTinyNet"/>'s shape with Fixtures/tiny.nngen embedded at build time (listed as AdditionalFiles in NnGen.Tests.csproj).</summary>
[Network(Loss.MeanSquaredError, Weights = WeightsFixture.RelativePath)]
[Input(3)]
[Dense(4, Activation.Tanh)]
[BatchNorm]
[Dropout(0.25f)]
[Dense(2)]
public partial class EmbeddedTinyNet;
