using System;

namespace NnGen
{
    /// <summary>
    /// What every generated network offers, so that code such as a training loop can work on any of them
    /// without reflection. Batches are row-major: n samples of <see cref="InputSize"/> floats each.
    /// </summary>
    public interface INetwork
    {
        /// <summary>The number of input features of one sample.</summary>
        int InputSize { get; }

        /// <summary>The number of outputs of one sample.</summary>
        int OutputSize { get; }

        /// <summary>The number of trainable parameters.</summary>
        int ParameterCount { get; }

        /// <summary>The trainable parameters: per layer, W as [units][fanIn] row-major, then b[units].</summary>
        float[] Parameters { get; }

        /// <summary>
        /// Non-trainable state saved with the model, such as BatchNorm's running statistics; empty when the network
        /// has none. Training calls update it; inference calls only read it.
        /// </summary>
        float[] State { get; }

        /// <summary>The gradient of the last <see cref="ComputeGradients"/> batch loss, in the layout of <see cref="Parameters"/>.</summary>
        float[] Gradients { get; }

        /// <summary>Writes the activated outputs (probabilities after Softmax or Sigmoid) of a batch.</summary>
        void Predict(ReadOnlySpan<float> inputs, Span<float> outputs);

        /// <summary>Returns the loss of a batch (a mean, as the network's <see cref="Loss"/> defines it).</summary>
        float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

        /// <summary>Returns the loss of a batch and overwrites <see cref="Gradients"/> with its gradient.</summary>
        float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

        /// <summary><see cref="ComputeGradients"/>, then one step of <paramref name="optimizer"/>; returns the loss before the step.</summary>
        float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, IOptimizer optimizer);

        /// <summary>Writes the parameters and state as a model file (the format <see cref="Internal.ModelFile"/> describes).</summary>
        void Save(System.IO.Stream stream);

        /// <summary>
        /// Replaces the parameters and state with those of a model file of this network. The whole file is checked
        /// first: on a <see cref="ModelFileException"/> the network is unchanged.
        /// </summary>
        void LoadFrom(System.IO.Stream stream);
    }
}
