using System;
using NnGen.Training;

namespace NnGen.Samples.DataSets
{
    /// <summary>Fixed rescaling of features, for data with a known range (the digits' pixels, 0 to 16).</summary>
    public static class FeatureScaling
    {
        /// <summary>Every feature of <paramref name="data"/> multiplied by <paramref name="factor"/>, as a new data set with the same targets.</summary>
        public static Dataset Scale(Dataset data, float factor)
        {
            ArgumentNullException.ThrowIfNull(data);
            float[] features = data.Features.ToArray();
            for (int i = 0; i < features.Length; i++) features[i] *= factor;
            return new Dataset(features, data.Targets.ToArray(), data.InputSize, data.OutputSize);
        }
    }
}
