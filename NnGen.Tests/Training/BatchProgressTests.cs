using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Training;

/// <summary>The per-batch callback <see cref="TrainingOptions.BatchProgress"/> and its <see cref="BatchReport"/>.</summary>
public class BatchProgressTests
{
    [Fact]
    public void EveryStep_ReportsItsPlaceSizeAndLoss_InOrder()
    {
        const int n = 23, batchSize = 5, epochs = 2;
        var returned = new List<float>();
        var network = new FakeNetwork(2, 3)
        {
            // a loss that differs per step, so a report carrying another step's loss is caught
            OnStep = (net, _, _) => { float loss = 0.5f + net.Steps * 0.25f; returned.Add(loss); return loss; },
        };
        var reports = new List<BatchReport>();
        var epochReports = new List<EpochReport>();
        new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = batchSize, BatchProgress = reports.Add, Progress = epochReports.Add })
            .Train(network, new NoOptimizer(), TrainingData.Numbered(n, 2, 3));

        // 23 samples in batches of 5: four full batches and one of 3, per epoch
        int[] sizes = { 5, 5, 5, 5, 3 };
        Assert.Equal(epochs * sizes.Length, reports.Count);
        Assert.Equal(returned, reports.Select(r => r.Loss));
        for (int epoch = 0, i = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            int seen = 0;
            for (int batch = 0; batch < sizes.Length; batch++, i++)
            {
                BatchReport report = reports[i];
                Assert.Equal((epoch, batch, sizes.Length, sizes[batch]), (report.Epoch, report.Batch, report.Batches, report.Size));
                sum += (double)returned[i] * sizes[batch];
                seen += sizes[batch];
                Assert.Equal(sum / seen, report.MeanLoss, 12);
            }
            // the last batch's running mean is the epoch's train loss, bit for bit
            Assert.Equal(epochReports[epoch].TrainLoss, reports[i - 1].MeanLoss);
        }
    }

    [Fact]
    public void DropLast_ReportsOnlyTheFullBatches()
    {
        var reports = new List<BatchReport>();
        new Trainer(new TrainingOptions { Epochs = 1, BatchSize = 5, DropLast = true, BatchProgress = reports.Add })
            .Train(new FakeNetwork(1, 1), new NoOptimizer(), TrainingData.Numbered(23, 1, 1));
        Assert.Equal(new[] { 0, 1, 2, 3 }, reports.Select(r => r.Batch));
        Assert.All(reports, r => { Assert.Equal(4, r.Batches); Assert.Equal(5, r.Size); });
    }

    [Fact]
    public void ReportingEveryBatch_AllocatesNothing()
    {
        const int batches = 40;
        var allocated = new long[2 * batches];
        int calls = 0;
        var options = new TrainingOptions
        {
            Epochs = 2,
            BatchSize = 4,
            BatchProgress = report => allocated[calls++] = GC.GetAllocatedBytesForCurrentThread(),
        };
        new Trainer(options).Train(new FakeNetwork(3, 2, parameterCount: 50), new NoOptimizer(), TrainingData.Numbered(4 * batches, 3, 2));
        Assert.Equal(2 * batches, calls);
        // between consecutive reports of the second epoch the loop gathers, steps, checks and reports a batch
        for (int call = batches + 1; call < 2 * batches; call++)
            Assert.True(allocated[call] == allocated[call - 1], $"{allocated[call] - allocated[call - 1]} bytes allocated between reports {call - 1} and {call}");
    }

    [Fact]
    public void WithoutCallback_TrainingIsUnchanged()
    {
        Dataset data = TrainingData.Blobs(20, seed: 5);
        float[] Run(Action<BatchReport>? callback)
        {
            var network = TestNetworks.BlobNet(seed: 4);
            new Trainer(new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 2, BatchProgress = callback })
                .Train(network, new Adam(0.01f), data);
            return network.Parameters;
        }
        Assert.Equal(TrainingData.Bits(Run(null)), TrainingData.Bits(Run(_ => { })));
    }
}
