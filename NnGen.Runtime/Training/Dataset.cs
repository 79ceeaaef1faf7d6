using System;

namespace NnGen.Training
{
    /// <summary>
    /// A set of samples in the network contract's row-major layout: <see cref="Features"/> holds
    /// <see cref="Count"/> rows of <see cref="InputSize"/> floats, <see cref="Targets"/> as many rows of
    /// <see cref="OutputSize"/> floats. Row i of both belongs to sample i.
    /// </summary>
    /// <remarks>
    /// The constructor keeps the arrays it is given (no copy), so a large data set is not held twice; change them
    /// afterwards and the data set changes with them. <see cref="Slice"/> and <see cref="Subset"/> copy their rows
    /// into new arrays. An empty data set (Count 0) is allowed, so that a split may leave a part empty; training
    /// and evaluation refuse it.
    /// </remarks>
    public sealed partial class Dataset
    {
        private readonly float[] _features;
        private readonly float[] _targets;

        /// <summary>
        /// Wraps <paramref name="features"/> (n * <paramref name="inputSize"/> floats) and <paramref name="targets"/>
        /// (n * <paramref name="outputSize"/> floats) for some n &gt;= 0.
        /// </summary>
        /// <exception cref="ArgumentNullException">An array is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
        /// <exception cref="ArgumentException">The lengths do not describe the same number of whole rows.</exception>
        public Dataset(float[] features, float[] targets, int inputSize, int outputSize)
        {
            ArgumentNullException.ThrowIfNull(features);
            ArgumentNullException.ThrowIfNull(targets);
            if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be > 0.");
            if (outputSize <= 0) throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "The output size must be > 0.");
            if (features.Length % inputSize != 0)
                throw new ArgumentException(
                    $"Expected features.Length to be a multiple of the input size ({inputSize}): n * {inputSize} for n samples, but got {features.Length}.",
                    nameof(features));
            int count = features.Length / inputSize;
            long expected = (long)count * outputSize;
            if (targets.Length != expected)
                throw new ArgumentException(
                    $"Expected targets.Length to be {expected} ({count} samples * output size {outputSize}) to match features.Length {features.Length}, but got {targets.Length}.",
                    nameof(targets));
            _features = features;
            _targets = targets;
            InputSize = inputSize;
            OutputSize = outputSize;
            Count = count;
        }

        /// <summary>The number of samples.</summary>
        public int Count { get; }

        /// <summary>The number of features of one sample.</summary>
        public int InputSize { get; }

        /// <summary>The number of targets of one sample.</summary>
        public int OutputSize { get; }

        /// <summary>All features, row-major: Count * InputSize floats.</summary>
        public ReadOnlySpan<float> Features => _features;

        /// <summary>All targets, row-major: Count * OutputSize floats.</summary>
        public ReadOnlySpan<float> Targets => _targets;

        /// <summary>The features of sample <paramref name="index"/>.</summary>
        public ReadOnlySpan<float> FeatureRow(int index)
        {
            CheckIndex(index);
            return new ReadOnlySpan<float>(_features, index * InputSize, InputSize);
        }

        /// <summary>The targets of sample <paramref name="index"/>.</summary>
        public ReadOnlySpan<float> TargetRow(int index)
        {
            CheckIndex(index);
            return new ReadOnlySpan<float>(_targets, index * OutputSize, OutputSize);
        }

        /// <summary>
        /// The class of sample <paramref name="index"/> as accuracy and stratification see it: the index of the
        /// largest target (the first on ties) when OutputSize &gt; 1; when OutputSize is 1, 1 for a target
        /// &gt; 0.5 and 0 otherwise (the rule accuracy applies to predictions, as Keras' binary accuracy does).
        /// </summary>
        public int Label(int index) => LabelOf(TargetRow(index));

        /// <summary>The samples <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1, copied.</summary>
        public Dataset Slice(int start, int count)
        {
            if ((uint)start > (uint)Count) throw new ArgumentOutOfRangeException(nameof(start), start, $"The start must be in [0, {Count}].");
            if (count < 0 || count > Count - start) throw new ArgumentOutOfRangeException(nameof(count), count, $"The count must be in [0, {Count - start}] for start {start}.");
            return new Dataset(
                _features.AsSpan(start * InputSize, count * InputSize).ToArray(),
                _targets.AsSpan(start * OutputSize, count * OutputSize).ToArray(),
                InputSize, OutputSize);
        }

        /// <summary>The samples at <paramref name="indices"/>, in that order (repeats allowed), copied.</summary>
        public Dataset Subset(ReadOnlySpan<int> indices)
        {
            var features = new float[indices.Length * InputSize];
            var targets = new float[indices.Length * OutputSize];
            Gather(indices, features, targets);
            return new Dataset(features, targets, InputSize, OutputSize);
        }

        /// <summary>
        /// Copies the rows at <paramref name="indices"/>, in that order, into <paramref name="features"/>
        /// (exactly indices.Length * InputSize floats) and <paramref name="targets"/> (indices.Length * OutputSize):
        /// the mini-batch gather of the training loop. It allocates nothing.
        /// </summary>
        public void Gather(ReadOnlySpan<int> indices, Span<float> features, Span<float> targets)
        {
            if (features.Length != indices.Length * InputSize)
                throw new ArgumentException($"Expected features.Length to be {indices.Length * InputSize} ({indices.Length} rows * {InputSize}), but got {features.Length}.", nameof(features));
            if (targets.Length != indices.Length * OutputSize)
                throw new ArgumentException($"Expected targets.Length to be {indices.Length * OutputSize} ({indices.Length} rows * {OutputSize}), but got {targets.Length}.", nameof(targets));
            int inputSize = InputSize, outputSize = OutputSize;
            for (int k = 0; k < indices.Length; k++)
            {
                int row = indices[k];
                if ((uint)row >= (uint)Count)
                    throw new ArgumentOutOfRangeException(nameof(indices), row, $"Index {row} at position {k} is outside the data set's {Count} samples.");
                _features.AsSpan(row * inputSize, inputSize).CopyTo(features.Slice(k * inputSize, inputSize));
                _targets.AsSpan(row * outputSize, outputSize).CopyTo(targets.Slice(k * outputSize, outputSize));
            }
        }

        /// <summary>The class a row of targets or outputs stands for; see <see cref="Label"/>.</summary>
        internal static int LabelOf(ReadOnlySpan<float> row)
        {
            if (row.Length == 1) return row[0] > 0.5f ? 1 : 0;
            int best = 0;
            for (int k = 1; k < row.Length; k++)
                if (row[k] > row[best]) best = k;
            return best;
        }

        private void CheckIndex(int index)
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be in [0, {Count}).");
        }
    }
}
