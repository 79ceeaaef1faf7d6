using System;
using NnGen.Samples.DataSets;

namespace NnGen.Samples.Training
{
    /// <summary>
    /// Classification accuracy of a network's predictions: the argmax of a softmax row (the first of equal
    /// maxima), or for a single sigmoid output the class 1 when the probability is at least 0.5.
    /// </summary>
    public static class Accuracy
    {
        /// <summary>The predicted class of one row of <paramref name="outputs"/>.</summary>
        public static int PredictedClass(ReadOnlySpan<float> outputs)
        {
            if (outputs.IsEmpty) throw new ArgumentException("A prediction needs at least one output.", nameof(outputs));
            if (outputs.Length == 1) return outputs[0] >= 0.5f ? 1 : 0;
            int best = 0;
            for (int k = 1; k < outputs.Length; k++)
                if (outputs[k] > outputs[best]) best = k;
            return best;
        }

        /// <summary>The fraction in [0, 1] of rows of <paramref name="outputs"/> (row-major, <paramref name="outputSize"/> per row) whose predicted class equals the label.</summary>
        public static double Of(ReadOnlySpan<float> outputs, int outputSize, ReadOnlySpan<int> labels)
        {
            if (outputs.Length != labels.Length * outputSize)
                throw new ArgumentException($"Expected {labels.Length} rows * {outputSize} outputs = {labels.Length * outputSize} values but got {outputs.Length}.", nameof(outputs));
            if (labels.IsEmpty) return 0;
            int correct = 0;
            for (int r = 0; r < labels.Length; r++)
                if (PredictedClass(outputs.Slice(r * outputSize, outputSize)) == labels[r]) correct++;
            return (double)correct / labels.Length;
        }

        /// <summary>The accuracy of <paramref name="network"/> on <paramref name="data"/>, predicted as one batch.</summary>
        public static double Of(INetwork network, DataSet data)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(data);
            if (data.Count == 0) return 0;
            var outputs = new float[data.Count * network.OutputSize];
            network.Predict(data.Features, outputs);
            return Of(outputs, network.OutputSize, data.Labels);
        }
    }
}
