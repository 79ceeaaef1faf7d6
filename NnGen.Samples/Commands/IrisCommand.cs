using System;
using NnGen.Samples.DataSets;
using NnGen.Samples.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>Iris: a stratified 60/20/20 split, features standardized with the training rows' statistics.</summary>
    internal static class IrisCommand
    {
        public const int Epochs = 100;
        private const long Seed = 42;

        public static int Run()
        {
            DataSplit split = DataSplit.Stratified(CsvDataLoader.LoadEmbedded("iris.csv"), validationFraction: 0.2, testFraction: 0.2, Seed).Standardize();
            var network = new IrisNet(seed: 0);
            var optimizer = new Sgd(learningRate: 0.05f, momentum: 0.9f);
            new MiniBatchTrainer(batchSize: 8, Seed).Train(network, split, optimizer, Epochs, report =>
            {
                if (report.Epoch % 10 == 0 || report.Epoch == 1) ConsoleReport.Epoch(report, Epochs);
            });
            ConsoleReport.TestAccuracy(Accuracy.Of(network, split.Test));
            return 0;
        }
    }
}
