using System;

namespace NnGen.Samples.DataSets
{
    /// <summary>
    /// A labelled data set held in memory: <see cref="Count"/> rows of <see cref="FeatureCount"/> features
    /// (row-major, the batch layout of a network) and one integer class label per row.
    /// </summary>
    public sealed class DataSet
    {
        public DataSet(float[] features, int[] labels, int featureCount, int classCount)
        {
            ArgumentNullException.ThrowIfNull(features);
            ArgumentNullException.ThrowIfNull(labels);
            if (featureCount <= 0) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "A data set needs at least one feature.");
            if (features.Length != labels.Length * featureCount)
                throw new ArgumentException($"Expected {labels.Length} rows * {featureCount} features = {labels.Length * featureCount} values but got {features.Length}.", nameof(features));
            foreach (int label in labels)
                if (label < 0 || label >= classCount)
                    throw new ArgumentException($"Label {label} is outside [0, {classCount}).", nameof(labels));
            Features = features;
            Labels = labels;
            FeatureCount = featureCount;
            ClassCount = classCount;
        }

        /// <summary>The features, row-major: row r is <c>Features[r * FeatureCount .. (r + 1) * FeatureCount)</c>.</summary>
        public float[] Features { get; }

        /// <summary>The class label of each row, in [0, <see cref="ClassCount"/>).</summary>
        public int[] Labels { get; }

        public int FeatureCount { get; }

        public int ClassCount { get; }

        public int Count => Labels.Length;

        /// <summary>The features of one row.</summary>
        public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

        /// <summary>The rows at <paramref name="indices"/>, in that order, as a new data set.</summary>
        public DataSet Select(ReadOnlySpan<int> indices)
        {
            var features = new float[indices.Length * FeatureCount];
            var labels = new int[indices.Length];
            for (int r = 0; r < indices.Length; r++)
            {
                Row(indices[r]).CopyTo(features.AsSpan(r * FeatureCount, FeatureCount));
                labels[r] = Labels[indices[r]];
            }
            return new DataSet(features, labels, FeatureCount, ClassCount);
        }

        /// <summary>Rows [start, start + count) as a new data set.</summary>
        public DataSet Rows(int start, int count)
        {
            if (start < 0 || count < 0 || start + count > Count)
                throw new ArgumentOutOfRangeException(nameof(count), $"Rows [{start}, {start + count}) are outside the {Count} rows of the data set.");
            var indices = new int[count];
            for (int r = 0; r < count; r++) indices[r] = start + r;
            return Select(indices);
        }

        /// <summary>Every feature multiplied by <paramref name="factor"/> (for example 1/16 for the digits' pixels), as a new data set.</summary>
        public DataSet Scale(float factor)
        {
            var features = (float[])Features.Clone();
            for (int i = 0; i < features.Length; i++) features[i] *= factor;
            return new DataSet(features, (int[])Labels.Clone(), FeatureCount, ClassCount);
        }

        /// <summary>
        /// The training targets for a network with <paramref name="outputSize"/> outputs: one-hot rows of
        /// <see cref="ClassCount"/> values, or for a single sigmoid output the label itself (0 or 1).
        /// </summary>
        public float[] Targets(int outputSize)
        {
            if (outputSize == 1)
            {
                if (ClassCount > 2) throw new InvalidOperationException($"One output can only hold a binary label, but this data set has {ClassCount} classes.");
                var binary = new float[Count];
                for (int r = 0; r < Count; r++) binary[r] = Labels[r];
                return binary;
            }
            if (outputSize != ClassCount)
                throw new ArgumentException($"One-hot targets need one output per class ({ClassCount}) but the network has {outputSize}.", nameof(outputSize));
            var oneHot = new float[Count * ClassCount];
            for (int r = 0; r < Count; r++) oneHot[r * ClassCount + Labels[r]] = 1f;
            return oneHot;
        }
    }
}
