using System;

namespace NnGen.Samples.DataSets
{
    /// <summary>Per-feature standardization, (x - mean) / standard deviation, with statistics fitted on one data set.</summary>
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
        public static Standardizer Fit(DataSet data)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (data.Count == 0) throw new ArgumentException("Cannot fit a standardizer on no rows.", nameof(data));
            int d = data.FeatureCount;
            var mean = new double[d];
            var deviation = new double[d];
            for (int i = 0; i < data.Features.Length; i++) mean[i % d] += data.Features[i];
            for (int f = 0; f < d; f++) mean[f] /= data.Count;
            for (int i = 0; i < data.Features.Length; i++)
            {
                double centred = data.Features[i] - mean[i % d];
                deviation[i % d] += centred * centred;
            }
            for (int f = 0; f < d; f++)
            {
                deviation[f] = Math.Sqrt(deviation[f] / data.Count);
                if (deviation[f] == 0) deviation[f] = 1;
            }
            return new Standardizer(mean, deviation);
        }

        /// <summary><paramref name="data"/> standardized with the fitted statistics, as a new data set.</summary>
        public DataSet Apply(DataSet data)
        {
            ArgumentNullException.ThrowIfNull(data);
            int d = data.FeatureCount;
            if (d != _mean.Length) throw new ArgumentException($"The standardizer was fitted on {_mean.Length} features, not {d}.", nameof(data));
            var features = new float[data.Features.Length];
            for (int i = 0; i < features.Length; i++)
                features[i] = (float)((data.Features[i] - _mean[i % d]) / _deviation[i % d]);
            return new DataSet(features, (int[])data.Labels.Clone(), d, data.ClassCount);
        }
    }
}
