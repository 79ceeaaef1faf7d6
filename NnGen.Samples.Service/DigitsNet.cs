namespace NnGen.Samples.Service
{
    /// <summary>
    /// The digits network of NnGen.Samples (<c>NnGen.Samples.DigitsNet</c>), declared again with the same layers so that the
    /// model file its <c>digits</c> command saves loads here: 64 pixels (0 to 16, multiplied by 1/16 as the sample does)
    /// -> 128 -> BatchNorm, ReLU -> 64 -> BatchNorm, ReLU -> 10 classes, softmax. The load test compiles this file too.
    /// </summary>
    [Network(Loss.CategoricalCrossEntropy)]
    [Input(64)]
    [Dense(128)]
    [BatchNorm(Activation.ReLU)]
    [Dense(64)]
    [BatchNorm(Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    public partial class DigitsNet;
}
