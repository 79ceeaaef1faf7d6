using System;
using NnGen.Samples.DataSets;
using NnGen.Samples.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>Breast cancer (Wisconsin): a stratified 60/20/20 split, standardized features, one sigmoid output.</summary>
    internal static class BreastCancerCommand
    {
        public const int Epochs = 50;
        private const long Seed = 42;

        public static int Run()
        {
            DataSplit split = DataSplit.Stratified(CsvDataLoader.LoadEmbedded("breast_cancer.csv"), validationFraction: 0.2, testFraction: 0.2, Seed).Standardize();
            var network = new BreastCancerNet(seed: 0);
            var optimizer = new Sgd(learningRate: 0.01f, momentum: 0.9f);
            new MiniBatchTrainer(batchSize: 16, Seed).Train(network, split, optimizer, Epochs, report =>
            {
                if (report.Epoch % 5 == 0 || report.Epoch == 1) ConsoleReport.Epoch(report, Epochs);
            });
            ConsoleReport.TestAccuracy(Accuracy.Of(network, split.Test));
            return 0;
        }
    }
}
