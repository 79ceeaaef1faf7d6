using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NnGen.Internal
{
    /// <summary>
    /// The element-wise activation functions of the CPU code, defined once: generated code calls them for every
    /// forward activation gate (unrolled and loops), and the dense kernel's fused activation calls the same ones, so a
    /// fused layer gives the bits of an unfused one. Each matches the PyTorch function of the same name.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ActivationMath
    {
        /// <summary>PyTorch's SELU scale, rounded to float.</summary>
        public const float SeluScale = 1.05070098735548049342f;

        /// <summary>PyTorch's SELU scale times its alpha (1.6732632...), rounded to float.</summary>
        public const float SeluScaleAlpha = 1.75809934084737685994f;

        /// <summary>1 / (1 + e^-z).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

        /// <summary>max(z, 0); a NaN gives 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ReLU(float z) => z > 0f ? z : 0f;

        /// <summary>z for z &gt; 0, else alpha z.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float LeakyReLU(float z, float alpha) => z > 0f ? z : alpha * z;

        /// <summary>z for z &gt; 0, else alpha (e^z - 1).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ELU(float z, float alpha) => z > 0f ? z : alpha * (MathF.Exp(z) - 1f);

        /// <summary>scale z for z &gt; 0, else scale alpha (e^z - 1), with PyTorch's constants.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SELU(float z) => z > 0f ? SeluScale * z : SeluScaleAlpha * (MathF.Exp(z) - 1f);

        /// <summary>
        /// e^x in float: the softmax gate's exponential (scalar and vector code call this one, so a sample's
        /// probabilities have the same bits alone and in a vector of samples).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Exp(float x) => MathF.Exp(x);

        /// <summary>Below this |z|, tanh(z) = z (1 - z^2 / 3) to far better than float precision (the next term is 2 z^5 / 15).</summary>
        private const float SeriesLimit = 2.44e-4f;

        /// <summary>Above this |z|, tanh(z) rounds to +-1 in float (1 - tanh(9.1) is below half an ulp of 1).</summary>
        private const float SaturationLimit = 20f;

        /// <summary>
        /// tanh(z) to within an ulp or so of float: (e^2|z| - 1) / (e^2|z| + 1) in double, where the subtraction loses
        /// at most 13 of double's 53 bits for |z| above <see cref="SeriesLimit"/>, and a two-term series below it.
        /// The C library's tanhf took 25-500 ns per call on the machine this was written on (a slow path
        /// through expm1f as training saturates the units); this is one double exp and a division.
        /// </summary>
        public static float Tanh(float z)
        {
            float a = MathF.Abs(z);
            if (a < SeriesLimit) return (float)(z * (1.0 - (double)z * z / 3.0));
            if (a > SaturationLimit) return MathF.CopySign(1f, z);
            double t = Math.Exp(2.0 * a);
            return MathF.CopySign((float)((t - 1.0) / (t + 1.0)), z);
        }

        // The same functions over a vector of samples, lane for lane the bits of the scalar ones (generated code that
        // runs its gates over Vector<float> calls these). For now each lane goes through the scalar function.

        /// <summary><see cref="Sigmoid(float)"/> of every lane.</summary>
        public static Vector<float> Sigmoid(Vector<float> z) => PerLane(z, 0f, static (v, _) => Sigmoid(v));

        /// <summary><see cref="Exp(float)"/> of every lane.</summary>
        public static Vector<float> Exp(Vector<float> x) => PerLane(x, 0f, static (v, _) => Exp(v));

        /// <summary><see cref="Tanh(float)"/> of every lane.</summary>
        public static Vector<float> Tanh(Vector<float> z) => PerLane(z, 0f, static (v, _) => Tanh(v));

        /// <summary><see cref="ReLU(float)"/> of every lane.</summary>
        public static Vector<float> ReLU(Vector<float> z) => Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<float>.Zero), z, Vector<float>.Zero);

        /// <summary><see cref="LeakyReLU(float, float)"/> of every lane.</summary>
        public static Vector<float> LeakyReLU(Vector<float> z, float alpha) => Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<float>.Zero), z, z * alpha);

        /// <summary><see cref="ELU(float, float)"/> of every lane.</summary>
        public static Vector<float> ELU(Vector<float> z, float alpha) => PerLane(z, alpha, static (v, a) => ELU(v, a));

        /// <summary><see cref="SELU(float)"/> of every lane.</summary>
        public static Vector<float> SELU(Vector<float> z) => PerLane(z, 0f, static (v, _) => SELU(v));

        private static Vector<float> PerLane(Vector<float> z, float alpha, Func<float, float, float> f)
        {
            Span<float> lanes = stackalloc float[Vector<float>.Count];
            z.CopyTo(lanes);
            for (int i = 0; i < lanes.Length; i++) lanes[i] = f(lanes[i], alpha);
            return new Vector<float>(lanes);
        }
    }
}
