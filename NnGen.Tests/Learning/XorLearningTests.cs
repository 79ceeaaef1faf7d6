using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Learning;

/// <summary>XOR is learned by 2 -> 4 (tanh) -> 1 (sigmoid) with binary cross-entropy: all four points right, loss small.</summary>
public class XorLearningTests
{
    internal static Dataset Xor() => new([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], XorNetwork.InputSize, XorNetwork.OutputSize);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Learns_xor(int seed)
    {
        Dataset data = Xor();
        var network = new XorNetwork(seed);
        new Trainer(new TrainingOptions { Epochs = 500, BatchSize = 4, Seed = seed }).Train(network, new Sgd(learningRate: 0.5f, momentum: 0.9f), data);

        var outputs = new float[4];
        network.Predict(data.Features, outputs);
        Assert.Equal([false, true, true, false], [outputs[0] > 0.5f, outputs[1] > 0.5f, outputs[2] > 0.5f, outputs[3] > 0.5f]);
        Evaluation result = Trainer.Evaluate(network, data);
        Assert.Equal(1.0, result.Accuracy);
        Assert.True(result.Loss < 0.02, $"XOR loss {result.Loss} is not below 0.02");
    }
}
