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

        /// <summary>e^x to within 1 ulp (<see cref="ElementMath.Exp{TSimd, TVec}"/>): the exponential of the CPU's softmax gates.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Exp(float x) => ElementMath.Exp<ScalarLane, float>(x);

        /// <summary>1 / (1 + e^-z) to within 2 ulps (<see cref="ElementMath.Sigmoid{TSimd, TVec}"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sigmoid(float z) => ElementMath.Sigmoid<ScalarLane, float>(z);

        /// <summary>max(z, 0); a NaN gives 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ReLU(float z) => z > 0f ? z : 0f;

        /// <summary>z for z &gt; 0, else alpha z.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float LeakyReLU(float z, float alpha) => z > 0f ? z : alpha * z;

        /// <summary>z for z &gt; 0, else alpha (e^z - 1), with e^z - 1 to within 1 ulp (<see cref="ElementMath.ExpMinusOne{TSimd, TVec}"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ELU(float z, float alpha) => z > 0f ? z : alpha * ElementMath.ExpMinusOne<ScalarLane, float>(z);

        /// <summary>scale z for z &gt; 0, else scale alpha (e^z - 1), with PyTorch's constants.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float SELU(float z) => z > 0f ? SeluScale * z : SeluScaleAlpha * ElementMath.ExpMinusOne<ScalarLane, float>(z);

        /// <summary>tanh(z) to within 1 ulp (<see cref="ElementMath.Tanh{TSimd, TVec}"/>); exactly +-1 from |z| = 9.1 on.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Tanh(float z) => ElementMath.Tanh<ScalarLane, float>(z);

        // The same functions over a vector of samples, lane for lane the bits of the scalar ones (generated code that
        // runs its gates over Vector<float> calls these): the same ElementMath code over LanesVector.

        /// <summary><see cref="Exp(float)"/> of every lane.</summary>
        public static Vector<float> Exp(Vector<float> x) => ElementMath.Exp<LanesVector, Vector<float>>(x);

        /// <summary><see cref="Sigmoid(float)"/> of every lane.</summary>
        public static Vector<float> Sigmoid(Vector<float> z) => ElementMath.Sigmoid<LanesVector, Vector<float>>(z);

        /// <summary><see cref="Tanh(float)"/> of every lane.</summary>
        public static Vector<float> Tanh(Vector<float> z) => ElementMath.Tanh<LanesVector, Vector<float>>(z);

        /// <summary><see cref="ReLU(float)"/> of every lane.</summary>
        public static Vector<float> ReLU(Vector<float> z) => ElementMath.ReLU<LanesVector, Vector<float>>(z);

        /// <summary><see cref="LeakyReLU(float, float)"/> of every lane.</summary>
        public static Vector<float> LeakyReLU(Vector<float> z, float alpha) => ElementMath.LeakyReLU<LanesVector, Vector<float>>(z, alpha);

        /// <summary><see cref="ELU(float, float)"/> of every lane.</summary>
        public static Vector<float> ELU(Vector<float> z, float alpha) => ElementMath.Elu<LanesVector, Vector<float>>(z, alpha);

        /// <summary><see cref="SELU(float)"/> of every lane.</summary>
        public static Vector<float> SELU(Vector<float> z) => ElementMath.Selu<LanesVector, Vector<float>>(z);
    }
}
