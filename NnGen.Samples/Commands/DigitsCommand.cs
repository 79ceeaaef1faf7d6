using System;
using System.Diagnostics;
using NnGen.Samples.DataSets;
using NnGen.Samples.Display;
using NnGen.Samples.Plots;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// Trains <see cref="DigitsNet"/> on the 1,797 8x8 digits: pixels / 16, a stratified 70/10/20 split, Adam in
    /// mini-batches of 32 with the learning rate annealed by a cosine, early stopping on the validation loss (keeping
    /// the best epoch's weights); then saves the model, loads it back, checks the copy predicts alike and tests it, and
    /// draws the training curves and the test set's confusion matrix beside the model file.
    /// </summary>
    /// <remarks>
    /// One seed drives the split, the initialization and the batch order. Over seeds 1 to 140 the test accuracy
    /// ranged from 96.4 % to 100 % (mean 98.6 %), below 97 % once; training takes about a second.
    /// </remarks>
    internal static class DigitsCommand
    {
        public const string DefaultModelPath = "digits.nngen";
        public const int Epochs = 40;
        private const float LearningRate = 2e-3f;
        private const int Seed = 1;
        private static readonly string[] ClassNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

        public static int Run(string modelPath)
        {
            Dataset digits = FeatureScaling.Scale(CsvDataLoader.LoadEmbedded("digits.csv.gz", DigitsNet.OutputSize), 1f / 16f);
            DataSplit split = DataSplit.ByFractions(digits, validationFraction: 0.1, testFraction: 0.2, Seed, stratify: true);
            Console.WriteLine(ConsoleReport.Invariant(
                $"digits: {split.Train.Count} train, {split.Validation.Count} validation, {split.Test.Count} test rows; 64 -> 128 -> 64 (BatchNorm, ReLU) -> 10 (Softmax), {DigitsNet.ParameterCount} parameters"));

            var network = new DigitsNet(Seed);
            var curves = new TrainingCurves(network, split.Train);
            var options = new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 32,
                DropLast = true, // BatchNorm needs batches of 2 or more; dropping a short last batch guarantees it
                Seed = Seed,
                Schedule = new CosineDecay(LearningRate, Epochs),
                EarlyStopping = new EarlyStopping(Patience: 10),
                Progress = curves.Record,
            };
            var watch = Stopwatch.StartNew();
            TrainingHistory history = TrainingProgress.Run(options, o => new Trainer(o).Train(network, new Adam(LearningRate), split.Train, split.Validation));
            ConsoleReport.Outcome(history, watch);
            return ClassifierOutputs.Finish(network, network.Save, path => DigitsNet.Load(path), modelPath, split.Test, curves, history, "digits", ClassNames);
        }
    }
}
