namespace NnGen.Benchmarks.Networks
{
    // The five networks of the benchmark suite, declared by attributes; NnGen's generator writes their code at build time.
    // Shapes, activations and losses are those of ../shared/peers/torch_mlp.py (NETS); the optimizers, learning rates and
    // batch sizes are in NetSpecs. Initialization is NnGen's default (GlorotUniform, biases 0), not torch's: it changes
    // the numbers a network computes, not the work it does.

    /// <summary>seed231: 2 -> 3 sigmoid -> 1 identity, mean squared error (SGD 0.1, batch 4).</summary>
    [Network(Loss.MeanSquaredError)]
    [Input(2)]
    [Dense(3, Activation.Sigmoid)]
    [Dense(1, Activation.Identity)]
    public partial class Seed231Net;

    /// <summary>toy42: 4 -> 2 softmax, categorical cross-entropy (SGD 0.01, batch 4).</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(4)]
    [Dense(2, Activation.Softmax)]
    public partial class Toy42Net;

    /// <summary>xor: 2 -> 4 tanh -> 1 sigmoid, binary cross-entropy (SGD 0.5, batch 4).</summary>
    [Network(Loss.BinaryCrossEntropy)]
    [Input(2)]
    [Dense(4, Activation.Tanh)]
    [Dense(1, Activation.Sigmoid)]
    public partial class XorNet;

    /// <summary>mnist128: 784 -> 128 ReLU -> 10 softmax, categorical cross-entropy (Adam 1e-3, batch 64).</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(784)]
    [Dense(128, Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class Mnist128Net;

    /// <summary>fashion: 784 -> 256 ReLU -> 128 ReLU -> 100 ReLU -> 10 softmax, categorical cross-entropy (Adam 1e-3, batch 128).</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(784)]
    [Dense(256, Activation.ReLU)]
    [Dense(128, Activation.ReLU)]
    [Dense(100, Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class FashionNet;
}
