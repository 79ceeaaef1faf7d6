using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace NnGen.Tests.Learning
{
    /// <summary>A labelled data set: row-major features and one class label per row.</summary>
    internal sealed record LabelledRows(float[] Features, int[] Labels, int FeatureCount, int ClassCount)
    {
        public int Count => Labels.Length;

        /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
        public LabelledRows Select(IReadOnlyList<int> indices)
        {
            var features = new float[indices.Count * FeatureCount];
            var labels = new int[indices.Count];
            for (int r = 0; r < indices.Count; r++)
            {
                Array.Copy(Features, indices[r] * FeatureCount, features, r * FeatureCount, FeatureCount);
                labels[r] = Labels[indices[r]];
            }
            return this with { Features = features, Labels = labels };
        }

        /// <summary>Rows [start, start + count).</summary>
        public LabelledRows Range(int start, int count)
        {
            var indices = new int[count];
            for (int i = 0; i < count; i++) indices[i] = start + i;
            return Select(indices);
        }

        /// <summary>One-hot targets, or the label itself for a single output.</summary>
        public float[] Targets(int outputSize)
        {
            var targets = new float[Count * outputSize];
            for (int r = 0; r < Count; r++)
            {
                if (outputSize == 1) targets[r] = Labels[r];
                else targets[r * outputSize + Labels[r]] = 1f;
            }
            return targets;
        }

        public LabelledRows Scale(float factor)
        {
            var features = (float[])Features.Clone();
            for (int i = 0; i < features.Length; i++) features[i] *= factor;
            return this with { Features = features };
        }
    }

    /// <summary>
    /// Reads the data sets NnGen.Tests copies from NnGen.Samples/Data into its output folder: comma-separated
    /// numbers, last column an integer label, an optional non-numeric header line, gzip for <c>.gz</c>.
    /// </summary>
    internal static class LearningData
    {
        public static LabelledRows Load(string fileName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
            using Stream file = File.OpenRead(path);
            using Stream text = fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(text);
            var features = new List<float>();
            var labels = new List<int>();
            int columns = -1;
            bool first = true;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                string[] fields = line.Split(',');
                bool header = first && !float.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                first = false;
                if (header) continue;
                if (columns < 0) columns = fields.Length;
                if (fields.Length != columns) throw new InvalidDataException($"{fileName}: a row of {fields.Length} fields among rows of {columns}.");
                for (int c = 0; c < columns - 1; c++) features.Add(float.Parse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture));
                labels.Add(int.Parse(fields[columns - 1], NumberStyles.Integer, CultureInfo.InvariantCulture));
            }
            int classCount = 0;
            foreach (int label in labels) classCount = Math.Max(classCount, label + 1);
            return new LabelledRows(features.ToArray(), labels.ToArray(), columns - 1, classCount);
        }

        /// <summary>A seeded stratified split: per class, shuffle and send the first fraction to test, the rest to training.</summary>
        public static (LabelledRows Train, LabelledRows Test) StratifiedSplit(LabelledRows data, double testFraction, long seed)
        {
            var random = new SeededRandom(seed);
            var train = new List<int>();
            var test = new List<int>();
            for (int label = 0; label < data.ClassCount; label++)
            {
                var rows = new List<int>();
                for (int r = 0; r < data.Count; r++)
                    if (data.Labels[r] == label) rows.Add(r);
                int[] shuffled = rows.ToArray();
                random.Shuffle<int>(shuffled);
                int testCount = (int)Math.Round(shuffled.Length * testFraction);
                for (int i = 0; i < shuffled.Length; i++) (i < testCount ? test : train).Add(shuffled[i]);
            }
            train.Sort();
            test.Sort();
            return (data.Select(train), data.Select(test));
        }
    }
}
