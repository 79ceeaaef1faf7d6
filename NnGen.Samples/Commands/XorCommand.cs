using System;
using NnGen.Samples.Training;

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
            int[] labels = [0, 1, 1, 0];

            var network = new XorNet(seed: 0);
            var optimizer = new Sgd(learningRate: 0.5f, momentum: 0.9f);
            var trainer = new MiniBatchTrainer(batchSize: 4, seed: 0);
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                double loss = trainer.TrainEpoch(network, inputs, targets, optimizer);
                if (epoch % 100 == 0 || epoch == 1) Console.WriteLine(ConsoleReport.Invariant($"epoch {epoch,3}  loss {loss:F5}"));
            }

            var outputs = new float[4];
            network.Predict(inputs, outputs);
            for (int i = 0; i < 4; i++)
                Console.WriteLine(ConsoleReport.Invariant($"{inputs[2 * i]} xor {inputs[2 * i + 1]} -> {outputs[i]:F4} (class {Accuracy.PredictedClass(outputs.AsSpan(i, 1))}, expected {labels[i]})"));
            Console.WriteLine(ConsoleReport.Invariant($"final loss: {network.ComputeLoss(inputs, targets):F5}"));
            Console.WriteLine($"accuracy: {ConsoleReport.Percent(Accuracy.Of(outputs, 1, labels))} %");
            return 0;
        }
    }
}
