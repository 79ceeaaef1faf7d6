using System;
using System.ComponentModel;

namespace NnGen.Internal
{
    /// <summary>
    /// Fills a layer's weights as its <see cref="Init"/> says. Generated constructors call it layer by layer,
    /// in declaration order, from one <see cref="SeededRandom"/>; biases are left at 0.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class WeightInitializer
    {
        /// <summary>Fills <paramref name="weights"/> (length fanIn * fanOut) for a layer of the given fan-in and fan-out.</summary>
        public static void Fill(Span<float> weights, Init init, int fanIn, int fanOut, float scale, SeededRandom random)
        {
            switch (init)
            {
                case Init.Zeros: weights.Clear(); break;
                case Init.Ones: weights.Fill(1f); break;
                case Init.Constant: weights.Fill(scale); break;
                case Init.Uniform: FillUniform(weights, scale, random); break;
                case Init.Normal: FillNormal(weights, scale, random); break;
                case Init.LeCunUniform: FillUniform(weights, Math.Sqrt(3.0 / fanIn), random); break;
                case Init.LeCunNormal: FillNormal(weights, Math.Sqrt(1.0 / fanIn), random); break;
                case Init.GlorotUniform: FillUniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random); break;
                case Init.GlorotNormal: FillNormal(weights, Math.Sqrt(2.0 / (fanIn + fanOut)), random); break;
                case Init.HeUniform: FillUniform(weights, Math.Sqrt(6.0 / fanIn), random); break;
                case Init.HeNormal: FillNormal(weights, Math.Sqrt(2.0 / fanIn), random); break;
                default: throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initializer.");
            }
        }

        private static void FillUniform(Span<float> weights, double limit, SeededRandom random)
        {
            for (int i = 0; i < weights.Length; i++)
                weights[i] = (float)(limit * (2.0 * random.NextDouble() - 1.0));
        }

        private static void FillNormal(Span<float> weights, double deviation, SeededRandom random)
        {
            for (int i = 0; i < weights.Length; i++)
                weights[i] = (float)(deviation * random.NextNormal());
        }
    }
}
