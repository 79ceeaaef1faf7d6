namespace NnGen.Samples
{
    // The samples' networks, declared by attributes; NnGen's generator writes their code at build time.

    /// <summary>
    /// Hand-written digits: 64 pixels scaled to [0, 1] -> 128 -> BatchNorm, ReLU -> 64 -> BatchNorm, ReLU -> 10 classes.
    /// Batch normalization makes the accuracy steadier across splits and seeds than the plain ReLU MLP.
    /// </summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(64)]
    [Dense(128)]
    [BatchNorm(Activation.ReLU)]
    [Dense(64)]
    [BatchNorm(Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class DigitsNet;

    /// <summary>
    /// Fashion-MNIST: 784 pixels scaled to [0, 1] -> 256 -> 128 -> 100 (ReLU, He initialization) -> 10 classes (Glorot), softmax, the
    /// MLP 256-128-100 of the data set's benchmark table.
    /// </summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(784)]
    [Dense(256, Activation.ReLU, Init = Init.HeUniform)]
    [Dense(128, Activation.ReLU, Init = Init.HeUniform)]
    [Dense(100, Activation.ReLU, Init = Init.HeUniform)]
    [Dense(10, Activation.Softmax)]
    public partial class FashionNet;

    /// <summary>The 16-point toy set: one 4 -> 2 linear layer with softmax.</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(4)]
    [Dense(2, Activation.Softmax)]
    public partial class ToyNet;

    /// <summary>
    /// Hand-written digits through maxout (Goodfellow et al. 2013): 64 pixels scaled to [0, 1] -> 64 units, each the max of
    /// 2 affine pieces -> 10 classes, softmax. The maxout layer is nn.Linear(64, 128) then the max over consecutive pairs.
    /// </summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(64)]
    [Maxout(64, 2)]
    [Dense(10, Activation.Softmax)]
    public partial class MaxoutDigitsNet;

    /// <summary>XOR: 2 -> 4 tanh -> 1 sigmoid, binary cross-entropy.</summary>
    [Network(Loss.BinaryCrossEntropy)]
    [Input(2)]
    [Dense(4, Activation.Tanh)]
    [Dense(1, Activation.Sigmoid)]
    public partial class XorNet;

    /// <summary>Smooth regression: the [2, 3, 1] network, sigmoid hidden, identity output, mean squared error.</summary>
    [Network(Loss.MeanSquaredError)]
    [Input(2)]
    [Dense(3, Activation.Sigmoid)]
    [Dense(1)]
    public partial class RegressionNet;

    /// <summary>Iris: 4 standardized measurements -> 8 tanh -> 3 species.</summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(4)]
    [Dense(8, Activation.Tanh)]
    [Dense(3, Activation.Softmax)]
    public partial class IrisNet;

    /// <summary>Breast cancer: 30 standardized features -> 16 ReLU -> 1 sigmoid (benign), binary cross-entropy.</summary>
    [Network(Loss.BinaryCrossEntropy)]
    [Input(30)]
    [Dense(16, Activation.ReLU, Init = Init.HeUniform)]
    [Dense(1, Activation.Sigmoid)]
    public partial class BreastCancerNet;
}
