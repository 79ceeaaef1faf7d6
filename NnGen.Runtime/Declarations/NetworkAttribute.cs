using System;

namespace NnGen
{
    /// <summary>
    /// Marks a partial class as a network that NnGen compiles at build time. Declare its layers with
    /// <see cref="InputAttribute"/> and <see cref="DenseAttribute"/> on the same declaration.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>Declares a network trained on <paramref name="loss"/>.</summary>
        public NetworkAttribute(Loss loss) => Loss = loss;

        /// <summary>The loss the network is trained on.</summary>
        public Loss Loss { get; }

        /// <summary>The initializer of every layer that does not name its own (default <see cref="Init.GlorotUniform"/>).</summary>
        public Init Init { get; set; } = Init.GlorotUniform;

        /// <summary>L1 penalty on every dense layer's weights (not biases): L1 * sum |w| is added to the loss.</summary>
        public float L1 { get; set; }

        /// <summary>L2 penalty on every dense layer's weights (not biases): L2 * sum w^2 is added to the loss (Keras' convention).</summary>
        public float L2 { get; set; }
    }
}
