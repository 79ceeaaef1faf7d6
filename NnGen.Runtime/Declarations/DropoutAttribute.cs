using System;

namespace NnGen
{
    /// <summary>
    /// Inverted dropout on the outputs of the layer before it: in training calls (ComputeGradients, TrainStep)
    /// each value is zeroed with probability <see cref="Rate"/> and the rest scaled by 1 / (1 - Rate);
    /// in Predict and ComputeLoss it is the identity. Equals <c>torch.nn.Dropout(p)</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DropoutAttribute : Attribute
    {
        /// <summary>Declares dropout with drop probability <paramref name="rate"/> in [0, 1).</summary>
        public DropoutAttribute(float rate) => Rate = rate;

        /// <summary>The probability that a value is dropped.</summary>
        public float Rate { get; }
    }
}
