using System;
using System.Diagnostics;
using NnGen.Samples.DataSets;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// Breast cancer (Wisconsin): a stratified 55/15/30 split, features standardized with the training rows'
    /// statistics, one sigmoid output with binary cross-entropy, Adam with the learning rate annealed by a cosine and
    /// early stopping on the validation loss (keeping the best epoch's weights).
    /// </summary>
    /// <remarks>
    /// One seed drives the split, the initialization and the batch order. The test part is 30 % (171 rows) rather
    /// than 20 % so that one split's luck moves the accuracy less: over seeds 1 to 200 it ranged from 94.2 % to
    /// 99.4 % (mean 97.2 %), below 95 % for 4 of the 200 splits.
    /// </remarks>
    internal static class BreastCancerCommand
    {
        public const int Epochs = 100;
        private const int Seed = 1;
        private const float LearningRate = 1e-3f;

        public static int Run()
        {
            DataSplit split = DataSplit.ByFractions(CsvDataLoader.LoadEmbedded("breast_cancer.csv", BreastCancerNet.OutputSize), validationFraction: 0.15, testFraction: 0.3, Seed, stratify: true);
            (Dataset train, Dataset validation, Dataset test) = Standardizer.Standardize(split);
            Console.WriteLine(ConsoleReport.Invariant($"breast cancer: {train.Count} train, {validation.Count} validation, {test.Count} test rows; 30 -> 16 (ReLU) -> 1 (Sigmoid), {BreastCancerNet.ParameterCount} parameters"));

            var network = new BreastCancerNet(Seed);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 16,
                Seed = Seed,
                Schedule = new CosineDecay(LearningRate, Epochs),
                EarlyStopping = new EarlyStopping(Patience: 10),
                Progress = report => { if (report.Epoch % 5 == 4 || report.Epoch == 0) ConsoleReport.Epoch(report, Epochs); },
            });
            var watch = Stopwatch.StartNew();
            ConsoleReport.Outcome(trainer.Train(network, new Adam(LearningRate), train, validation), watch);
            ConsoleReport.TestAccuracy(Trainer.Evaluate(network, test).Accuracy);
            return 0;
        }
    }
}
