using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NnGen.Internal
{
    /// <summary>
    /// The few vector operations the kernels and the element-wise math are written in, once for every width: a kernel
    /// is a generic method over <c>TSimd : struct, ISimd&lt;TVec&gt;</c>, and the JIT compiles one copy per width with
    /// every call inlined (static abstract members of a struct are direct calls). <see cref="ScalarLane"/> is the width
    /// of one lane, so a scalar tail runs the very operations of the vector body and gives the same bits.
    /// </summary>
    /// <remarks>
    /// Every operation is exact per lane (IEEE single precision, round to nearest even), so a lane's result does not
    /// depend on the width. <see cref="MultiplyAdd"/> is fused on every width where <see cref="Simd.Fused"/> holds,
    /// and two roundings on every width where it does not (x64 without FMA), never a mix. Each width tests the
    /// instruction sets itself (Fma.IsSupported, not a helper property), so that the JIT drops the branch it cannot
    /// take before it looks at it: a software fallback left in the method keeps every vector out of registers.
    /// Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe interface ISimd<TVec> where TVec : struct
    {
        /// <summary>Lanes per vector.</summary>
        static abstract int Count { get; }

        /// <summary>Whether this width runs in vector registers on this machine (false: a software fallback).</summary>
        static abstract bool IsAccelerated { get; }

        /// <summary>Every lane set to <paramref name="value"/>.</summary>
        static abstract TVec Broadcast(float value);

        /// <summary>Count floats from <paramref name="source"/> (no alignment needed).</summary>
        static abstract TVec Load(float* source);

        /// <summary>Count floats to <paramref name="target"/> (no alignment needed).</summary>
        static abstract void Store(TVec value, float* target);

        /// <summary>a + b.</summary>
        static abstract TVec Add(TVec a, TVec b);

        /// <summary>a - b.</summary>
        static abstract TVec Subtract(TVec a, TVec b);

        /// <summary>a * b.</summary>
        static abstract TVec Multiply(TVec a, TVec b);

        /// <summary>a / b.</summary>
        static abstract TVec Divide(TVec a, TVec b);

        /// <summary>a * b + c: one rounding where <see cref="Simd.Fused"/>, else two.</summary>
        static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

        /// <summary>All bits set in the lanes where a &gt; b (false for NaN).</summary>
        static abstract TVec GreaterThan(TVec a, TVec b);

        /// <summary>All bits set in the lanes where a &lt; b (false for NaN).</summary>
        static abstract TVec LessThan(TVec a, TVec b);

        /// <summary>Per lane: mask's lane set ? a : b (mask lanes are all ones or all zeros).</summary>
        static abstract TVec Select(TVec mask, TVec a, TVec b);

        /// <summary>|a| (the sign bit cleared).</summary>
        static abstract TVec Abs(TVec a);

        /// <summary>The magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
        static abstract TVec CopySign(TVec magnitude, TVec sign);

        /// <summary>The nearest integer, ties to even.</summary>
        static abstract TVec Round(TVec a);

        /// <summary>a * 2^n for integral n with a * 2^n a normal float (the exponent field shifted by n).</summary>
        static abstract TVec ScaleByPowerOfTwo(TVec a, TVec n);

        /// <summary>
        /// The sum of the lanes in one fixed tree: folded in halves down to four lanes (lane k then holds the lanes
        /// congruent to k mod 4), then (c0 + c1) + (c2 + c3). One lane is itself.
        /// </summary>
        static abstract float Sum(TVec a);

        /// <summary>The <see cref="Sum"/> of each of four vectors at once, as lanes 0 to 3 (the same bits as four calls).</summary>
        static abstract Vector128<float> Sums(TVec a0, TVec a1, TVec a2, TVec a3);
    }

    /// <summary>Facts about this machine that every width shares.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Simd
    {
        /// <summary>Whether multiply-add is fused (x64 with FMA, every ARM64): the same answer for every width.</summary>
        public static bool Fused
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Fma.IsSupported || AdvSimd.IsSupported;
        }

        /// <summary>
        /// The vector registers a kernel can hold its tile in: 32 with AVX-512 (EVEX) and on ARM64, 16 on x64 otherwise.
        /// </summary>
        public static int Registers => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported ? 32 : 16;

        /// <summary>The lanes (c0 + c1) + (c2 + c3) of a 128-bit vector: the last step of every width's <see cref="ISimd{TVec}.Sum"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static float Sum4(Vector128<float> c) => (c.GetElement(0) + c.GetElement(1)) + (c.GetElement(2) + c.GetElement(3));

        /// <summary><see cref="Sum4(Vector128{float})"/> of four vectors at once: two rounds of pairwise adds form the same pairs.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Sum4(Vector128<float> c0, Vector128<float> c1, Vector128<float> c2, Vector128<float> c3)
            => Sse3.IsSupported ? Sse3.HorizontalAdd(Sse3.HorizontalAdd(c0, c1), Sse3.HorizontalAdd(c2, c3))
            : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.AddPairwise(AdvSimd.Arm64.AddPairwise(c0, c1), AdvSimd.Arm64.AddPairwise(c2, c3))
            : Vector128.Create(Sum4(c0), Sum4(c1), Sum4(c2), Sum4(c3));

        /// <summary>
        /// The widest of <see cref="Lanes512"/>, <see cref="Lanes256"/>, <see cref="Lanes128"/> this machine runs in
        /// registers, in bits; 0 where none is (no SIMD, or <c>DOTNET_EnableHWIntrinsic=0</c>).
        /// </summary>
        public static int Width => Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
    }

    // The widths below implement ISimd's members as documented there.
#pragma warning disable CS1591

    /// <summary>One lane: the scalar tail of every kernel, with the vector body's operations.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe struct ScalarLane : ISimd<float>
    {
        public static int Count => 1;
        public static bool IsAccelerated => true;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Broadcast(float value) => value;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Load(float* source) => *source;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(float value, float* target) => *target = value;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Add(float a, float b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Subtract(float a, float b) => a - b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Multiply(float a, float b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Divide(float a, float b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float MultiplyAdd(float a, float b, float c) => Fma.IsSupported || AdvSimd.IsSupported ? MathF.FusedMultiplyAdd(a, b, c) : a * b + c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float GreaterThan(float a, float b) => a > b ? AllBits : 0f;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float LessThan(float a, float b) => a < b ? AllBits : 0f;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Select(float mask, float a, float b) => BitConverter.SingleToInt32Bits(mask) != 0 ? a : b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Abs(float a) => MathF.Abs(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float CopySign(float magnitude, float sign) => MathF.CopySign(magnitude, sign);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Round(float a) => MathF.Round(a, MidpointRounding.ToEven);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ScaleByPowerOfTwo(float a, float n) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) + ((int)n << 23));
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(float a) => a;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Sums(float a0, float a1, float a2, float a3) => Vector128.Create(a0, a1, a2, a3);

        private static float AllBits => BitConverter.Int32BitsToSingle(-1);
    }

    /// <summary>128-bit vectors: SSE on x64, AdvSimd (NEON) on ARM64.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe struct Lanes128 : ISimd<Vector128<float>>
    {
        public static int Count => Vector128<float>.Count;
        public static bool IsAccelerated => Vector128.IsHardwareAccelerated;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Broadcast(float value) => Vector128.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Load(float* source) => Vector128.Load(source);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector128<float> value, float* target) => value.Store(target);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Subtract(Vector128<float> a, Vector128<float> b) => a - b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Divide(Vector128<float> a, Vector128<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
            // the instructions themselves: a Vector128.FusedMultiplyAdd the machine lacks (x64 without FMA), even in a branch
            // the JIT removes, keeps every vector of the calling kernel out of registers
            => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(c, a, b) : a * b + c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> GreaterThan(Vector128<float> a, Vector128<float> b) => Vector128.GreaterThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> LessThan(Vector128<float> a, Vector128<float> b) => Vector128.LessThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Select(Vector128<float> mask, Vector128<float> a, Vector128<float> b) => Vector128.ConditionalSelect(mask, a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Abs(Vector128<float> a) => Vector128.Abs(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> CopySign(Vector128<float> magnitude, Vector128<float> sign) => Vector128.CopySign(magnitude, sign);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Round(Vector128<float> a) => Vector128.Round(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ScaleByPowerOfTwo(Vector128<float> a, Vector128<float> n)
            => (a.AsInt32() + Vector128.ShiftLeft(Vector128.ConvertToInt32(n), 23)).AsSingle();
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(Vector128<float> a) => Simd.Sum4(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Sums(Vector128<float> a0, Vector128<float> a1, Vector128<float> a2, Vector128<float> a3) => Simd.Sum4(a0, a1, a2, a3);
    }

    /// <summary>256-bit vectors: AVX2 (with FMA) on x64.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe struct Lanes256 : ISimd<Vector256<float>>
    {
        public static int Count => Vector256<float>.Count;
        public static bool IsAccelerated => Vector256.IsHardwareAccelerated;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Broadcast(float value) => Vector256.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* source) => Vector256.Load(source);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> value, float* target) => value.Store(target);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> GreaterThan(Vector256<float> a, Vector256<float> b) => Vector256.GreaterThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> LessThan(Vector256<float> a, Vector256<float> b) => Vector256.LessThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Select(Vector256<float> mask, Vector256<float> a, Vector256<float> b) => Vector256.ConditionalSelect(mask, a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Abs(Vector256<float> a) => Vector256.Abs(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> CopySign(Vector256<float> magnitude, Vector256<float> sign) => Vector256.CopySign(magnitude, sign);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Round(Vector256<float> a) => Vector256.Round(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> ScaleByPowerOfTwo(Vector256<float> a, Vector256<float> n)
            => (a.AsInt32() + Vector256.ShiftLeft(Vector256.ConvertToInt32(n), 23)).AsSingle();
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(Vector256<float> a) => Simd.Sum4(Fold(a));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Sums(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3) => Simd.Sum4(Fold(a0), Fold(a1), Fold(a2), Fold(a3));
        [MethodImpl(MethodImplOptions.AggressiveInlining)] internal static Vector128<float> Fold(Vector256<float> a) => a.GetLower() + a.GetUpper();
    }

    /// <summary>512-bit vectors: AVX-512 on x64.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe struct Lanes512 : ISimd<Vector512<float>>
    {
        public static int Count => Vector512<float>.Count;
        public static bool IsAccelerated => Vector512.IsHardwareAccelerated;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Broadcast(float value) => Vector512.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* source) => Vector512.Load(source);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> value, float* target) => value.Store(target);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Avx512F.FusedMultiplyAdd(a, b, c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> GreaterThan(Vector512<float> a, Vector512<float> b) => Vector512.GreaterThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> LessThan(Vector512<float> a, Vector512<float> b) => Vector512.LessThan(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Select(Vector512<float> mask, Vector512<float> a, Vector512<float> b) => Vector512.ConditionalSelect(mask, a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Abs(Vector512<float> a) => Vector512.Abs(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> CopySign(Vector512<float> magnitude, Vector512<float> sign) => Vector512.CopySign(magnitude, sign);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Round(Vector512<float> a) => Vector512.Round(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> ScaleByPowerOfTwo(Vector512<float> a, Vector512<float> n)
            => (a.AsInt32() + Vector512.ShiftLeft(Vector512.ConvertToInt32(n), 23)).AsSingle();
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(Vector512<float> a) => Lanes256.Sum(a.GetLower() + a.GetUpper());
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Sums(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3) => Simd.Sum4(Fold(a0), Fold(a1), Fold(a2), Fold(a3));
        [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> Fold(Vector512<float> a) => Lanes256.Fold(a.GetLower() + a.GetUpper());
    }

    /// <summary>
    /// <see cref="Vector{T}"/>: the width generated code uses (256 bits with AVX2 or AVX-512 by default, 128 with SSE or
    /// NEON, 512 with <c>DOTNET_PreferredVectorBitWidth=512</c>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe struct LanesVector : ISimd<Vector<float>>
    {
        public static int Count => Vector<float>.Count;
        public static bool IsAccelerated => Vector.IsHardwareAccelerated;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Broadcast(float value) => new(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Load(float* source) => Vector.Load(source);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector<float> value, float* target) => value.Store(target);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Add(Vector<float> a, Vector<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Subtract(Vector<float> a, Vector<float> b) => a - b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Multiply(Vector<float> a, Vector<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Divide(Vector<float> a, Vector<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c) => Fma.IsSupported || AdvSimd.IsSupported ? Vector.FusedMultiplyAdd(a, b, c) : a * b + c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> GreaterThan(Vector<float> a, Vector<float> b) => Vector.AsVectorSingle(Vector.GreaterThan(a, b));
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> LessThan(Vector<float> a, Vector<float> b) => Vector.AsVectorSingle(Vector.LessThan(a, b));
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Select(Vector<float> mask, Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(mask, a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Abs(Vector<float> a) => Vector.Abs(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> CopySign(Vector<float> magnitude, Vector<float> sign) => Vector.CopySign(magnitude, sign);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector<float> Round(Vector<float> a) => Vector.Round(a);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> ScaleByPowerOfTwo(Vector<float> a, Vector<float> n)
            => Vector.AsVectorSingle(Vector.AsVectorInt32(a) + Vector.ShiftLeft(Vector.ConvertToInt32(n), 23));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sum(Vector<float> a) => Vector<float>.Count switch
        {
            16 => Lanes512.Sum(a.AsVector512()),
            8 => Lanes256.Sum(a.AsVector256()),
            _ => Lanes128.Sum(a.AsVector128()),
        };
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Sums(Vector<float> a0, Vector<float> a1, Vector<float> a2, Vector<float> a3) => Vector<float>.Count switch
        {
            16 => Lanes512.Sums(a0.AsVector512(), a1.AsVector512(), a2.AsVector512(), a3.AsVector512()),
            8 => Lanes256.Sums(a0.AsVector256(), a1.AsVector256(), a2.AsVector256(), a3.AsVector256()),
            _ => Lanes128.Sums(a0.AsVector128(), a1.AsVector128(), a2.AsVector128(), a3.AsVector128()),
        };
    }
#pragma warning restore CS1591
}
