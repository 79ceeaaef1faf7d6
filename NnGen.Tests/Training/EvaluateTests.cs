using System;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class EvaluateTests
{
    [Fact]
    public void Accuracy_IsArgmaxAgreement_FirstMaximumOnTies()
    {
        // FakeNetwork predicts its inputs: each row is (prediction, target)
        var data = new Dataset(
            new float[] { 0.7f, 0.2f, 0.1f, /**/ 0.1f, 0.3f, 0.6f, /**/ 0.4f, 0.4f, 0.2f, /**/ 0.2f, 0.5f, 0.3f },
            new float[] { 1, 0, 0, /**/ 0, 0, 1, /**/ 0, 1, 0, /**/ 0, 1, 0 },
            3, 3);
        Evaluation result = Trainer.Evaluate(new FakeNetwork(3, 3), data);
        Assert.Equal(0.75, result.Accuracy);   // the tie (0.4, 0.4) predicts class 0, not the target 1
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public void Accuracy_ForOneOutput_ThresholdsAtOneHalf()
    {
        var data = new Dataset(new float[] { 0.7f, 0.2f, 0.5f, 0.51f, 0.9f }, new float[] { 1, 0, 1, 0, 1 }, 1, 1);
        Assert.Equal(0.6, Trainer.Evaluate(new FakeNetwork(1, 1), data).Accuracy, 12);
    }

    [Fact]
    public void Loss_IsTheSampleMeanAcrossUnevenBatches()
    {
        // the fake loss of a batch is the mean of its first features; batches of 3, 3 and 1 must weigh by size
        var network = new FakeNetwork(1, 1)
        {
            OnLoss = (_, x, _) => { float sum = 0; foreach (float v in x) sum += v; return sum / x.Length; },
        };
        Dataset data = TrainingData.Numbered(7, 1, 1);   // features 0 .. 6, mean 3
        Evaluation result = Trainer.Evaluate(network, data, batchSize: 3);
        Assert.Equal(3.0, result.Loss, 12);
        Assert.Equal(3, network.LossCalls);
    }

    [Fact]
    public void GeneratedNetwork_MatchesPerSamplePredictionsAndWholeBatchLoss()
    {
        Dataset data = TrainingData.Blobs(20, seed: 12, spread: 1.5);
        var network = TestNetworks.BlobNet(seed: 3);
        new Trainer(new TrainingOptions { Epochs = 3, BatchSize = 6 }).Train(network, new Sgd(0.1f), data);

        int correct = 0;
        var output = new float[3];
        for (int i = 0; i < data.Count; i++)
        {
            network.Predict(data.FeatureRow(i), output);
            int predicted = Array.IndexOf(output, Math.Max(output[0], Math.Max(output[1], output[2])));
            if (predicted == data.Label(i)) correct++;
        }
        Evaluation result = Trainer.Evaluate(network, data, batchSize: 7);
        Assert.Equal((double)correct / data.Count, result.Accuracy);
        Assert.True(result.Accuracy is > 0.3 and < 1.0, $"accuracy {result.Accuracy}: the case should have errors to count");
        Assert.Equal(network.ComputeLoss(data.Features, data.Targets), result.Loss, 5);
    }

    [Fact]
    public void MismatchedOrEmptyData_Throws()
    {
        Assert.Throws<ArgumentException>(() => Trainer.Evaluate(new FakeNetwork(2, 1), TrainingData.Numbered(3, 1, 1)));
        Assert.Throws<ArgumentException>(() => Trainer.Evaluate(new FakeNetwork(1, 1), TrainingData.Numbered(0, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Evaluate(new FakeNetwork(1, 1), TrainingData.Numbered(3, 1, 1), batchSize: 0));
    }
}
