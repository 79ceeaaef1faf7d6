using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using NnGen.Training;

namespace NnGen.Tests.Learning;

/// <summary>
/// Reads the data sets NnGen.Tests copies from NnGen.Samples/Data into its output folder (Data/ under
/// <see cref="AppContext.BaseDirectory"/>) as runtime <see cref="Dataset"/>s: comma-separated numbers, last
/// column an integer label, an optional header line (one with any field that is not a number: toy16's
/// <c>x0,...,label</c>, scikit-learn's <c>150,4,setosa,...</c>), gzip for <c>.gz</c>. Labels become one-hot
/// targets, or for a single output the label itself (0 or 1).
/// </summary>
internal static class LearningData
{
    public static Dataset Load(string fileName, int outputSize)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        using Stream file = File.OpenRead(path);
        using Stream text = fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(text);
        var features = new List<float>();
        var targets = new List<float>();
        int columns = -1;
        bool first = true;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            string[] fields = line.Split(',');
            bool header = first && !Array.TrueForAll(fields, field => float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            first = false;
            if (header) continue;
            if (columns < 0) columns = fields.Length;
            if (fields.Length != columns) throw new InvalidDataException($"{fileName}: a row of {fields.Length} fields among rows of {columns}.");
            for (int c = 0; c < columns - 1; c++) features.Add(float.Parse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture));
            int label = int.Parse(fields[columns - 1], NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (label < 0 || label >= Math.Max(outputSize, 2) || (outputSize == 1 && label > 1))
                throw new InvalidDataException($"{fileName}: label {label} does not fit {outputSize} output(s).");
            for (int k = 0; k < outputSize; k++) targets.Add(outputSize == 1 ? label : k == label ? 1f : 0f);
        }
        return new Dataset(features.ToArray(), targets.ToArray(), columns - 1, outputSize);
    }
}
