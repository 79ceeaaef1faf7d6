namespace NnGen.Benchmarks.Networks
{
    // The tiny networks of the GPU mode (mnist128 and fashion are those of Core/BenchmarkNetworks.cs). Both are fused on
    // the GPU: one thread per sample runs forward and backward; tiny's layers are also unrolled gate by gate.

    /// <summary>tiny: 8 -> 8 tanh -> 4 softmax, categorical cross-entropy (every layer at most 64 weights: unrolled).</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(8)]
    [Dense(8, Activation.Tanh)]
    [Dense(4, Activation.Softmax)]
    public partial class TinyNet;

    /// <summary>digits: 64 -> 32 ReLU -> 10 softmax, categorical cross-entropy (fused, loops over local memory).</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(64)]
    [Dense(32, Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class DigitsDenseNet;
}
