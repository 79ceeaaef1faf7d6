using System;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>XOR learned by a 2 -> 4 (tanh) -> 1 (sigmoid) network, all four points in every batch.</summary>
    internal static class XorCommand
    {
        public const int Epochs = 500;

        public static int Run()
        {
            float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
            float[] targets = [0, 1, 1, 0];
            var data = new Dataset(inputs, targets, XorNet.InputSize, XorNet.OutputSize);

            var network = new XorNet(seed: 0);
            var trainer = new Trainer(new TrainingOptions
            {
                Epochs = Epochs,
                BatchSize = 4,
                Seed = 0,
                Progress = report =>
                {
                    if (report.Epoch % 100 == 99 || report.Epoch == 0)
                        Console.WriteLine(ConsoleReport.Invariant($"epoch {report.Epoch + 1,3}  loss {report.TrainLoss:F5}"));
                },
            });
            trainer.Train(network, new Sgd(learningRate: 0.5f, momentum: 0.9f), data);

            var outputs = new float[4];
            network.Predict(inputs, outputs);
            for (int i = 0; i < 4; i++)
                Console.WriteLine(ConsoleReport.Invariant($"{inputs[2 * i]} xor {inputs[2 * i + 1]} -> {outputs[i]:F4} (class {(outputs[i] > 0.5f ? 1 : 0)}, expected {targets[i]})"));
            Evaluation result = Trainer.Evaluate(network, data);
            Console.WriteLine(ConsoleReport.Invariant($"final loss: {result.Loss:F5}"));
            Console.WriteLine($"accuracy: {ConsoleReport.Percent(result.Accuracy)} %");
            return 0;
        }
    }
}
