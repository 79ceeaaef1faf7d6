using System;

namespace NnGen
{
    /// <summary>
    /// Declares a maxout layer (Goodfellow et al. 2013): an affine map z = W x + b to <c>units * pieces</c> values,
    /// then the max over each group of <c>pieces</c> consecutive values, so unit u is
    /// <c>max(z[u * pieces], ..., z[u * pieces + pieces - 1])</c>. That is PyTorch's
    /// <c>nn.Linear(fanIn, units * pieces)(x).view(n, units, pieces).max(dim=2).values</c>.
    /// </summary>
    /// <remarks>
    /// Parameters, in the layout of <c>nn.Linear(fanIn, units * pieces)</c>: W as <c>[units * pieces][fanIn]</c>
    /// row-major (piece k of unit u is row <c>u * pieces + k</c>), then b<c>[units * pieces]</c>. The weights are
    /// initialized with fanOut = units * pieces. The max gate routes the gradient to the winning piece of each unit
    /// and 0 to the others; among equal pieces the first (lowest index) wins, as torch.max's index does. A maxout
    /// layer has no activation of its own (the max is its nonlinearity), carries no L1/L2 penalty, and cannot be the
    /// last layer: the outputs and the loss come from a [Dense] layer after it.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MaxoutAttribute : Attribute
    {
        /// <summary>Declares a layer of <paramref name="units"/> outputs, each the max of <paramref name="pieces"/> affine pieces (at least 2).</summary>
        public MaxoutAttribute(int units, int pieces)
        {
            Units = units;
            Pieces = pieces;
        }

        /// <summary>The number of outputs of the layer.</summary>
        public int Units { get; }

        /// <summary>The number of affine pieces each output is the max of.</summary>
        public int Pieces { get; }

        /// <summary>This layer's weight initializer (fanOut = units * pieces); when not set, the network's <see cref="NetworkAttribute.Init"/>.</summary>
        public Init Init { get; set; } = Init.GlorotUniform;

        /// <summary>Range of <see cref="Init.Uniform"/> or standard deviation of <see cref="Init.Normal"/> (default 0.05); the value of <see cref="Init.Constant"/>.</summary>
        public float InitScale { get; set; } = 0.05f;
    }
}
