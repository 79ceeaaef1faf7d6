using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Learning;

/// <summary>XOR through an unrolled [Maxout(4, 2)] layer, on four seeds.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Maxout(4, 2)]
[Dense(1, Activation.Sigmoid)]
public partial class MaxoutXorNetwork;

/// <summary>The digits through a looped [Maxout(64, 2)] layer (NnGen.Samples' maxout-digits network).</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(64)]
[Maxout(64, 2)]
[Dense(10, Activation.Softmax)]
public partial class MaxoutDigitsNetwork;

/// <summary>Maxout networks learn: XOR on every point with a small loss, the digits to at least 95 % test accuracy.</summary>
public class MaxoutLearningTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Learns_xor(int seed)
    {
        Dataset data = new([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], MaxoutXorNetwork.InputSize, MaxoutXorNetwork.OutputSize);
        var network = new MaxoutXorNetwork(seed);
        new Trainer(new TrainingOptions { Epochs = 500, BatchSize = 4, Seed = seed }).Train(network, new Adam(learningRate: 0.05f), data);

        var outputs = new float[4];
        network.Predict(data.Features, outputs);
        Assert.Equal([false, true, true, false], [outputs[0] > 0.5f, outputs[1] > 0.5f, outputs[2] > 0.5f, outputs[3] > 0.5f]);
        Evaluation result = Trainer.Evaluate(network, data);
        Assert.Equal(1.0, result.Accuracy);
        Assert.True(result.Loss < 0.05, $"XOR loss {result.Loss} is not below 0.05");
    }

    /// <summary>The samples' maxout-digits recipe (seed 1 gives 97.8 %): Adam, cosine decay over 40 epochs, early stopping.</summary>
    [Fact]
    public void Digits_reach_95_percent_test_accuracy()
    {
        const int Seed = 1, Epochs = 40;
        DataSplit split = DataSplit.ByFractions(DigitsLearningTests.Digits(), validationFraction: 0.1, testFraction: 0.2, Seed, stratify: true);
        var network = new MaxoutDigitsNetwork(Seed);
        Assert.True(Trainer.Evaluate(network, split.Test).Accuracy < 0.5, "the untrained network should be near chance");
        new Trainer(new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = 32,
            Seed = Seed,
            Schedule = new CosineDecay(2e-3f, Epochs),
            EarlyStopping = new EarlyStopping(Patience: 10),
        }).Train(network, new Adam(2e-3f), split.Train, split.Validation);

        double accuracy = Trainer.Evaluate(network, split.Test).Accuracy;
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:P1} is below 95 %");
    }
}
