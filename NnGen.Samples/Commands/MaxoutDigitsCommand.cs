using System;
using System.Diagnostics;
using NnGen.Samples.DataSets;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// Trains <see cref="MaxoutDigitsNet"/> (a [Maxout(64, 2)] hidden layer) on the 1,797 8x8 digits: pixels / 16, the
    /// digits command's stratified 70/10/20 split, Adam in mini-batches of 32 with the learning rate annealed by a cosine,
    /// early stopping on the validation loss (keeping the best epoch's weights); then the test accuracy.
    /// </summary>
    internal static class MaxoutDigitsCommand
    {
        public const int Epochs = 40;
        private const float LearningRate = 2e-3f;
        private const int Seed = 1;

        public static int Run()
        {
            Dataset digits = FeatureScaling.Scale(CsvDataLoader.LoadEmbedded("digits.csv.gz", MaxoutDigitsNet.OutputSize), 1f / 16f);
            DataSplit split = DataSplit.ByFractions(digits, validationFraction: 0.1, testFraction: 0.2, Seed, stratify: true);
            Console.WriteLine(ConsoleReport.Invariant(
                $"maxout digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test rows; 64 -> 64 (Maxout of 2) -> 10 (Softmax), {MaxoutDigitsNet.ParameterCount} parameters"));

            var network = new MaxoutDigitsNet(Seed);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 32,
                Seed = Seed,
                Schedule = new CosineDecay(LearningRate, Epochs),
                EarlyStopping = new EarlyStopping(Patience: 10),
                Progress = report => { if (report.Epoch % 5 == 4 || report.Epoch == 0) ConsoleReport.Epoch(report, Epochs); },
            });
            var watch = Stopwatch.StartNew();
            ConsoleReport.Outcome(trainer.Train(network, new Adam(LearningRate), split.Train, split.Validation), watch);
            ConsoleReport.TestAccuracy(Trainer.Evaluate(network, split.Test).Accuracy);
            return 0;
        }
    }
}
