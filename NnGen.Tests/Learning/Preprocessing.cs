using System;
using NnGen.Training;

namespace NnGen.Tests.Learning;

/// <summary>Feature scaling for the learning tests; statistics come from the training part only.</summary>
internal static class Preprocessing
{
    /// <summary>Every feature multiplied by <paramref name="factor"/> (the digits' pixels, 0 to 16, by 1/16).</summary>
    public static Dataset Scale(Dataset data, float factor)
    {
        float[] features = data.Features.ToArray();
        for (int i = 0; i < features.Length; i++) features[i] *= factor;
        return new Dataset(features, data.Targets.ToArray(), data.InputSize, data.OutputSize);
    }

    /// <summary>
    /// The parts of <paramref name="split"/> standardized per feature, (x - mean) / population standard deviation,
    /// with the mean and deviation of the training part.
    /// </summary>
    public static (Dataset Train, Dataset Validation, Dataset Test) Standardize(DataSplit split)
    {
        int d = split.Train.InputSize, n = split.Train.Count;
        ReadOnlySpan<float> train = split.Train.Features;
        var mean = new double[d];
        var deviation = new double[d];
        for (int i = 0; i < train.Length; i++) mean[i % d] += train[i];
        for (int f = 0; f < d; f++) mean[f] /= n;
        for (int i = 0; i < train.Length; i++) deviation[i % d] += (train[i] - mean[i % d]) * (train[i] - mean[i % d]);
        for (int f = 0; f < d; f++) deviation[f] = deviation[f] > 0 ? Math.Sqrt(deviation[f] / n) : 1;

        Dataset Apply(Dataset data)
        {
            float[] features = data.Features.ToArray();
            for (int i = 0; i < features.Length; i++) features[i] = (float)((features[i] - mean[i % d]) / deviation[i % d]);
            return new Dataset(features, data.Targets.ToArray(), d, data.OutputSize);
        }

        return (Apply(split.Train), Apply(split.Validation), Apply(split.Test));
    }
}
