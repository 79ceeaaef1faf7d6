using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NnGen.Internal
{
    /// <summary>
    /// The forward product's tiles: dot products of rows of x with rows of W, one vector accumulator per output.
    /// Every output is summed in one order whatever the tile: lane-wise fused multiply-adds over the full vectors,
    /// the lanes folded to four in halves and those summed pairwise (<see cref="Fold(Vector512{float})"/>,
    /// <see cref="Sum4"/>), that sum added to the bias, then the scalar tail. So a sample alone gives the bits of its row in a batch.
    /// Rows are <c>xStride</c> and <c>wStride</c> floats apart (packed rows are padded to cache lines).
    /// </summary>
    internal static unsafe class DotTiles
    {
        public const int Lanes = 8;
        public const int WideLanes = 16;

        /// <summary>z[r, c] = bias[c] + x[r] . w[c] for a 4 x 4 tile (256-bit vectors).</summary>
        public static void Tile4x4(float* x, int xStride, float* w, int wStride, int length, float* z, int zStride, float* bias)
        {
            float* x1 = x + xStride, x2 = x + 2 * xStride, x3 = x + 3 * xStride;
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            Vector256<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector256<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector256<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector256<float> a30 = default, a31 = default, a32 = default, a33 = default;
            int i = 0;
            for (; i + Lanes <= length; i += Lanes)
            {
                Vector256<float> v0 = Vector256.Load(w + i), v1 = Vector256.Load(w1 + i), v2 = Vector256.Load(w2 + i), v3 = Vector256.Load(w3 + i);
                Vector256<float> xv = Vector256.Load(x + i);
                a00 = Vector256.FusedMultiplyAdd(xv, v0, a00); a01 = Vector256.FusedMultiplyAdd(xv, v1, a01);
                a02 = Vector256.FusedMultiplyAdd(xv, v2, a02); a03 = Vector256.FusedMultiplyAdd(xv, v3, a03);
                xv = Vector256.Load(x1 + i);
                a10 = Vector256.FusedMultiplyAdd(xv, v0, a10); a11 = Vector256.FusedMultiplyAdd(xv, v1, a11);
                a12 = Vector256.FusedMultiplyAdd(xv, v2, a12); a13 = Vector256.FusedMultiplyAdd(xv, v3, a13);
                xv = Vector256.Load(x2 + i);
                a20 = Vector256.FusedMultiplyAdd(xv, v0, a20); a21 = Vector256.FusedMultiplyAdd(xv, v1, a21);
                a22 = Vector256.FusedMultiplyAdd(xv, v2, a22); a23 = Vector256.FusedMultiplyAdd(xv, v3, a23);
                xv = Vector256.Load(x3 + i);
                a30 = Vector256.FusedMultiplyAdd(xv, v0, a30); a31 = Vector256.FusedMultiplyAdd(xv, v1, a31);
                a32 = Vector256.FusedMultiplyAdd(xv, v2, a32); a33 = Vector256.FusedMultiplyAdd(xv, v3, a33);
            }
            FinishRow(Sums(Fold(a00), Fold(a01), Fold(a02), Fold(a03)), x, w, wStride, i, length, z, bias);
            FinishRow(Sums(Fold(a10), Fold(a11), Fold(a12), Fold(a13)), x1, w, wStride, i, length, z + zStride, bias);
            FinishRow(Sums(Fold(a20), Fold(a21), Fold(a22), Fold(a23)), x2, w, wStride, i, length, z + 2 * zStride, bias);
            FinishRow(Sums(Fold(a30), Fold(a31), Fold(a32), Fold(a33)), x3, w, wStride, i, length, z + 3 * zStride, bias);
        }

        /// <summary>One row of x against 4 rows of W (256-bit vectors).</summary>
        public static void Tile1x4(float* x, float* w, int wStride, int length, float* z, float* bias)
        {
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            int i = 0;
            for (; i + Lanes <= length; i += Lanes)
            {
                Vector256<float> xv = Vector256.Load(x + i);
                a0 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w + i), a0);
                a1 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w1 + i), a1);
                a2 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w2 + i), a2);
                a3 = Vector256.FusedMultiplyAdd(xv, Vector256.Load(w3 + i), a3);
            }
            FinishRow(Sums(Fold(a0), Fold(a1), Fold(a2), Fold(a3)), x, w, wStride, i, length, z, bias);
        }

        /// <summary>bias + x . w in the tiles' order (256-bit vectors).</summary>
        public static float Dot(float* x, float* w, int length, float bias)
        {
            Vector256<float> acc = default;
            int i = 0;
            for (; i + Lanes <= length; i += Lanes) acc = Vector256.FusedMultiplyAdd(Vector256.Load(x + i), Vector256.Load(w + i), acc);
            return Tail(x, w, i, length, bias + Sum4(Fold(acc)));
        }

        /// <summary>z[r, c] = bias[c] + x[r] . w[c] for a 4 x 4 tile (512-bit vectors).</summary>
        public static void Tile4x4Wide(float* x, int xStride, float* w, int wStride, int length, float* z, int zStride, float* bias)
        {
            float* x1 = x + xStride, x2 = x + 2 * xStride, x3 = x + 3 * xStride;
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
            int i = 0;
            for (; i + WideLanes <= length; i += WideLanes)
            {
                Vector512<float> v0 = Vector512.Load(w + i), v1 = Vector512.Load(w1 + i), v2 = Vector512.Load(w2 + i), v3 = Vector512.Load(w3 + i);
                Vector512<float> xv = Vector512.Load(x + i);
                a00 = Vector512.FusedMultiplyAdd(xv, v0, a00); a01 = Vector512.FusedMultiplyAdd(xv, v1, a01);
                a02 = Vector512.FusedMultiplyAdd(xv, v2, a02); a03 = Vector512.FusedMultiplyAdd(xv, v3, a03);
                xv = Vector512.Load(x1 + i);
                a10 = Vector512.FusedMultiplyAdd(xv, v0, a10); a11 = Vector512.FusedMultiplyAdd(xv, v1, a11);
                a12 = Vector512.FusedMultiplyAdd(xv, v2, a12); a13 = Vector512.FusedMultiplyAdd(xv, v3, a13);
                xv = Vector512.Load(x2 + i);
                a20 = Vector512.FusedMultiplyAdd(xv, v0, a20); a21 = Vector512.FusedMultiplyAdd(xv, v1, a21);
                a22 = Vector512.FusedMultiplyAdd(xv, v2, a22); a23 = Vector512.FusedMultiplyAdd(xv, v3, a23);
                xv = Vector512.Load(x3 + i);
                a30 = Vector512.FusedMultiplyAdd(xv, v0, a30); a31 = Vector512.FusedMultiplyAdd(xv, v1, a31);
                a32 = Vector512.FusedMultiplyAdd(xv, v2, a32); a33 = Vector512.FusedMultiplyAdd(xv, v3, a33);
            }
            FinishRow(Sums(Fold(a00), Fold(a01), Fold(a02), Fold(a03)), x, w, wStride, i, length, z, bias);
            FinishRow(Sums(Fold(a10), Fold(a11), Fold(a12), Fold(a13)), x1, w, wStride, i, length, z + zStride, bias);
            FinishRow(Sums(Fold(a20), Fold(a21), Fold(a22), Fold(a23)), x2, w, wStride, i, length, z + 2 * zStride, bias);
            FinishRow(Sums(Fold(a30), Fold(a31), Fold(a32), Fold(a33)), x3, w, wStride, i, length, z + 3 * zStride, bias);
        }

        /// <summary>One row of x against 4 rows of W (512-bit vectors).</summary>
        public static void Tile1x4Wide(float* x, float* w, int wStride, int length, float* z, float* bias)
        {
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            int i = 0;
            for (; i + WideLanes <= length; i += WideLanes)
            {
                Vector512<float> xv = Vector512.Load(x + i);
                a0 = Vector512.FusedMultiplyAdd(xv, Vector512.Load(w + i), a0);
                a1 = Vector512.FusedMultiplyAdd(xv, Vector512.Load(w1 + i), a1);
                a2 = Vector512.FusedMultiplyAdd(xv, Vector512.Load(w2 + i), a2);
                a3 = Vector512.FusedMultiplyAdd(xv, Vector512.Load(w3 + i), a3);
            }
            FinishRow(Sums(Fold(a0), Fold(a1), Fold(a2), Fold(a3)), x, w, wStride, i, length, z, bias);
        }

        /// <summary>bias + x . w in the tiles' order (512-bit vectors).</summary>
        public static float DotWide(float* x, float* w, int length, float bias)
        {
            Vector512<float> acc = default;
            int i = 0;
            for (; i + WideLanes <= length; i += WideLanes) acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(w + i), acc);
            return Tail(x, w, i, length, bias + Sum4(Fold(acc)));
        }

        /// <summary>bias + x . w without vectors: one fused multiply-add after another.</summary>
        public static float DotScalar(float* x, float* w, int length, float bias) => Tail(x, w, 0, length, bias);

        /// <summary>Four outputs of one row: the bias plus the vector part's sums, then the scalar tail.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void FinishRow(Vector128<float> sums, float* x, float* w, int wStride, int i, int length, float* z, float* bias)
        {
            (Vector128.Load(bias) + sums).Store(z);
            if (i == length) return;
            z[0] = Tail(x, w, i, length, z[0]);
            z[1] = Tail(x, w + wStride, i, length, z[1]);
            z[2] = Tail(x, w + 2 * wStride, i, length, z[2]);
            z[3] = Tail(x, w + 3 * wStride, i, length, z[3]);
        }

        /// <summary>The lanes folded in halves down to four: lane k sums the lanes congruent to k mod 4, as a tree.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> Fold(Vector512<float> a) => Fold(a.GetLower() + a.GetUpper());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> Fold(Vector256<float> a) => a.GetLower() + a.GetUpper();

        /// <summary>The sum of four lanes, pairwise: (c0 + c1) + (c2 + c3).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Sum4(Vector128<float> c) => (c.GetElement(0) + c.GetElement(1)) + (c.GetElement(2) + c.GetElement(3));

        /// <summary><see cref="Sum4"/> of four vectors at once (two rounds of horizontal adds give the same pairs).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> Sums(Vector128<float> c0, Vector128<float> c1, Vector128<float> c2, Vector128<float> c3)
            => Sse3.IsSupported
                ? Sse3.HorizontalAdd(Sse3.HorizontalAdd(c0, c1), Sse3.HorizontalAdd(c2, c3))
                : Vector128.Create(Sum4(c0), Sum4(c1), Sum4(c2), Sum4(c3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Tail(float* x, float* w, int i, int length, float sum)
        {
            for (; i < length; i++) sum = MathF.FusedMultiplyAdd(x[i], w[i], sum);
            return sum;
        }
    }
}
