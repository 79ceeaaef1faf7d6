using System;

namespace NnGen
{
    /// <summary>
    /// Declares a fully connected layer: z = W x + b, then the activation. Layers apply in source order.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DenseAttribute : Attribute
    {
        /// <summary>Declares a layer of <paramref name="units"/> outputs with the given activation.</summary>
        public DenseAttribute(int units, Activation activation = Activation.Identity)
        {
            Units = units;
            Activation = activation;
        }

        /// <summary>The number of outputs of the layer.</summary>
        public int Units { get; }

        /// <summary>The activation applied to z = W x + b.</summary>
        public Activation Activation { get; }

        /// <summary>This layer's weight initializer; when not set, the network's <see cref="NetworkAttribute.Init"/>.</summary>
        public Init Init { get; set; } = Init.GlorotUniform;

        /// <summary>Range of <see cref="Init.Uniform"/> or standard deviation of <see cref="Init.Normal"/> (default 0.05); the value of <see cref="Init.Constant"/> (default 0, as Keras' Constant).</summary>
        public float InitScale { get; set; } = 0.05f;

        /// <summary>LeakyReLU's negative slope (default 0.01) or ELU's alpha (default 1.0).</summary>
        public float Alpha { get; set; } = float.NaN;

        /// <summary>This layer's L1 penalty on its weights; when not set, the network's <see cref="NetworkAttribute.L1"/>.</summary>
        public float L1 { get; set; }

        /// <summary>This layer's L2 penalty on its weights; when not set, the network's <see cref="NetworkAttribute.L2"/>.</summary>
        public float L2 { get; set; }
    }
}
