using System;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// The [2, 3, 1] network (sigmoid hidden, identity output, MSE) fitted to the smooth function
    /// y = sin(x0) + 0.5 tanh(x1) on points drawn uniformly from [-2, 2]^2 by a seeded generator.
    /// </summary>
    internal static class RegressionCommand
    {
        public const int Epochs = 400;
        private const int TrainCount = 256, TestCount = 128;

        public static int Run()
        {
            var random = new Random(7);
            Dataset train = Generate(random, TrainCount);
            Dataset test = Generate(random, TestCount);

            var network = new RegressionNet(seed: 0);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 16,
                Seed = 0,
                Progress = report =>
                {
                    if (report.Epoch % 50 == 49 || report.Epoch == 0)
                        Console.WriteLine(ConsoleReport.Invariant($"epoch {report.Epoch + 1,3}  train MSE {report.TrainLoss:F5}"));
                },
            });
            trainer.Train(network, new Sgd(learningRate: 0.1f, momentum: 0.9f), train);

            Console.WriteLine(ConsoleReport.Invariant($"test MSE of predicting the training mean: {MeanBaseline(train, test):F5}"));
            Console.WriteLine(ConsoleReport.Invariant($"test MSE: {network.ComputeLoss(test.Features, test.Targets):F5}"));
            return 0;
        }

        /// <summary>The target function: smooth, and within reach of three sigmoid units.</summary>
        public static float Target(float x0, float x1) => (float)(Math.Sin(x0) + 0.5 * Math.Tanh(x1));

        private static Dataset Generate(Random random, int count)
        {
            var inputs = new float[count * 2];
            var targets = new float[count];
            for (int i = 0; i < count; i++)
            {
                float x0 = (float)(4 * random.NextDouble() - 2), x1 = (float)(4 * random.NextDouble() - 2);
                inputs[2 * i] = x0;
                inputs[2 * i + 1] = x1;
                targets[i] = Target(x0, x1);
            }
            return new Dataset(inputs, targets, RegressionNet.InputSize, RegressionNet.OutputSize);
        }

        private static double MeanBaseline(Dataset train, Dataset test)
        {
            double mean = 0, error = 0;
            foreach (float t in train.Targets) mean += t;
            mean /= train.Count;
            foreach (float t in test.Targets) error += (t - mean) * (t - mean);
            return error / test.Count;
        }
    }
}
