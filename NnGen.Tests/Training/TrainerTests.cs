using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NnGen.Internal;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void SameSeed_SameParametersBitForBit_OtherSeed_Other()
    {
        Dataset data = TrainingData.Blobs(30, seed: 1);
        var options = new TrainingOptions { Epochs = 5, BatchSize = 8, Seed = 123 };

        (float[] first, TrainingHistory firstHistory) = TrainBlobs(options, data);
        (float[] second, TrainingHistory secondHistory) = TrainBlobs(options, data);
        (float[] otherSeed, _) = TrainBlobs(options with { Seed = 124 }, data);

        Assert.Equal(TrainingData.Bits(first), TrainingData.Bits(second));
        Assert.Equal(firstHistory.Epochs.Select(e => e.TrainLoss), secondHistory.Epochs.Select(e => e.TrainLoss));
        Assert.NotEqual(TrainingData.Bits(first), TrainingData.Bits(otherSeed));
        Assert.NotEqual(TrainingData.Bits(TestNetworks.BlobNet(seed: 7).Parameters), TrainingData.Bits(first));   // it trained
    }

    private static (float[], TrainingHistory) TrainBlobs(TrainingOptions options, Dataset data)
    {
        var network = TestNetworks.BlobNet(seed: 7);
        TrainingHistory history = new Trainer(options).Train(network, new Sgd(0.1f, momentum: 0.9f), data);
        return (network.Parameters, history);
    }

    [Fact]
    public void SameSeed_SameParameters_WithDropout()
    {
        Dataset data = TrainingData.Blobs(30, seed: 2);
        var options = new TrainingOptions { Epochs = 4, BatchSize = 16, Seed = 9 };
        float[] Run(long seed)
        {
            var network = TestNetworks.DropoutBlobNet(seed: 3);
            new Trainer(options with { Seed = seed }).Train(network, new Sgd(0.05f), data);
            return network.Parameters;
        }
        Assert.Equal(TrainingData.Bits(Run(9)), TrainingData.Bits(Run(9)));
        Assert.NotEqual(TrainingData.Bits(Run(9)), TrainingData.Bits(Run(10)));
    }

    [Fact]
    public void LearnsBlobs()
    {
        DataSplit split = DataSplit.ByFractions(TrainingData.Blobs(60, seed: 4), 0.25, 0.0, seed: 4, stratify: true);
        var network = TestNetworks.BlobNet(seed: 1);
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 30, BatchSize = 16 })
            .Train(network, new Sgd(0.1f, momentum: 0.9f), split.Train, split.Validation);
        Assert.True(history.Last!.ValidationAccuracy >= 0.95, $"validation accuracy {history.Last.ValidationAccuracy}");
        Assert.True(history.Last.TrainLoss < history.Epochs[0].TrainLoss);
        Assert.Equal(30, history.Epochs.Count);
        Assert.False(history.StoppedEarly);
        Assert.False(history.RestoredBest);
    }

    [Fact]
    public void Batches_AreTheHandPickedRowsOfTheDocumentedOrder()
    {
        const int n = 23, batchSize = 5, epochs = 3;
        const long seed = 42;
        Dataset data = TrainingData.Numbered(n, 2, 3);
        var batches = new List<(float[] Inputs, float[] Targets)>();
        var network = new FakeNetwork(2, 3) { OnStep = (_, x, t) => { batches.Add((x.ToArray(), t.ToArray())); return 0f; } };

        new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = batchSize, Seed = seed }).Train(network, new NoOptimizer(), data);

        // the documented order: the identity shuffled by one SeededRandom(Seed) per epoch in turn
        var random = new SeededRandom(seed);
        int b = 0;
        var orders = new List<int[]>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int[] order = Enumerable.Range(0, n).ToArray();
            random.Shuffle<int>(order);
            orders.Add(order);
            for (int start = 0; start < n; start += batchSize, b++)
            {
                int[] rows = order.Skip(start).Take(batchSize).ToArray();
                float[] expectedInputs = rows.SelectMany(r => data.FeatureRow(r).ToArray()).ToArray();
                float[] expectedTargets = rows.SelectMany(r => data.TargetRow(r).ToArray()).ToArray();
                Assert.Equal(expectedInputs, batches[b].Inputs);
                Assert.Equal(expectedTargets, batches[b].Targets);
            }
        }
        Assert.Equal(b, batches.Count);
        Assert.Equal(new[] { 5, 5, 5, 5, 3 }, batches.Take(5).Select(x => x.Inputs.Length / 2));
        Assert.NotEqual(orders[0], orders[1]);
        Assert.NotEqual(Enumerable.Range(0, n), orders[0]);
    }

    [Fact]
    public void Batches_CoverEveryRowOncePerEpoch()
    {
        const int n = 37;
        Dataset data = TrainingData.Numbered(n, 1, 1);
        var seen = new List<float>();
        var network = new FakeNetwork(1, 1)
        {
            OnStep = (_, x, t) =>
            {
                for (int i = 0; i < x.Length; i++)
                {
                    Assert.Equal(10 * x[i], t[i]);   // each target row travels with its feature row
                    seen.Add(x[i]);
                }
                return 0f;
            },
        };
        new Trainer(new TrainingOptions { Epochs = 4, BatchSize = 8, Seed = 5 }).Train(network, new NoOptimizer(), data);
        Assert.Equal(4 * n, seen.Count);
        for (int epoch = 0; epoch < 4; epoch++)
            Assert.Equal(Enumerable.Range(0, n).Select(i => (float)i), seen.Skip(epoch * n).Take(n).OrderBy(v => v));
    }

    [Fact]
    public void NoShuffle_VisitsRowsInOrder_DropLast_SkipsTheRest()
    {
        Dataset data = TrainingData.Numbered(11, 1, 1);
        var seen = new List<float[]>();
        var network = new FakeNetwork(1, 1) { OnStep = (_, x, _) => { seen.Add(x.ToArray()); return 0f; } };
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 4, Shuffle = false, DropLast = true })
            .Train(network, new NoOptimizer(), data);
        Assert.Equal(4, seen.Count);
        Assert.Equal(new float[] { 0, 1, 2, 3 }, seen[0]);
        Assert.Equal(new float[] { 4, 5, 6, 7 }, seen[1]);
        Assert.Equal(new float[] { 0, 1, 2, 3 }, seen[2]);
        Assert.Equal((2, 8), (history.Epochs[0].Batches, history.Epochs[0].Samples));
    }

    [Fact]
    public void TrainLoss_IsTheMeanOverBatchesWeightedByBatchSize()
    {
        // batches of 4, 4 and 2 samples whose losses are their sizes: (4*4 + 4*4 + 2*2) / 10 = 3.6, not (4 + 4 + 2) / 3
        var network = new FakeNetwork(1, 1) { OnStep = (_, x, _) => x.Length };
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 1, BatchSize = 4 })
            .Train(network, new NoOptimizer(), TrainingData.Numbered(10, 1, 1));
        Assert.Equal(3.6, history.Epochs[0].TrainLoss, 12);
        Assert.Equal((3, 10), (history.Epochs[0].Batches, history.Epochs[0].Samples));
    }

    [Fact]
    public void Schedule_SetsTheOptimizerBeforeEachEpoch()
    {
        var optimizer = new RecordingOptimizer(new Sgd(0.5f));
        var reports = new List<EpochReport>();
        new Trainer(new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 5,
            Schedule = new InverseTimeDecay(0.1f, decayRate: 1f),
            Progress = reports.Add,
        }).Train(new FakeNetwork(1, 1), optimizer, TrainingData.Numbered(10, 1, 1));

        Assert.Equal(new[] { 0.1f, 0.1f, 0.05f, 0.05f, 0.1f / 3, 0.1f / 3 }, optimizer.Rates);
        Assert.Equal(new[] { 0.1f, 0.05f, 0.1f / 3 }, reports.Select(r => r.LearningRate));
    }

    [Fact]
    public void WithoutSchedule_TheOptimizersRateIsKept()
    {
        var optimizer = new RecordingOptimizer(new Sgd(0.25f));
        new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 10 }).Train(new FakeNetwork(1, 1), optimizer, TrainingData.Numbered(10, 1, 1));
        Assert.Equal(new[] { 0.25f, 0.25f }, optimizer.Rates);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-0.1f)]
    [InlineData(float.PositiveInfinity)]
    public void Schedule_RejectsBadRates(float rate)
    {
        var trainer = new Trainer(new TrainingOptions { Epochs = 2, Schedule = new FixedRate(rate) });
        var error = Assert.Throws<InvalidOperationException>(() => trainer.Train(new FakeNetwork(1, 1), new NoOptimizer(), TrainingData.Numbered(4, 1, 1)));
        Assert.Contains("LearningRate(0)", error.Message);
    }

    [Fact]
    public void Progress_GetsOneImmutableReportPerEpoch_WithValidation()
    {
        var reports = new List<EpochReport>();
        Dataset data = TrainingData.Blobs(20, seed: 8);
        var network = TestNetworks.BlobNet(seed: 2);
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 4, BatchSize = 10, Progress = reports.Add })
            .Train(network, new Sgd(0.1f), data, validation: data);
        Assert.Equal(Enumerable.Range(0, 4), reports.Select(r => r.Epoch));
        Assert.Equal(reports, history.Epochs);
        Evaluation final = Trainer.Evaluate(network, data);
        Assert.Equal(final.Loss, reports[^1].ValidationLoss);
        Assert.Equal(final.Accuracy, reports[^1].ValidationAccuracy);
        Assert.Equal(reports.Select(r => r.ValidationLoss).ToList().IndexOf(reports.Min(r => r.ValidationLoss)), history.BestEpoch);
        Assert.All(reports, r => Assert.Equal(6, r.Batches));
    }

    [Fact]
    public void WithoutValidation_NoValidationFigures_NoBestEpoch()
    {
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 2 })
            .Train(new FakeNetwork(1, 1), new NoOptimizer(), TrainingData.Numbered(5, 1, 1));
        Assert.All(history.Epochs, r => { Assert.Null(r.ValidationLoss); Assert.Null(r.ValidationAccuracy); Assert.False(r.IsBest); });
        Assert.Equal(-1, history.BestEpoch);
        Assert.Null(history.BestValidationLoss);
    }

    [Fact]
    public void SteadyStateBatches_AllocateNothing()
    {
        const int batches = 40;
        var allocated = new long[2 * batches];
        var network = new FakeNetwork(3, 2, parameterCount: 50, stateCount: 6)
        {
            OnStep = (net, _, _) => { allocated[net.Steps] = GC.GetAllocatedBytesForCurrentThread(); return 1f; },
        };
        new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 4, CheckFinite = true })
            .Train(network, new NoOptimizer(), TrainingData.Numbered(4 * batches, 3, 2));
        // between consecutive steps of the second epoch the loop gathers, steps and checks a batch
        for (int step = batches + 1; step < 2 * batches; step++)
            Assert.True(allocated[step] == allocated[step - 1], $"{allocated[step] - allocated[step - 1]} bytes allocated between steps {step - 1} and {step}");
    }

    [Fact]
    public void GeneratedNetworks_AllocateOnlyPerEpoch()
    {
        // 20 more epochs of 30 batches each (with validation) may allocate the epochs' reports, nothing per batch
        Dataset data = TrainingData.Blobs(40, seed: 3);
        long Measure(INetwork network, int epochs)
        {
            var trainer = new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 4, EvaluationBatchSize = 50 });
            trainer.Train(network, new Sgd(0.01f, momentum: 0.9f), data, data);   // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            trainer.Train(network, new Sgd(0.01f, momentum: 0.9f), data, data);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        foreach (Func<INetwork> create in new Func<INetwork>[] { () => TestNetworks.BlobNet(), () => TestNetworks.DropoutBlobNet() })
        {
            long few = Measure(create(), 2), many = Measure(create(), 22);
            // an epoch's report is about 100 bytes; one object per batch would be at least 30 * 24 bytes
            Assert.True(many - few < 20 * 400, $"{create().GetType().Name}: {(many - few) / 20} bytes per extra epoch of 30 batches");
        }
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        var trainer = new Trainer(new TrainingOptions { Epochs = 1 });
        var network = new FakeNetwork(2, 1);
        Assert.Throws<ArgumentException>(() => trainer.Train(network, new NoOptimizer(), TrainingData.Numbered(4, 3, 1)));
        Assert.Throws<ArgumentException>(() => trainer.Train(network, new NoOptimizer(), TrainingData.Numbered(4, 2, 2)));
        Assert.Throws<ArgumentException>(() => trainer.Train(network, new NoOptimizer(), TrainingData.Numbered(0, 2, 1)));
        Assert.Throws<ArgumentException>(() => trainer.Train(network, new NoOptimizer(), TrainingData.Numbered(4, 2, 1), TrainingData.Numbered(0, 2, 1)));
        Assert.Throws<ArgumentException>(() => trainer.Train(network, new NoOptimizer(), TrainingData.Numbered(4, 2, 1), TrainingData.Numbered(4, 1, 1)));
        Assert.Throws<ArgumentException>(() => new Trainer(new TrainingOptions { BatchSize = 5, DropLast = true }).Train(network, new NoOptimizer(), TrainingData.Numbered(4, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainingOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainingOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainingOptions { EarlyStopping = new EarlyStopping(Patience: 0) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainingOptions { EarlyStopping = new EarlyStopping(MinDelta: -1) }));
    }

    [Fact]
    public void BatchNorm_NeedsDropLastWhenOneSampleWouldBeLeftOver()
    {
        // 9 samples in batches of 4 leave a batch of 1, on which BatchNorm's training statistics are undefined
        Dataset data = TrainingData.Line(9, slope: 1f);
        var plain = new Trainer(new TrainingOptions { Epochs = 1, BatchSize = 4 });
        Assert.Throws<ArgumentException>(() => plain.Train(TestNetworks.BatchNormLineNet(), new Sgd(0.1f), data));

        INetwork network = TestNetworks.BatchNormLineNet();
        TrainingHistory history = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 4, DropLast = true }).Train(network, new Sgd(0.1f), data);
        Assert.Equal((2, 8), (history.Last!.Batches, history.Last.Samples));
        Assert.True(TrainingData.AllFinite(network.State));
    }

    [Fact]
    public void BatchSizeLargerThanTheData_IsOneBatch()
    {
        var sizes = new List<int>();
        var network = new FakeNetwork(1, 1) { OnStep = (_, x, _) => { sizes.Add(x.Length); return 0f; } };
        new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 100 }).Train(network, new NoOptimizer(), TrainingData.Numbered(7, 1, 1));
        Assert.Equal(new[] { 7, 7 }, sizes);
    }

    /// <summary>A schedule that returns one rate, even an invalid one, to test the trainer's check.</summary>
    private sealed class FixedRate(float rate) : ILearningRateSchedule
    {
        public float LearningRate(int epoch) => rate;
    }
}

public class CancellationTests
{
    [Fact]
    public void CancelledBeforeStart_TakesNoStep()
    {
        var network = new FakeNetwork(1, 1);
        using var source = new CancellationTokenSource();
        source.Cancel();
        var error = Assert.Throws<TrainingCanceledException>(() =>
            new Trainer().Train(network, new NoOptimizer(), TrainingData.Numbered(10, 1, 1), cancellationToken: source.Token));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(source.Token, error.CancellationToken);
        Assert.Equal(0, network.Steps);
        Assert.Empty(error.History.Epochs);
        Assert.Equal((0, 0), (error.Epoch, error.Batch));
    }

    [Fact]
    public void CancelledDuringABatch_StopsBeforeTheNextBatch()
    {
        using var source = new CancellationTokenSource();
        var network = new FakeNetwork(1, 1)
        {
            OnStep = (net, _, _) =>
            {
                if (net.Steps == 6) source.Cancel();   // the 7th step: epoch 1, batch 2 of 4 per epoch
                return 1f;
            },
        };
        var error = Assert.Throws<TrainingCanceledException>(() =>
            new Trainer(new TrainingOptions { Epochs = 5, BatchSize = 3 }).Train(network, new NoOptimizer(), TrainingData.Numbered(12, 1, 1), cancellationToken: source.Token));
        Assert.Equal(7, network.Steps);
        Assert.Equal((1, 3), (error.Epoch, error.Batch));
        Assert.Single(error.History.Epochs);
    }

    [Fact]
    public void CancelledAfterAnEpoch_KeepsTheLastStepsParameters()
    {
        using var source = new CancellationTokenSource();
        var network = TestNetworks.BlobNet(seed: 4);
        float[]? afterEpoch1 = null;
        var options = new TrainingOptions
        {
            Epochs = 10,
            BatchSize = 8,
            EarlyStopping = new EarlyStopping(Patience: 10),
            Progress = report =>
            {
                if (report.Epoch != 1) return;
                afterEpoch1 = (float[])network.Parameters.Clone();
                source.Cancel();
            },
        };
        Dataset data = TrainingData.Blobs(10, seed: 5);
        var error = Assert.Throws<TrainingCanceledException>(() => new Trainer(options).Train(network, new Sgd(0.1f), data, data, source.Token));
        Assert.Equal(2, error.History.Epochs.Count);
        Assert.Equal((2, 0), (error.Epoch, error.Batch));
        Assert.Equal(TrainingData.Bits(afterEpoch1!), TrainingData.Bits(network.Parameters));
    }
}
