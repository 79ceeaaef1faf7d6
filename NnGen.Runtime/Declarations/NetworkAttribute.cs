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

        /// <summary>
        /// Trained weights to build into the binary: the path of a <c>.nngen</c> model file (or, later, an <c>.onnx</c> file)
        /// listed in the project as <c>&lt;AdditionalFiles Include="..." /&gt;</c>. The compiler reads the file, checks it
        /// against this declaration and embeds its parameters and state as static data, so that <c>new N()</c> is the trained
        /// network (no file is read at run time) and <c>new N(seed)</c> a fresh initialization. The path is matched against
        /// the AdditionalFiles by its end, whole folder names at a time, with '\' and '/' alike.
        /// </summary>
        public string? Weights { get; set; }
    }
}
