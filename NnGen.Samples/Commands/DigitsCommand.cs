using System;
using System.Diagnostics;
using NnGen.Samples.DataSets;
using NnGen.Samples.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// Trains <see cref="DigitsNet"/> on the 1,797 8x8 digits: pixels / 16, a stratified 70/10/20 split,
    /// SGD with momentum 0.9 in mini-batches of 32, the learning rate annealed from 0.1 by a cosine.
    /// </summary>
    internal static class DigitsCommand
    {
        public const int Epochs = 40;
        private const float LearningRate = 0.1f;
        private const long Seed = 42;

        public static int Run()
        {
            DataSet digits = CsvDataLoader.LoadEmbedded("digits.csv.gz").Scale(1f / 16f);
            DataSplit split = DataSplit.Stratified(digits, validationFraction: 0.1, testFraction: 0.2, Seed);
            Console.WriteLine(ConsoleReport.Invariant($"digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test rows; 64 -> 128 (ReLU) -> 64 (ReLU) -> 10 (Softmax), {DigitsNet.ParameterCount} parameters"));

            var network = new DigitsNet(seed: 1);
            var optimizer = new Sgd(LearningRate, momentum: 0.9f);
            var watch = Stopwatch.StartNew();
            new MiniBatchTrainer(batchSize: 32, Seed).Train(network, split, optimizer, Epochs, report =>
            {
                ConsoleReport.Epoch(report, Epochs);
                optimizer.LearningRate = CosineSchedule.LearningRate(LearningRate, report.Epoch, Epochs);
            });
            ConsoleReport.Elapsed("trained", watch);
            ConsoleReport.TestAccuracy(Accuracy.Of(network, split.Test));
            return 0;
        }
    }
}
