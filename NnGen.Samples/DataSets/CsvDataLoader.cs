using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using NnGen.Training;

namespace NnGen.Samples.DataSets
{
    /// <summary>
    /// Reads the embedded data sets into runtime <see cref="Dataset"/>s: comma-separated rows of numbers whose last
    /// column is an integer class label, encoded as targets by <see cref="LabelEncoding"/>. A first line with any
    /// field that is not a number is a header and is skipped (toy16's <c>x0,...,label</c>, scikit-learn's
    /// <c>150,4,setosa,...</c>). Files ending in <c>.gz</c> are gzipped.
    /// </summary>
    public static class CsvDataLoader
    {
        private const string ResourcePrefix = "NnGen.Samples.Data.";

        /// <summary>
        /// Loads the embedded file <paramref name="fileName"/> (for example <c>digits.csv.gz</c>) for a network with
        /// <paramref name="outputSize"/> outputs: one-hot targets, or the 0/1 label itself when it is 1.
        /// </summary>
        public static Dataset LoadEmbedded(string fileName, int outputSize)
        {
            Assembly assembly = typeof(CsvDataLoader).Assembly;
            using Stream stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
                ?? throw new FileNotFoundException($"No embedded data set '{fileName}' (resource '{ResourcePrefix}{fileName}').");
            return Load(stream, gzipped: fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), outputSize);
        }

        /// <summary>Parses a data set from <paramref name="stream"/> (left open); see <see cref="LoadEmbedded"/>.</summary>
        public static Dataset Load(Stream stream, bool gzipped, int outputSize)
        {
            ArgumentNullException.ThrowIfNull(stream);
            using GZipStream? gzip = gzipped ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
            using var reader = new StreamReader(gzip ?? stream, leaveOpen: true);
            var features = new List<float>();
            var labels = new List<int>();
            int columns = -1, lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                string[] fields = line.Split(',');
                if (lineNumber == 1 && !AllNumbers(fields)) continue;
                if (columns < 0)
                {
                    if (fields.Length < 2) throw new InvalidDataException($"Line {lineNumber}: expected features and a label, got {fields.Length} field(s).");
                    columns = fields.Length;
                }
                else if (fields.Length != columns)
                {
                    throw new InvalidDataException($"Line {lineNumber}: expected {columns} fields like the first row, got {fields.Length}.");
                }

                for (int c = 0; c < columns - 1; c++) features.Add(ParseFloat(fields[c], lineNumber));
                labels.Add(ParseLabel(fields[columns - 1], lineNumber));
            }
            if (labels.Count == 0) throw new InvalidDataException("The data set has no rows.");
            return new Dataset(features.ToArray(), LabelEncoding.Encode(labels.ToArray(), outputSize), columns - 1, outputSize);
        }

        private static bool AllNumbers(string[] fields)
        {
            foreach (string field in fields)
                if (!float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
            return true;
        }

        private static float ParseFloat(string field, int lineNumber)
            => float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)
                ? value
                : throw new InvalidDataException($"Line {lineNumber}: '{field}' is not a finite number.");

        private static int ParseLabel(string field, int lineNumber)
            => int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0
                ? value
                : throw new InvalidDataException($"Line {lineNumber}: the label '{field}' is not an integer >= 0.");
    }
}
