using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void ScriptedLosses_StopAfterPatience_RestoreBestParametersAndState()
    {
        // epoch:             0  1  2  3    4       5    6    7    8
        double[] validation = { 5, 4, 3, 3.5, 2.9995, 3.2, 3.3, 3.4, 1.0 };
        int epoch = 0;
        var network = new FakeNetwork(1, 1, parameterCount: 3, stateCount: 2)
        {
            // every step moves the parameters and the state, so each epoch ends with its own values
            OnStep = (net, _, _) => { net.Parameters[0] += 1f; net.Parameters[2] -= 0.5f; net.State[1] += 10f; return 1f; },
            OnLoss = (_, _, _) => (float)validation[epoch],
        };
        var snapshots = new List<(float[] Parameters, float[] State)>();
        var options = new TrainingOptions
        {
            Epochs = 20,
            BatchSize = 2,
            EarlyStopping = new EarlyStopping(Patience: 3, MinDelta: 0.001),
            Progress = report => { snapshots.Add((network.Parameters.ToArray(), network.State.ToArray())); epoch = report.Epoch + 1; },
        };
        Dataset data = TrainingData.Numbered(4, 1, 1);

        TrainingHistory history = new Trainer(options).Train(network, new NoOptimizer(), data, data);

        // 2.9995 is below 3 by less than MinDelta: not an improvement; 3 epochs without one end training after epoch 5
        Assert.Equal(6, history.Epochs.Count);
        Assert.True(history.StoppedEarly);
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(3.0, history.BestValidationLoss);
        Assert.True(history.RestoredBest);
        Assert.Equal(new[] { true, true, true, false, false, false }, history.Epochs.Select(e => e.IsBest));
        Assert.Equal(snapshots[2].Parameters, network.Parameters);
        Assert.Equal(snapshots[2].State, network.State);
        Assert.NotEqual(snapshots[5].Parameters, network.Parameters);
    }

    [Fact]
    public void MinDeltaZero_AnyDecreaseImproves()
    {
        double[] validation = { 3, 2.9999, 2.9998, 3, 3, 3 };
        int epoch = 0;
        var network = new FakeNetwork(1, 1) { OnLoss = (_, _, _) => (float)validation[epoch] };
        var options = new TrainingOptions { Epochs = 6, EarlyStopping = new EarlyStopping(Patience: 2), Progress = r => epoch = r.Epoch + 1 };
        Dataset data = TrainingData.Numbered(4, 1, 1);
        TrainingHistory history = new Trainer(options).Train(network, new NoOptimizer(), data, data);
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(5, history.Epochs.Count);
        Assert.True(history.StoppedEarly);
    }

    [Fact]
    public void PatienceReachedOnTheLastEpoch_IsNotAnEarlyStop()
    {
        double[] validation = { 1, 2, 3 };
        int epoch = 0;
        var network = new FakeNetwork(1, 1) { OnLoss = (_, _, _) => (float)validation[epoch] };
        var options = new TrainingOptions { Epochs = 3, EarlyStopping = new EarlyStopping(Patience: 2), Progress = r => epoch = r.Epoch + 1 };
        Dataset data = TrainingData.Numbered(4, 1, 1);
        TrainingHistory history = new Trainer(options).Train(network, new NoOptimizer(), data, data);
        Assert.Equal(3, history.Epochs.Count);
        Assert.False(history.StoppedEarly);
        Assert.Equal(0, history.BestEpoch);
    }

    [Fact]
    public void RisingValidationLoss_RestoresTheBestWeights()
    {
        // the line is fitted to slope 2 while validation wants slope 0.5: from w = 0 the validation loss falls, then rises
        var network = TestNetworks.LineNet();
        var snapshots = new List<float[]>();
        var options = new TrainingOptions
        {
            Epochs = 200,
            BatchSize = 4,
            EarlyStopping = new EarlyStopping(Patience: 3),
            Progress = _ => snapshots.Add(network.Parameters.ToArray()),
        };
        Dataset train = TrainingData.Line(16, slope: 2f), validation = TrainingData.Line(9, slope: 0.5f);

        TrainingHistory history = new Trainer(options).Train(network, new Sgd(0.02f), train, validation);

        double?[] losses = history.Epochs.Select(e => e.ValidationLoss).ToArray();
        int best = Array.IndexOf(losses, losses.Min());
        Assert.True(history.StoppedEarly);
        Assert.True(best > 0, "the validation loss should fall first");
        Assert.Equal(best, history.BestEpoch);
        Assert.Equal(best + 4, history.Epochs.Count);
        Assert.Equal(TrainingData.Bits(snapshots[best]), TrainingData.Bits(network.Parameters));
        Assert.NotEqual(TrainingData.Bits(snapshots[^1]), TrainingData.Bits(network.Parameters));
        Assert.Equal(history.BestValidationLoss, Trainer.Evaluate(network, validation).Loss);
    }

    [Fact]
    public void RisingValidationLoss_RestoresTheBestBatchNormState()
    {
        var network = TestNetworks.BatchNormLineNet(seed: 1);
        var snapshots = new List<(float[] Parameters, float[] State)>();
        var options = new TrainingOptions
        {
            Epochs = 200,
            BatchSize = 4,
            EarlyStopping = new EarlyStopping(Patience: 3),
            Progress = _ => snapshots.Add((network.Parameters.ToArray(), network.State.ToArray())),
        };
        // validation is the training line shifted to the right and scaled: the running statistics matter for it
        Dataset train = TrainingData.Line(16, slope: 2f), validation = TrainingData.Line(9, slope: -1f, offset: 0.5f);

        TrainingHistory history = new Trainer(options).Train(network, new Sgd(0.05f), train, validation);

        Assert.True(history.StoppedEarly);
        Assert.True(history.RestoredBest);
        int best = history.BestEpoch;
        Assert.True(best > 0, "the validation loss should fall first");
        Assert.Equal(TrainingData.Bits(snapshots[best].Parameters), TrainingData.Bits(network.Parameters));
        Assert.Equal(TrainingData.Bits(snapshots[best].State), TrainingData.Bits(network.State));
        Assert.NotEqual(TrainingData.Bits(snapshots[^1].State), TrainingData.Bits(network.State));
        Assert.Equal(history.BestValidationLoss, Trainer.Evaluate(network, validation).Loss);
    }

    [Fact]
    public void RestoreBestOff_KeepsTheLastWeights()
    {
        var network = TestNetworks.LineNet();
        float[]? last = null;
        var options = new TrainingOptions
        {
            Epochs = 200,
            BatchSize = 4,
            EarlyStopping = new EarlyStopping(Patience: 2, RestoreBest: false),
            Progress = _ => last = network.Parameters.ToArray(),
        };
        TrainingHistory history = new Trainer(options).Train(network, new Sgd(0.02f), TrainingData.Line(16, 2f), TrainingData.Line(9, 0.5f));
        Assert.True(history.StoppedEarly);
        Assert.False(history.RestoredBest);
        Assert.Equal(last, network.Parameters);
    }

    [Fact]
    public void WithoutValidationSet_Throws()
    {
        var trainer = new Trainer(new TrainingOptions { EarlyStopping = new EarlyStopping() });
        var error = Assert.Throws<ArgumentException>(() => trainer.Train(TestNetworks.LineNet(), new Sgd(0.1f), TrainingData.Line(8, 1f)));
        Assert.Contains("validation", error.Message);
    }
}
