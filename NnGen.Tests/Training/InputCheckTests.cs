using System;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

/// <summary>
/// The training loop's data check (TrainingOptions.CheckData, on by default): NaN or infinite features and targets
/// are rejected before the first step, naming the set, the sample and the column. Without the check the same data
/// reaches the network and training diverges.
/// </summary>
public class InputCheckTests
{
    [Theory]
    [InlineData(0, float.NaN)]
    [InlineData(17, float.PositiveInfinity)]   // inside a whole vector of 8 or 16 floats
    [InlineData(38, float.NegativeInfinity)]   // in the scalar tail
    public void NonFiniteFeature_IsRejectedBeforeAnyStep(int sample, float value)
    {
        Dataset data = TrainingData.Line(39, slope: 2f);
        float[] features = data.Features.ToArray();
        features[sample] = value;
        var network = TestNetworks.LineNet();
        int[] before = TrainingData.Bits(network.Parameters);

        var error = Assert.Throws<ArgumentException>(() =>
            new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 4 }).Train(network, new Sgd(0.1f), new Dataset(features, data.Targets.ToArray(), 1, 1)));

        Assert.Equal("training", error.ParamName);
        Assert.Contains($"feature 0 of sample {sample}", error.Message);
        Assert.Equal(before, TrainingData.Bits(network.Parameters));
    }

    [Fact]
    public void NonFiniteTarget_InTheValidationSet_IsRejected()
    {
        Dataset train = TrainingData.Blobs(10, seed: 1);
        Dataset validation = TrainingData.Blobs(4, seed: 2);
        float[] targets = validation.Targets.ToArray();
        targets[3 * 5 + 2] = float.NaN;   // sample 5, output 2
        var network = TestNetworks.BlobNet();

        var error = Assert.Throws<ArgumentException>(() => new Trainer(new TrainingOptions { Epochs = 1 })
            .Train(network, new Adam(), train, new Dataset(validation.Features.ToArray(), targets, 2, 3)));

        Assert.Equal("validation", error.ParamName);
        Assert.Contains("target 2 of sample 5", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void WithoutTheDataCheck_ANaNFeatureReachesTheNetwork_AndTrainingDiverges()
    {
        Dataset data = TrainingData.Line(12, slope: 2f);
        float[] features = data.Features.ToArray();
        features[5] = float.NaN;
        var trainer = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 4, CheckData = false });
        Assert.Throws<TrainingDivergedException>(() => trainer.Train(TestNetworks.LineNet(), new Sgd(0.1f), new Dataset(features, data.Targets.ToArray(), 1, 1)));
    }

    [Fact]
    public void FromLabels_MakesOneHotRows_OrTheLabelForOneOutput()
    {
        float[] features = { 1f, 2f, 3f };
        Dataset three = Dataset.FromLabels(features, new[] { 2, 0, 1 }, inputSize: 1, outputSize: 3);
        Assert.Equal(new[] { 0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f }, three.Targets.ToArray());
        Dataset binary = Dataset.FromLabels(features, new[] { 1, 0, 1 }, inputSize: 1, outputSize: 1);
        Assert.Equal(new[] { 1f, 0f, 1f }, binary.Targets.ToArray());
        Assert.Equal(new[] { 1, 0, 1 }, new[] { binary.Label(0), binary.Label(1), binary.Label(2) });
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, -1)]
    [InlineData(3, int.MaxValue)]
    [InlineData(1, 2)]
    [InlineData(1, -1)]
    public void FromLabels_RejectsALabelOutOfRange_NamingTheSample(int outputs, int label)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Dataset.FromLabels(new float[3], new[] { 0, label, 1 }, inputSize: 1, outputSize: outputs));
        Assert.Equal("labels", error.ParamName);
        Assert.Contains($"Sample 1 has label {label}", error.Message);
    }

    [Fact]
    public void FromLabels_RejectsFeaturesOfAnotherRowCount()
        => Assert.Throws<ArgumentException>(() => Dataset.FromLabels(new float[5], new[] { 0, 1 }, inputSize: 2, outputSize: 2));
}
