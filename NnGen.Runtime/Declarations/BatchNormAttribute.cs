using System;

namespace NnGen
{
    /// <summary>
    /// Batch normalization of the values before it, then an optional activation:
    /// <c>[Dense(64)] [BatchNorm(Activation.ReLU)]</c> is Linear, BatchNorm1d, ReLU. In training calls it uses the
    /// batch's statistics (biased variance) and updates running statistics (unbiased variance) with
    /// <see cref="Momentum"/>; in Predict and ComputeLoss it uses the running statistics.
    /// Equals <c>torch.nn.BatchNorm1d(features, eps, momentum)</c>. Its gamma (1) and beta (0) are trainable
    /// parameters; the running mean (0) and variance (1) are non-trainable state, saved with the model.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BatchNormAttribute : Attribute
    {
        /// <summary>Declares batch normalization followed by <paramref name="activation"/>.</summary>
        public BatchNormAttribute(Activation activation = Activation.Identity) => Activation = activation;

        /// <summary>The activation applied after the normalization.</summary>
        public Activation Activation { get; }

        /// <summary>The weight of the new batch statistics in the running statistics (PyTorch's default 0.1).</summary>
        public float Momentum { get; set; } = 0.1f;

        /// <summary>Added to the variance before its square root (PyTorch's default 1e-5).</summary>
        public float Epsilon { get; set; } = 1e-5f;

        /// <summary>LeakyReLU's negative slope (default 0.01) or ELU's alpha (default 1.0).</summary>
        public float Alpha { get; set; } = float.NaN;
    }
}
