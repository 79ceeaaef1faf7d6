using System;
using System.Collections.Generic;
using NnGen.Internal;

namespace NnGen.Training
{
    /// <summary>
    /// A deterministic split of a data set into training, validation and test parts: the samples are shuffled by a
    /// <see cref="SeededRandom"/> of the given seed (one seed, one split, on every machine), then the validation
    /// part is taken first, the test part next, and the rest is the training part. The three parts are disjoint
    /// and together hold every sample once. Each part keeps the shuffled order.
    /// </summary>
    /// <remarks>
    /// Stratified splits keep each class's share (by <see cref="Dataset.Label"/>) in every part: the shuffled
    /// samples of class c, numbered j = 0 .. m_c - 1, are ordered by (j + 0.5) / m_c (ties by shuffled position)
    /// before the parts are taken, so any part of k samples holds within one or two of k * m_c / n samples of
    /// class c, and the part sizes are exactly those asked for.
    /// </remarks>
    public sealed class DataSplit
    {
        private DataSplit(Dataset data, int[] train, int[] validation, int[] test)
        {
            TrainIndices = Array.AsReadOnly(train);
            ValidationIndices = Array.AsReadOnly(validation);
            TestIndices = Array.AsReadOnly(test);
            Train = data.Subset(train);
            Validation = data.Subset(validation);
            Test = data.Subset(test);
        }

        /// <summary>The training part (copied rows).</summary>
        public Dataset Train { get; }

        /// <summary>The validation part (copied rows); empty when none was asked for.</summary>
        public Dataset Validation { get; }

        /// <summary>The test part (copied rows); empty when none was asked for.</summary>
        public Dataset Test { get; }

        /// <summary>The indices into the original data set of <see cref="Train"/>'s rows, in its order.</summary>
        public IReadOnlyList<int> TrainIndices { get; }

        /// <summary>The indices into the original data set of <see cref="Validation"/>'s rows, in its order.</summary>
        public IReadOnlyList<int> ValidationIndices { get; }

        /// <summary>The indices into the original data set of <see cref="Test"/>'s rows, in its order.</summary>
        public IReadOnlyList<int> TestIndices { get; }

        /// <summary>
        /// Splits by fractions of <paramref name="data"/>.Count: the validation part gets
        /// round(validationFraction * n) samples and the validation and test parts together
        /// round((validationFraction + testFraction) * n) (rounding half away from zero); the training part gets the rest.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1] or they sum to more than 1.</exception>
        public static DataSplit ByFractions(Dataset data, double validationFraction, double testFraction, long seed, bool stratify = false)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (!(validationFraction >= 0.0 && validationFraction <= 1.0))
                throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in [0, 1].");
            if (!(testFraction >= 0.0 && testFraction <= 1.0))
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in [0, 1].");
            if (validationFraction + testFraction > 1.0 + 1e-9)
                throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"The validation and test fractions sum to {validationFraction + testFraction}, more than 1.");
            int n = data.Count;
            int validation = (int)Math.Round(validationFraction * n, MidpointRounding.AwayFromZero);
            int held = Math.Min(n, (int)Math.Round((validationFraction + testFraction) * n, MidpointRounding.AwayFromZero));
            return Create(data, validation, held - validation, seed, stratify);
        }

        /// <summary>Splits into exactly <paramref name="validationCount"/> validation and <paramref name="testCount"/> test samples; the training part gets the rest.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative or they sum to more than <paramref name="data"/>.Count.</exception>
        public static DataSplit ByCounts(Dataset data, int validationCount, int testCount, long seed, bool stratify = false)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (validationCount < 0) throw new ArgumentOutOfRangeException(nameof(validationCount), validationCount, "The validation count must be >= 0.");
            if (testCount < 0) throw new ArgumentOutOfRangeException(nameof(testCount), testCount, "The test count must be >= 0.");
            if ((long)validationCount + testCount > data.Count)
                throw new ArgumentOutOfRangeException(nameof(testCount), testCount, $"{validationCount} validation and {testCount} test samples are more than the data set's {data.Count}.");
            return Create(data, validationCount, testCount, seed, stratify);
        }

        private static DataSplit Create(Dataset data, int validationCount, int testCount, long seed, bool stratify)
        {
            int n = data.Count;
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            new SeededRandom(seed).Shuffle<int>(order);
            var shuffledPosition = new int[n];
            for (int i = 0; i < n; i++) shuffledPosition[order[i]] = i;
            if (stratify) StratifiedOrder(data, order);

            int[] validation = order.AsSpan(0, validationCount).ToArray();
            int[] test = order.AsSpan(validationCount, testCount).ToArray();
            int[] train = order.AsSpan(validationCount + testCount).ToArray();
            if (stratify)
            {
                // back to shuffled order inside each part, so that no part is ordered by class
                Comparison<int> byShuffle = (a, b) => shuffledPosition[a].CompareTo(shuffledPosition[b]);
                Array.Sort(validation, byShuffle);
                Array.Sort(test, byShuffle);
                Array.Sort(train, byShuffle);
            }
            return new DataSplit(data, train, validation, test);
        }

        /// <summary>Reorders the shuffled indices so that every prefix holds each class in proportion.</summary>
        private static void StratifiedOrder(Dataset data, int[] order)
        {
            int n = order.Length;
            var labels = new int[n];
            int classes = 0;
            for (int i = 0; i < n; i++)
            {
                labels[i] = data.Label(order[i]);
                classes = Math.Max(classes, labels[i] + 1);
            }
            var sizes = new int[classes];
            foreach (int label in labels) sizes[label]++;
            var seen = new int[classes];
            var keys = new double[n];
            var positions = new int[n];
            for (int i = 0; i < n; i++)
            {
                int c = labels[i];
                keys[i] = (seen[c]++ + 0.5) / sizes[c];
                positions[i] = i;
            }
            Array.Sort(positions, (a, b) =>
            {
                int byKey = keys[a].CompareTo(keys[b]);
                return byKey != 0 ? byKey : a.CompareTo(b);
            });
            var reordered = new int[n];
            for (int i = 0; i < n; i++) reordered[i] = order[positions[i]];
            reordered.CopyTo(order, 0);
        }
    }
}
