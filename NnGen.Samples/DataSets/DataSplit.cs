using System;
using System.Collections.Generic;

namespace NnGen.Samples.DataSets
{
    /// <summary>A data set split into training, validation and test rows.</summary>
    public sealed record DataSplit(DataSet Train, DataSet Validation, DataSet Test)
    {
        /// <summary>Consecutive rows: the first <paramref name="trainCount"/> train, the next <paramref name="validationCount"/> validate, the rest test.</summary>
        public static DataSplit ByRows(DataSet data, int trainCount, int validationCount)
        {
            ArgumentNullException.ThrowIfNull(data);
            int testCount = data.Count - trainCount - validationCount;
            if (trainCount <= 0 || validationCount < 0 || testCount < 0)
                throw new ArgumentOutOfRangeException(nameof(validationCount), $"{trainCount} training and {validationCount} validation rows do not fit in {data.Count} rows.");
            return new DataSplit(data.Rows(0, trainCount), data.Rows(trainCount, validationCount), data.Rows(trainCount + validationCount, testCount));
        }

        /// <summary>
        /// A seeded stratified split: within each class the rows are shuffled, then a fraction of them (rounded)
        /// goes to validation and to test and the rest to training, so each part keeps the class proportions.
        /// Each part lists its rows in their original order. Same seed, same split.
        /// </summary>
        public static DataSplit Stratified(DataSet data, double validationFraction, double testFraction, long seed)
        {
            ArgumentNullException.ThrowIfNull(data);
            CheckFractions(validationFraction, testFraction);
            var random = new SeededRandom(seed);
            var train = new List<int>();
            var validation = new List<int>();
            var test = new List<int>();
            for (int label = 0; label < data.ClassCount; label++)
            {
                var rows = new List<int>();
                for (int r = 0; r < data.Count; r++)
                    if (data.Labels[r] == label) rows.Add(r);
                int[] shuffled = rows.ToArray();
                random.Shuffle<int>(shuffled);
                int testCount = (int)Math.Round(shuffled.Length * testFraction);
                int validationCount = (int)Math.Round(shuffled.Length * validationFraction);
                for (int i = 0; i < shuffled.Length; i++)
                    (i < testCount ? test : i < testCount + validationCount ? validation : train).Add(shuffled[i]);
            }
            return new DataSplit(Pick(data, train), Pick(data, validation), Pick(data, test));
        }

        /// <summary>A seeded split of all rows shuffled together (no stratification). Same seed, same split.</summary>
        public static DataSplit Shuffled(DataSet data, double validationFraction, double testFraction, long seed)
        {
            ArgumentNullException.ThrowIfNull(data);
            CheckFractions(validationFraction, testFraction);
            var order = new int[data.Count];
            for (int r = 0; r < order.Length; r++) order[r] = r;
            new SeededRandom(seed).Shuffle<int>(order);
            int testCount = (int)Math.Round(order.Length * testFraction);
            int validationCount = (int)Math.Round(order.Length * validationFraction);
            ReadOnlySpan<int> all = order;
            return new DataSplit(
                Pick(data, all[(testCount + validationCount)..].ToArray()),
                Pick(data, all.Slice(testCount, validationCount).ToArray()),
                Pick(data, all[..testCount].ToArray()));
        }

        /// <summary>
        /// Standardizes every feature with statistics of the training rows only (see <see cref="Standardizer"/>),
        /// applied alike to all three parts, so nothing of the validation or test rows leaks into training.
        /// </summary>
        public DataSplit Standardize()
        {
            Standardizer standardizer = Standardizer.Fit(Train);
            return new DataSplit(standardizer.Apply(Train), standardizer.Apply(Validation), standardizer.Apply(Test));
        }

        private static DataSet Pick(DataSet data, IEnumerable<int> rows)
        {
            var sorted = new List<int>(rows);
            sorted.Sort();
            return data.Select(sorted.ToArray());
        }

        private static void CheckFractions(double validationFraction, double testFraction)
        {
            if (!(validationFraction >= 0) || !(testFraction >= 0) || validationFraction + testFraction >= 1)
                throw new ArgumentOutOfRangeException(nameof(testFraction), $"Validation ({validationFraction}) and test ({testFraction}) fractions must be >= 0 and leave rows to train on.");
        }
    }
}
