using System;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class FiniteCheckTests
{
    [Fact]
    public void DivergingTraining_ThrowsNamingEpochAndBatch_AndRestoresTheParametersBeforeTheStep()
    {
        var network = TestNetworks.LineNet();
        var optimizer = new RecordingOptimizer(new Sgd(50f));
        Dataset data = TrainingData.Line(12, slope: 3f, offset: 5f);   // x in [4, 6]: a rate of 50 overflows within a few steps
        var trainer = new Trainer(new TrainingOptions { Epochs = 100, BatchSize = 5 });

        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Train(network, optimizer, data));

        int steps = optimizer.ParametersBefore.Count, batchesPerEpoch = 3;
        Assert.Equal(steps - 1, error.Epoch * batchesPerEpoch + error.Batch);
        Assert.Contains($"epoch {error.Epoch}", error.Message);
        Assert.Contains($"batch {error.Batch}", error.Message);
        Assert.True(TrainingData.AllFinite(network.Parameters));
        Assert.Equal(TrainingData.Bits(optimizer.ParametersBefore[^1]), TrainingData.Bits(network.Parameters));
        Assert.Equal(error.Epoch, error.History.Epochs.Count);
    }

    [Fact]
    public void WithoutTheCheck_TheSameRunEndsWithNonFiniteParameters()
    {
        var network = TestNetworks.LineNet();
        var trainer = new Trainer(new TrainingOptions { Epochs = 100, BatchSize = 5, CheckFinite = false });
        TrainingHistory history = trainer.Train(network, new Sgd(50f), TrainingData.Line(12, slope: 3f, offset: 5f));
        Assert.False(TrainingData.AllFinite(network.Parameters));
        Assert.Equal(100, history.Epochs.Count);
    }

    [Fact]
    public void NaNLoss_IsCaught_ParametersAndStateRestored()
    {
        var network = new FakeNetwork(1, 1, parameterCount: 3, stateCount: 2)
        {
            OnStep = (net, _, _) =>
            {
                net.Parameters[1] += 1f;
                net.State[0] += 2f;
                return net.Steps == 5 ? float.NaN : 1f;   // epoch 1, batch 2 with 3 batches per epoch
            },
        };
        var error = Assert.Throws<TrainingDivergedException>(() =>
            new Trainer(new TrainingOptions { Epochs = 4, BatchSize = 2 }).Train(network, new NoOptimizer(), TrainingData.Numbered(6, 1, 1)));
        Assert.Equal((1, 2), (error.Epoch, error.Batch));
        Assert.True(float.IsNaN(error.Loss));
        Assert.Contains("NaN", error.Message);
        Assert.Equal(new[] { 0f, 5f, 0f }, network.Parameters);
        Assert.Equal(new[] { 10f, 0f }, network.State);
        Assert.Single(error.History.Epochs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(37)]   // past the last whole vector of 8 or 16 floats
    [InlineData(38)]
    public void NonFiniteParameter_IsFoundAtAnyPosition(int position)
    {
        var network = new FakeNetwork(1, 1, parameterCount: 39)
        {
            OnStep = (net, _, _) =>
            {
                for (int i = 0; i < net.Parameters.Length; i++) net.Parameters[i] += 0.25f;
                if (net.Steps == 2) net.Parameters[position] = float.PositiveInfinity;
                return 1f;
            },
        };
        var error = Assert.Throws<TrainingDivergedException>(() =>
            new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 1 }).Train(network, new NoOptimizer(), TrainingData.Numbered(4, 1, 1)));
        Assert.Equal((0, 2), (error.Epoch, error.Batch));
        Assert.Contains($"parameter {position} became +Infinity", error.Message);
        Assert.All(network.Parameters, p => Assert.Equal(0.5f, p));
    }

    [Fact]
    public void NonFiniteState_IsCaught()
    {
        var network = new FakeNetwork(1, 1, parameterCount: 2, stateCount: 3)
        {
            OnStep = (net, _, _) => { net.State[2] = net.Steps == 1 ? float.NegativeInfinity : 1f; return 1f; },
        };
        var error = Assert.Throws<TrainingDivergedException>(() =>
            new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 2 }).Train(network, new NoOptimizer(), TrainingData.Numbered(4, 1, 1)));
        Assert.Equal((0, 1), (error.Epoch, error.Batch));
        Assert.Contains("state value 2 became -Infinity", error.Message);
        Assert.Equal(new[] { 0f, 0f, 1f }, network.State);
    }

    [Fact]
    public void HugeButFiniteValues_PassTheCheck()
    {
        var network = new FakeNetwork(1, 1, parameterCount: 20) { OnStep = (net, _, _) => { Array.Fill(net.Parameters, float.MaxValue); return float.MaxValue; } };
        new Trainer(new TrainingOptions { Epochs = 1, BatchSize = 1 }).Train(network, new NoOptimizer(), TrainingData.Numbered(3, 1, 1));
        Assert.All(network.Parameters, p => Assert.Equal(float.MaxValue, p));
    }
}
