using System;

namespace NnGen.Samples.DataSets
{
    /// <summary>Class labels as training targets for a network's outputs.</summary>
    public static class LabelEncoding
    {
        /// <summary>
        /// The targets of <paramref name="labels"/> for <paramref name="outputSize"/> outputs, row-major: one-hot rows
        /// (a softmax head, one output per class), or for a single sigmoid output the label itself, 0 or 1.
        /// </summary>
        /// <exception cref="ArgumentException">A label does not fit the outputs.</exception>
        public static float[] Encode(ReadOnlySpan<int> labels, int outputSize)
        {
            if (outputSize <= 0) throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "The output size must be > 0.");
            int classes = outputSize == 1 ? 2 : outputSize;
            var targets = new float[labels.Length * outputSize];
            for (int r = 0; r < labels.Length; r++)
            {
                int label = labels[r];
                if (label < 0 || label >= classes)
                    throw new ArgumentException(
                        outputSize == 1
                            ? $"Row {r} has label {label}, but one sigmoid output holds only the labels 0 and 1."
                            : $"Row {r} has label {label}, but {outputSize} one-hot outputs hold only the labels 0 to {outputSize - 1}.",
                        nameof(labels));
                if (outputSize == 1) targets[r] = label;
                else targets[r * outputSize + label] = 1f;
            }
            return targets;
        }
    }
}
