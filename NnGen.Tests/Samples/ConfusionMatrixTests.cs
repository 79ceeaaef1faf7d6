using System;
using NnGen.Samples.Metrics;
using NnGen.Tests.Training;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Samples;

public class ConfusionMatrixTests
{
    [Fact]
    public void CountsTrueAgainstPredicted_AndAgreesWithEvaluate()
    {
        // the fake network predicts its inputs, so each row of features is that sample's prediction
        float[] predictions =
        [
            0.7f, 0.2f, 0.1f,   // true 0, predicted 0
            0.1f, 0.8f, 0.1f,   // true 0, predicted 1
            0.1f, 0.1f, 0.8f,   // true 1, predicted 2
            0.4f, 0.4f, 0.2f,   // true 1, a tie: the first maximum, 0
            0.0f, 0.1f, 0.9f,   // true 2, predicted 2
        ];
        float[] targets = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1];
        var data = new Dataset(predictions, targets, 3, 3);
        var network = new FakeNetwork(3, 3);

        // batches of 2 leave a short last batch
        ConfusionMatrix matrix = ConfusionMatrix.Of(network, data, batchSize: 2);

        int[,] expected = { { 1, 1, 0 }, { 1, 0, 1 }, { 0, 0, 1 } };
        Assert.Equal(expected, matrix.Counts);
        Assert.Equal(2.0 / 5, matrix.Accuracy);
        Assert.Equal(Trainer.Evaluate(network, data).Accuracy, matrix.Accuracy);
    }

    [Fact]
    public void OneOutput_IsRefused()
    {
        var data = new Dataset([0.5f], [1f], 1, 1);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(new FakeNetwork(1, 1), data));
    }
}
