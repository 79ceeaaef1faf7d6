using System;

namespace NnGen
{
    /// <summary>
    /// Additive Gaussian noise on the values before it (the inputs, when placed first): in training calls each
    /// value gets noise of mean 0 and the given standard deviation; in Predict and ComputeLoss it is the identity.
    /// Equals Keras' <c>GaussianNoise(stddev)</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GaussianNoiseAttribute : Attribute
    {
        /// <summary>Declares noise of standard deviation <paramref name="standardDeviation"/> &gt;= 0.</summary>
        public GaussianNoiseAttribute(float standardDeviation) => StandardDeviation = standardDeviation;

        /// <summary>The standard deviation of the noise.</summary>
        public float StandardDeviation { get; }
    }
}
