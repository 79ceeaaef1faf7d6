namespace NnGen.Tests.Concurrency;

/// <summary>The network: dense kernels (loop shape), 64 -> 128 ReLU -> 10 softmax.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(64)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class ConcurrentWide;

/// <summary>An unrolled network (every gate a local).</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(4)]
[Dense(6, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
public partial class ConcurrentUnrolled;

/// <summary>A loop network whose inference reads State (BatchNorm's running statistics).</summary>
[Network(Loss.MeanSquaredError)]
[Input(8)]
[Dense(16)]
[BatchNorm(Activation.ReLU)]
[Dense(4)]
public partial class ConcurrentBatchNorm;
