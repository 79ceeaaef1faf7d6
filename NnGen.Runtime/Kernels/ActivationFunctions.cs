using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnGen.Internal
{
    /// <summary>
    /// The element-wise activations over a run of floats, chosen at run time: the dense forward kernel's fused
    /// activation and the generated loops' own activation pass (and their softmax, <see cref="Softmax"/>). The activation is chosen once per run, then whole
    /// vectors of the widest width this machine runs in registers (<see cref="Simd.Width"/>), then a scalar tail,
    /// all through <see cref="ElementMath"/>, so every element gets the bits of <see cref="ActivationMath"/>'s
    /// scalar function (a fused layer gives the bits of an unfused one, and a sample alone those of its batch row).
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe class ActivationFunctions
    {
        /// <summary>Whether <paramref name="activation"/> works element by element (not softmax).</summary>
        public static bool IsElementWise(Activation activation) => activation is >= Activation.Identity and <= Activation.SELU;

        /// <summary>a[i] = f(z[i]) for every i of <paramref name="z"/> (<paramref name="alpha"/> for LeakyReLU and ELU); z and a may be the same span.</summary>
        public static void Apply(Activation activation, float alpha, ReadOnlySpan<float> z, Span<float> a)
        {
            if (a.Length < z.Length) throw new ArgumentException($"The activated span is shorter than the pre-activations: {a.Length} of {z.Length}.", nameof(a));
            if (!IsElementWise(activation)) throw new ArgumentException($"{activation} is not an element-wise activation.", nameof(activation));
            fixed (float* pz = z, pa = a) Apply(activation, alpha, pz, pa, z.Length);
        }

        /// <summary>
        /// Softmax over each of the <paramref name="rows"/> rows of <paramref name="units"/> floats of z into a, shifted
        /// by the row maximum so that no exponential overflows: the row maxima and the shifted values row by row, then
        /// the exponentials vectorized over the whole batch, then each row's sum (in the order of its elements) and
        /// the divisions. The same operations in the same order as the generated unrolled softmax gate (which calls
        /// <see cref="ActivationMath.Exp(float)"/>), so every element has its bits.
        /// </summary>
        public static void Softmax(ReadOnlySpan<float> z, Span<float> a, int rows, int units)
        {
            if (rows < 0 || units < 1 || z.Length < rows * units || a.Length < rows * units)
                throw new ArgumentException($"A softmax got spans shorter than its sizes: {z.Length} and {a.Length} of {rows} x {units}.");
            fixed (float* pz = z, pa = a)
            {
                for (int s = 0; s < rows; s++)
                {
                    float* zs = pz + s * units, @as = pa + s * units;
                    float max = zs[0];
                    for (int k = 1; k < units; k++) max = MathF.Max(max, zs[k]);
                    for (int k = 0; k < units; k++) @as[k] = zs[k] - max;
                }
                int count = rows * units;
                switch (Simd.Width)
                {
                    case 512: Map<ExpOf, Lanes512, Vector512<float>>(0f, pa, pa, count); break;
                    case 256: Map<ExpOf, Lanes256, Vector256<float>>(0f, pa, pa, count); break;
                    case 128: Map<ExpOf, Lanes128, Vector128<float>>(0f, pa, pa, count); break;
                    default: Map<ExpOf, ScalarLane, float>(0f, pa, pa, count); break;
                }
                for (int s = 0; s < rows; s++)
                {
                    float* @as = pa + s * units;
                    float total = 0f;
                    for (int k = 0; k < units; k++) total += @as[k];
                    for (int k = 0; k < units; k++) @as[k] = @as[k] / total;
                }
            }
        }

        /// <summary>a[i] = f(z[i]) for i in [0, count).</summary>
        internal static void Apply(Activation activation, float alpha, float* z, float* a, int count)
        {
            switch (Simd.Width)
            {
                case 512: Apply<Lanes512, Vector512<float>>(activation, alpha, z, a, count); break;
                case 256: Apply<Lanes256, Vector256<float>>(activation, alpha, z, a, count); break;
                case 128: Apply<Lanes128, Vector128<float>>(activation, alpha, z, a, count); break;
                default: Apply<ScalarLane, float>(activation, alpha, z, a, count); break;
            }
        }

        private static void Apply<TSimd, TVec>(Activation activation, float alpha, float* z, float* a, int count) where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            switch (activation)
            {
                case Activation.Sigmoid: Map<SigmoidOf, TSimd, TVec>(alpha, z, a, count); break;
                case Activation.Tanh: Map<TanhOf, TSimd, TVec>(alpha, z, a, count); break;
                case Activation.ReLU: Map<ReLUOf, TSimd, TVec>(alpha, z, a, count); break;
                case Activation.LeakyReLU: Map<LeakyReLUOf, TSimd, TVec>(alpha, z, a, count); break;
                case Activation.ELU: Map<EluOf, TSimd, TVec>(alpha, z, a, count); break;
                case Activation.SELU: Map<SeluOf, TSimd, TVec>(alpha, z, a, count); break;
                default: if (z != a) Buffer.MemoryCopy(z, a, (long)count * sizeof(float), (long)count * sizeof(float)); break;
            }
        }

        /// <summary>Whole vectors, then the scalar tail with the same operations.</summary>
        private static void Map<TFunction, TSimd, TVec>(float alpha, float* z, float* a, int count)
            where TFunction : struct, IElementFunction where TSimd : struct, ISimd<TVec> where TVec : struct
        {
            int i = 0;
            for (; i <= count - TSimd.Count; i += TSimd.Count) TSimd.Store(TFunction.Apply<TSimd, TVec>(TSimd.Load(z + i), alpha), a + i);
            for (; i < count; i++) a[i] = TFunction.Apply<ScalarLane, float>(z[i], alpha);
        }

        private interface IElementFunction
        {
            static abstract TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct;
        }

        private struct ExpOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.Exp<TSimd, TVec>(z);
        }

        private struct SigmoidOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.Sigmoid<TSimd, TVec>(z);
        }

        private struct TanhOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.Tanh<TSimd, TVec>(z);
        }

        private struct ReLUOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.ReLU<TSimd, TVec>(z);
        }

        private struct LeakyReLUOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.LeakyReLU<TSimd, TVec>(z, alpha);
        }

        private struct EluOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.Elu<TSimd, TVec>(z, alpha);
        }

        private struct SeluOf : IElementFunction
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static TVec Apply<TSimd, TVec>(TVec z, float alpha) where TSimd : struct, ISimd<TVec> where TVec : struct => ElementMath.Selu<TSimd, TVec>(z);
        }
    }
}
