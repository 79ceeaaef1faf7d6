using System;

namespace NnGen.Training
{
    public sealed partial class Dataset
    {
        /// <summary>
        /// A data set of class labels: one-hot target rows for <paramref name="outputSize"/> &gt; 1 (a softmax head,
        /// labels 0 .. outputSize - 1), or the label itself, 0 or 1, for a single (sigmoid) output.
        /// </summary>
        /// <param name="features">n * <paramref name="inputSize"/> floats, kept without a copy.</param>
        /// <param name="labels">n labels, one per sample.</param>
        /// <param name="inputSize">The features of one sample.</param>
        /// <param name="outputSize">The outputs of the network: the number of classes, or 1 for a binary (sigmoid) head.</param>
        /// <exception cref="ArgumentOutOfRangeException">A label does not fit the outputs, or a size is not positive.</exception>
        /// <exception cref="ArgumentException">The features are not labels.Length rows.</exception>
        public static Dataset FromLabels(float[] features, ReadOnlySpan<int> labels, int inputSize, int outputSize)
        {
            ArgumentNullException.ThrowIfNull(features);
            if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be > 0.");
            if (outputSize <= 0) throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "The output size must be > 0.");
            if (features.Length != (long)labels.Length * inputSize)
                throw new ArgumentException(
                    $"Expected features.Length to be {(long)labels.Length * inputSize} ({labels.Length} labels * input size {inputSize}), but got {features.Length}.",
                    nameof(features));
            int classes = Math.Max(outputSize, 2);
            var targets = new float[labels.Length * outputSize];
            for (int i = 0; i < labels.Length; i++)
            {
                int label = labels[i];
                if (label < 0 || label >= classes)
                    throw new ArgumentOutOfRangeException(nameof(labels), label, outputSize == 1
                        ? $"Sample {i} has label {label}, but a single output holds only the labels 0 and 1."
                        : $"Sample {i} has label {label}, but {outputSize} one-hot outputs hold only the labels 0 to {outputSize - 1}.");
                if (outputSize == 1) targets[i] = label;
                else targets[i * outputSize + label] = 1f;
            }
            return new Dataset(features, targets, inputSize, outputSize);
        }
    }
}
