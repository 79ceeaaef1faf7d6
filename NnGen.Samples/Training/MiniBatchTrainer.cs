using System;
using System.Collections.Generic;
using NnGen.Samples.DataSets;

namespace NnGen.Samples.Training
{
    /// <summary>The loss and accuracy after one epoch of training.</summary>
    public readonly record struct EpochReport(int Epoch, double TrainLoss, double ValidationAccuracy);

    /// <summary>
    /// Plain mini-batch training over any <see cref="INetwork"/>: each epoch shuffles the training rows with a
    /// <see cref="SeededRandom"/>, then takes one optimizer step per batch (the last batch may be smaller).
    /// Same seed, same network, same optimizer: the same parameters bit for bit.
    /// </summary>
    public sealed class MiniBatchTrainer
    {
        private readonly SeededRandom _random;
        private readonly int _batchSize;

        public MiniBatchTrainer(int batchSize, long seed)
        {
            if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be > 0.");
            _batchSize = batchSize;
            _random = new SeededRandom(seed);
        }

        /// <summary>
        /// Trains for <paramref name="epochs"/> epochs on <paramref name="split"/>'s training rows; after each
        /// epoch measures the validation accuracy and calls <paramref name="onEpoch"/> (for printing).
        /// </summary>
        public IReadOnlyList<EpochReport> Train(INetwork network, DataSplit split, IOptimizer optimizer, int epochs, Action<EpochReport>? onEpoch = null)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(split);
            float[] targets = split.Train.Targets(network.OutputSize);
            var reports = new List<EpochReport>(epochs);
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                double loss = TrainEpoch(network, split.Train.Features, targets, optimizer);
                var report = new EpochReport(epoch, loss, Accuracy.Of(network, split.Validation));
                reports.Add(report);
                onEpoch?.Invoke(report);
            }
            return reports;
        }

        /// <summary>
        /// One epoch over the rows of <paramref name="inputs"/> and <paramref name="targets"/> (row-major, the
        /// network's sizes); returns the mean training loss of the epoch, weighted by batch size.
        /// </summary>
        public double TrainEpoch(INetwork network, float[] inputs, float[] targets, IOptimizer optimizer)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(optimizer);
            int inputSize = network.InputSize, outputSize = network.OutputSize;
            int count = inputs.Length / inputSize;
            if (count == 0 || inputs.Length != count * inputSize || targets.Length != count * outputSize)
                throw new ArgumentException($"Expected n * {inputSize} inputs and n * {outputSize} targets for n >= 1 rows, got {inputs.Length} and {targets.Length}.");

            var order = new int[count];
            for (int i = 0; i < count; i++) order[i] = i;
            _random.Shuffle<int>(order);

            int batch = Math.Min(_batchSize, count);
            var batchInputs = new float[batch * inputSize];
            var batchTargets = new float[batch * outputSize];
            double total = 0;
            for (int start = 0; start < count; start += batch)
            {
                int n = Math.Min(batch, count - start);
                for (int j = 0; j < n; j++)
                {
                    int row = order[start + j];
                    inputs.AsSpan(row * inputSize, inputSize).CopyTo(batchInputs.AsSpan(j * inputSize));
                    targets.AsSpan(row * outputSize, outputSize).CopyTo(batchTargets.AsSpan(j * outputSize));
                }
                float loss = network.TrainStep(batchInputs.AsSpan(0, n * inputSize), batchTargets.AsSpan(0, n * outputSize), optimizer);
                total += (double)loss * n;
            }
            return total / count;
        }
    }
}
