using System;
using NnGen.Training;

namespace NnGen.Samples.DataSets
{
    /// <summary>
    /// Per-feature standardization, (x - mean) / standard deviation, with statistics fitted on one data set: fit it
    /// on the training part only and apply it to every part, so nothing of the validation or test rows leaks into training.
    /// </summary>
    public sealed class Standardizer
    {
        private readonly double[] _mean;
        private readonly double[] _deviation;

        private Standardizer(double[] mean, double[] deviation)
        {
            _mean = mean;
            _deviation = deviation;
        }

        /// <summary>The mean and population standard deviation of each feature of <paramref name="data"/>; a constant feature keeps deviation 1.</summary>
        public static Standardizer Fit(Dataset data)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (data.Count == 0) throw new ArgumentException("Cannot fit a standardizer on no rows.", nameof(data));
            int d = data.InputSize;
            ReadOnlySpan<float> features = data.Features;
            var mean = new double[d];
            var deviation = new double[d];
            for (int i = 0; i < features.Length; i++) mean[i % d] += features[i];
            for (int f = 0; f < d; f++) mean[f] /= data.Count;
            for (int i = 0; i < features.Length; i++)
            {
                double centred = features[i] - mean[i % d];
                deviation[i % d] += centred * centred;
            }
            for (int f = 0; f < d; f++)
            {
                deviation[f] = Math.Sqrt(deviation[f] / data.Count);
                if (deviation[f] == 0) deviation[f] = 1;
            }
            return new Standardizer(mean, deviation);
        }

        /// <summary>The three parts of <paramref name="split"/> standardized with statistics fitted on its training part alone.</summary>
        public static (Dataset Train, Dataset Validation, Dataset Test) Standardize(DataSplit split)
        {
            ArgumentNullException.ThrowIfNull(split);
            Standardizer standardizer = Fit(split.Train);
            return (standardizer.Apply(split.Train), standardizer.Apply(split.Validation), standardizer.Apply(split.Test));
        }

        /// <summary><paramref name="data"/> standardized with the fitted statistics, as a new data set with the same targets.</summary>
        public Dataset Apply(Dataset data)
        {
            ArgumentNullException.ThrowIfNull(data);
            int d = data.InputSize;
            if (d != _mean.Length) throw new ArgumentException($"The standardizer was fitted on {_mean.Length} features, not {d}.", nameof(data));
            ReadOnlySpan<float> source = data.Features;
            var features = new float[source.Length];
            for (int i = 0; i < features.Length; i++)
                features[i] = (float)((source[i] - _mean[i % d]) / _deviation[i % d]);
            return new Dataset(features, data.Targets.ToArray(), d, data.OutputSize);
        }
    }
}
