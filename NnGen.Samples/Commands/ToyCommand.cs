using System;
using NnGen.Samples.DataSets;
using NnGen.Samples.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// The 16-point toy set (label = third feature): rows 0-7 train, 8-11 validate, 12-15 test; the single
    /// 4 -> 2 softmax layer trained by plain SGD at learning rate 0.01 in batches of 4.
    /// </summary>
    internal static class ToyCommand
    {
        public const int Epochs = 300;

        public static int Run()
        {
            DataSplit split = DataSplit.ByRows(CsvDataLoader.LoadEmbedded("toy16.csv"), trainCount: 8, validationCount: 4);
            var network = new ToyNet(seed: 0);
            var optimizer = new Sgd(learningRate: 0.01f);
            new MiniBatchTrainer(batchSize: 4, seed: 0).Train(network, split, optimizer, Epochs, report =>
            {
                if (report.Epoch % 25 == 0 || report.Epoch == 1) ConsoleReport.Epoch(report, Epochs);
            });
            ConsoleReport.TestAccuracy(Accuracy.Of(network, split.Test));
            return 0;
        }
    }
}
