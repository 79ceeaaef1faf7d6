using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnGen.Kernels
{
    /// <summary>
    /// The forward product's tiles: dot products of rows of x with rows of W, one vector accumulator per output.
    /// Every output is summed in one order whatever the tile: lane-wise fused multiply-adds over the full vectors,
    /// the lanes' sum added to the bias, then the scalar tail. So a sample alone gives the bits of its row in a batch.
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
            FinishRow(x, w, wStride, i, length, z, bias, Vector256.Sum(a00), Vector256.Sum(a01), Vector256.Sum(a02), Vector256.Sum(a03));
            FinishRow(x1, w, wStride, i, length, z + zStride, bias, Vector256.Sum(a10), Vector256.Sum(a11), Vector256.Sum(a12), Vector256.Sum(a13));
            FinishRow(x2, w, wStride, i, length, z + 2 * zStride, bias, Vector256.Sum(a20), Vector256.Sum(a21), Vector256.Sum(a22), Vector256.Sum(a23));
            FinishRow(x3, w, wStride, i, length, z + 3 * zStride, bias, Vector256.Sum(a30), Vector256.Sum(a31), Vector256.Sum(a32), Vector256.Sum(a33));
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
            FinishRow(x, w, wStride, i, length, z, bias, Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3));
        }

        /// <summary>bias + x . w in the tiles' order (256-bit vectors).</summary>
        public static float Dot(float* x, float* w, int length, float bias)
        {
            Vector256<float> acc = default;
            int i = 0;
            for (; i + Lanes <= length; i += Lanes) acc = Vector256.FusedMultiplyAdd(Vector256.Load(x + i), Vector256.Load(w + i), acc);
            return Tail(x, w, i, length, bias + Vector256.Sum(acc));
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
            FinishRow(x, w, wStride, i, length, z, bias, Vector512.Sum(a00), Vector512.Sum(a01), Vector512.Sum(a02), Vector512.Sum(a03));
            FinishRow(x1, w, wStride, i, length, z + zStride, bias, Vector512.Sum(a10), Vector512.Sum(a11), Vector512.Sum(a12), Vector512.Sum(a13));
            FinishRow(x2, w, wStride, i, length, z + 2 * zStride, bias, Vector512.Sum(a20), Vector512.Sum(a21), Vector512.Sum(a22), Vector512.Sum(a23));
            FinishRow(x3, w, wStride, i, length, z + 3 * zStride, bias, Vector512.Sum(a30), Vector512.Sum(a31), Vector512.Sum(a32), Vector512.Sum(a33));
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
            FinishRow(x, w, wStride, i, length, z, bias, Vector512.Sum(a0), Vector512.Sum(a1), Vector512.Sum(a2), Vector512.Sum(a3));
        }

        /// <summary>bias + x . w in the tiles' order (512-bit vectors).</summary>
        public static float DotWide(float* x, float* w, int length, float bias)
        {
            Vector512<float> acc = default;
            int i = 0;
            for (; i + WideLanes <= length; i += WideLanes) acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(w + i), acc);
            return Tail(x, w, i, length, bias + Vector512.Sum(acc));
        }

        /// <summary>bias + x . w without vectors: one fused multiply-add after another.</summary>
        public static float DotScalar(float* x, float* w, int length, float bias) => Tail(x, w, 0, length, bias);

        /// <summary>Four outputs of one row: the bias plus the vector part's lane sum, then the scalar tail.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void FinishRow(float* x, float* w, int wStride, int i, int length, float* z, float* bias, float s0, float s1, float s2, float s3)
        {
            z[0] = Tail(x, w, i, length, bias[0] + s0);
            z[1] = Tail(x, w + wStride, i, length, bias[1] + s1);
            z[2] = Tail(x, w + 2 * wStride, i, length, bias[2] + s2);
            z[3] = Tail(x, w + 3 * wStride, i, length, bias[3] + s3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Tail(float* x, float* w, int i, int length, float sum)
        {
            for (; i < length; i++) sum = MathF.FusedMultiplyAdd(x[i], w[i], sum);
            return sum;
        }
    }
}
