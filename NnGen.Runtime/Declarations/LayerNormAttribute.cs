using System;

namespace NnGen
{
    /// <summary>
    /// Layer normalization of the values before it, per sample over its features, then an optional activation.
    /// Equals <c>torch.nn.LayerNorm(features, eps)</c> with its trainable gamma (1) and beta (0); the same in
    /// training and inference.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LayerNormAttribute : Attribute
    {
        /// <summary>Declares layer normalization followed by <paramref name="activation"/>.</summary>
        public LayerNormAttribute(Activation activation = Activation.Identity) => Activation = activation;

        /// <summary>The activation applied after the normalization.</summary>
        public Activation Activation { get; }

        /// <summary>Added to the variance before its square root (PyTorch's default 1e-5).</summary>
        public float Epsilon { get; set; } = 1e-5f;

        /// <summary>LeakyReLU's negative slope (default 0.01) or ELU's alpha (default 1.0).</summary>
        public float Alpha { get; set; } = float.NaN;
    }
}
