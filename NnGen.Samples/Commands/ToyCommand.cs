using System;
using NnGen.Samples.DataSets;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// The 16-point toy set (label = third feature): rows 0-7 train, 8-11 validate, 12-15 test; the single
    /// 4 -> 2 softmax layer trained by plain SGD at learning rate 0.01 in batches of 4. With 8 training rows
    /// that is 2 steps per epoch, and the training rows also correlate with features other than the third, so
    /// how soon validation and test reach 100 % depends on the initialization: 110 epochs for seed 0, over
    /// 1,000 for many seeds. 2,000 epochs take a few milliseconds.
    /// </summary>
    internal static class ToyCommand
    {
        public const int Epochs = 2000;

        public static int Run()
        {
            Dataset data = CsvDataLoader.LoadEmbedded("toy16.csv", ToyNet.OutputSize);
            Dataset train = data.Slice(0, 8), validation = data.Slice(8, 4), test = data.Slice(12, 4);
            var network = new ToyNet(seed: 0);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 4,
                Seed = 0,
                Progress = report => { if (report.Epoch % 100 == 99 || report.Epoch == 0) ConsoleReport.Epoch(report, Epochs); },
            });
            trainer.Train(network, new Sgd(learningRate: 0.01f), train, validation);
            ConsoleReport.TestAccuracy(Trainer.Evaluate(network, test).Accuracy);
            return 0;
        }
    }
}
