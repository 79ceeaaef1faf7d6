using System;
using NnGen.Samples.Training;

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
            var random = new SeededRandom(7);
            (float[] trainInputs, float[] trainTargets) = Generate(random, TrainCount);
            (float[] testInputs, float[] testTargets) = Generate(random, TestCount);

            var network = new RegressionNet(seed: 0);
            var optimizer = new Sgd(learningRate: 0.1f, momentum: 0.9f);
            var trainer = new MiniBatchTrainer(batchSize: 16, seed: 0);
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                double loss = trainer.TrainEpoch(network, trainInputs, trainTargets, optimizer);
                if (epoch % 50 == 0 || epoch == 1) Console.WriteLine(ConsoleReport.Invariant($"epoch {epoch,3}  train MSE {loss:F5}"));
            }

            Console.WriteLine(ConsoleReport.Invariant($"test MSE of predicting the training mean: {MeanBaseline(trainTargets, testTargets):F5}"));
            Console.WriteLine(ConsoleReport.Invariant($"test MSE: {network.ComputeLoss(testInputs, testTargets):F5}"));
            return 0;
        }

        /// <summary>The target function: smooth, and within reach of three sigmoid units.</summary>
        public static float Target(float x0, float x1) => (float)(Math.Sin(x0) + 0.5 * Math.Tanh(x1));

        private static (float[] Inputs, float[] Targets) Generate(SeededRandom random, int count)
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
            return (inputs, targets);
        }

        private static double MeanBaseline(float[] trainTargets, float[] testTargets)
        {
            double mean = 0, error = 0;
            foreach (float t in trainTargets) mean += t;
            mean /= trainTargets.Length;
            foreach (float t in testTargets) error += (t - mean) * (t - mean);
            return error / testTargets.Length;
        }
    }
}
