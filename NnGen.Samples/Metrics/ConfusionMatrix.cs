using System;
using NnGen.Training;

namespace NnGen.Samples.Metrics
{
    /// <summary>
    /// Counts of (true class, predicted class) pairs over a data set: <c>Counts[actual, predicted]</c>. Classes are
    /// read as <see cref="Trainer.Evaluate"/> reads them: the index of the largest value, the first on ties.
    /// </summary>
    internal sealed class ConfusionMatrix
    {
        private ConfusionMatrix(int[,] counts) => Counts = counts;

        /// <summary>Rows: the true class; columns: the predicted class.</summary>
        public int[,] Counts { get; }

        public int Classes => Counts.GetLength(0);

        /// <summary>The fraction of samples on the diagonal; it equals <see cref="Evaluation.Accuracy"/> for the same data.</summary>
        public double Accuracy
        {
            get
            {
                long total = 0, correct = 0;
                for (int a = 0; a < Classes; a++)
                    for (int p = 0; p < Classes; p++)
                    {
                        total += Counts[a, p];
                        if (a == p) correct += Counts[a, p];
                    }
                return total == 0 ? 0 : (double)correct / total;
            }
        }

        /// <summary>The predictions of <paramref name="network"/> on <paramref name="data"/>, in batches of <paramref name="batchSize"/>.</summary>
        public static ConfusionMatrix Of(INetwork network, Dataset data, int batchSize = 256)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(data);
            int classes = data.OutputSize;
            if (classes < 2 || network.OutputSize != classes)
                throw new ArgumentException($"A confusion matrix needs one output per class (2 or more); the data has {classes} targets and the network {network.OutputSize} outputs.", nameof(data));
            var counts = new int[classes, classes];
            var outputs = new float[Math.Min(batchSize, data.Count) * classes];
            for (int start = 0; start < data.Count; start += batchSize)
            {
                int size = Math.Min(batchSize, data.Count - start);
                Span<float> predictions = outputs.AsSpan(0, size * classes);
                network.Predict(data.Features.Slice(start * data.InputSize, size * data.InputSize), predictions);
                for (int s = 0; s < size; s++)
                    counts[data.Label(start + s), ArgMax(predictions.Slice(s * classes, classes))]++;
            }
            return new ConfusionMatrix(counts);
        }

        private static int ArgMax(ReadOnlySpan<float> row)
        {
            int best = 0;
            for (int k = 1; k < row.Length; k++)
                if (row[k] > row[best]) best = k;
            return best;
        }
    }
}
