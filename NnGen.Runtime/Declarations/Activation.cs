// This file is linked into NnGen.Generator as well: the generator reads attribute arguments as these enums.
namespace NnGen
{
    /// <summary>The activation function of a dense layer. Each equals the PyTorch function of the same name.</summary>
    public enum Activation
    {
        /// <summary>f(z) = z.</summary>
        Identity = 0,
        /// <summary>f(z) = 1 / (1 + exp(-z)).</summary>
        Sigmoid = 1,
        /// <summary>f(z) = tanh(z).</summary>
        Tanh = 2,
        /// <summary>f(z) = max(0, z); derivative 0 at 0.</summary>
        ReLU = 3,
        /// <summary>f(z) = z for z &gt; 0, Alpha * z otherwise (Alpha defaults to 0.01).</summary>
        LeakyReLU = 4,
        /// <summary>f(z) = z for z &gt; 0, Alpha * (exp(z) - 1) otherwise (Alpha defaults to 1.0).</summary>
        ELU = 5,
        /// <summary>Scaled ELU with PyTorch's constants (scale 1.0507009873554805, alpha 1.6732632423543772).</summary>
        SELU = 6,
        /// <summary>Softmax over the layer's units; last layer only.</summary>
        Softmax = 7,
    }
}
