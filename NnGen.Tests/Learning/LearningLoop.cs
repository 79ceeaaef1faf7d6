using System;

namespace NnGen.Tests.Learning
{
    /// <summary>The learning tests' training loop and accuracy, over any generated network through <see cref="INetwork"/>.</summary>
    internal static class LearningLoop
    {
        /// <summary>
        /// Trains for <paramref name="epochs"/> epochs: each epoch shuffles the rows with <paramref name="random"/> and takes one
        /// optimizer step per batch of <paramref name="batchSize"/> (the last may be smaller). Returns the last epoch's mean loss.
        /// </summary>
        public static double Train(INetwork network, float[] inputs, float[] targets, IOptimizer optimizer, int epochs, int batchSize, SeededRandom random)
        {
            int inputSize = network.InputSize, outputSize = network.OutputSize, count = inputs.Length / inputSize;
            var order = new int[count];
            var batchInputs = new float[batchSize * inputSize];
            var batchTargets = new float[batchSize * outputSize];
            double epochLoss = double.NaN;
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                for (int i = 0; i < count; i++) order[i] = i;
                random.Shuffle<int>(order);
                double total = 0;
                for (int start = 0; start < count; start += batchSize)
                {
                    int n = Math.Min(batchSize, count - start);
                    for (int j = 0; j < n; j++)
                    {
                        Array.Copy(inputs, order[start + j] * inputSize, batchInputs, j * inputSize, inputSize);
                        Array.Copy(targets, order[start + j] * outputSize, batchTargets, j * outputSize, outputSize);
                    }
                    total += n * (double)network.TrainStep(batchInputs.AsSpan(0, n * inputSize), batchTargets.AsSpan(0, n * outputSize), optimizer);
                }
                epochLoss = total / count;
            }
            return epochLoss;
        }

        public static double Train(INetwork network, LabelledRows data, IOptimizer optimizer, int epochs, int batchSize, SeededRandom random)
            => Train(network, data.Features, data.Targets(network.OutputSize), optimizer, epochs, batchSize, random);

        /// <summary>The predicted classes: argmax of each softmax row (first maximum), or probability >= 0.5 for one sigmoid output.</summary>
        public static int[] PredictClasses(INetwork network, float[] inputs)
        {
            int outputSize = network.OutputSize, count = inputs.Length / network.InputSize;
            var outputs = new float[count * outputSize];
            network.Predict(inputs, outputs);
            var classes = new int[count];
            for (int r = 0; r < count; r++)
            {
                ReadOnlySpan<float> row = outputs.AsSpan(r * outputSize, outputSize);
                if (outputSize == 1)
                {
                    classes[r] = row[0] >= 0.5f ? 1 : 0;
                    continue;
                }
                int best = 0;
                for (int k = 1; k < outputSize; k++)
                    if (row[k] > row[best]) best = k;
                classes[r] = best;
            }
            return classes;
        }

        /// <summary>The fraction of rows of <paramref name="data"/> classified correctly.</summary>
        public static double Accuracy(INetwork network, LabelledRows data)
        {
            int[] predicted = PredictClasses(network, data.Features);
            int correct = 0;
            for (int r = 0; r < data.Count; r++)
                if (predicted[r] == data.Labels[r]) correct++;
            return (double)correct / data.Count;
        }
    }
}
