using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnGen.Internal
{
    /// <summary>
    /// The backward products' kernel: for r in rows, out[r, :columns] (+)= sum over k of m[r, k] * v[k, :columns].
    /// m[r, k] sits at m[r * mRow + k * mStride] (so m may be a transposed view); v's rows are vStride floats apart
    /// and out's rows outStride. Columns go in blocks of 4 vectors: each step loads 4 vectors of v and broadcasts
    /// `rows` multipliers into 4 * rows accumulators. Every output is one chain of fused multiply-adds in k order,
    /// whatever the vector width or block, so the 512-bit, 256-bit and scalar paths give the same bits.
    /// </summary>
    internal static unsafe class BroadcastTiles
    {
        private const int Lanes = 8;
        private const int WideLanes = 16;

        /// <summary>
        /// The kernel for <paramref name="rows"/> rows of output. Column blocks are the outer loop, so the panel of v
        /// a block reads (count rows of 4 vectors) stays in the L1 cache while every row of output passes over it.
        /// </summary>
        public static void Rows(int rows, float* m, int mRow, int mStride, float* v, int vStride, int columns, int count, float* output, int outStride, bool accumulate)
        {
            int c = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; c + 4 * WideLanes <= columns; c += 4 * WideLanes)
                {
                    int r = 0;
                    for (; r + 4 <= rows; r += 4) Block4x4Wide(m + r * mRow, mRow, mStride, v + c, vStride, count, output + r * outStride + c, outStride, accumulate);
                    for (; r < rows; r++) Block1x4Wide(m + r * mRow, mStride, v + c, vStride, count, output + r * outStride + c, accumulate);
                }
                for (; c + WideLanes <= columns; c += WideLanes)
                    for (int r = 0; r < rows; r++)
                    {
                        float* mr = m + r * mRow;
                        Vector512<float> acc = Vector512<float>.Zero;
                        for (int k = 0; k < count; k++) acc = Vector512.FusedMultiplyAdd(Vector512.Create(mr[k * mStride]), Vector512.Load(v + k * vStride + c), acc);
                        StoreWide(output + r * outStride + c, acc, accumulate);
                    }
            }
            if (Vector256.IsHardwareAccelerated)
            {
                for (; c + 4 * Lanes <= columns; c += 4 * Lanes)
                {
                    int r = 0;
                    for (; r + 4 <= rows; r += 4) Block4x4(m + r * mRow, mRow, mStride, v + c, vStride, count, output + r * outStride + c, outStride, accumulate);
                    for (; r < rows; r++) Block1x4(m + r * mRow, mStride, v + c, vStride, count, output + r * outStride + c, accumulate);
                }
                for (; c + Lanes <= columns; c += Lanes)
                    for (int r = 0; r < rows; r++)
                    {
                        float* mr = m + r * mRow;
                        Vector256<float> acc = Vector256<float>.Zero;
                        for (int k = 0; k < count; k++) acc = Vector256.FusedMultiplyAdd(Vector256.Create(mr[k * mStride]), Vector256.Load(v + k * vStride + c), acc);
                        Store(output + r * outStride + c, acc, accumulate);
                    }
            }
            for (; c < columns; c++)
                for (int r = 0; r < rows; r++)
                {
                    float* mr = m + r * mRow;
                    float sum = 0f;
                    for (int k = 0; k < count; k++) sum = MathF.FusedMultiplyAdd(mr[k * mStride], v[k * vStride + c], sum);
                    float* target = output + r * outStride + c;
                    *target = accumulate ? *target + sum : sum;
                }
        }

        private static void Block4x4Wide(float* m0, int mRow, int mStride, float* v, int vStride, int count, float* output, int outStride, bool accumulate)
        {
            Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
            float* m1 = m0 + mRow, m2 = m0 + 2 * mRow, m3 = m0 + 3 * mRow;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                Vector512<float> v0 = Vector512.Load(vk), v1 = Vector512.Load(vk + WideLanes), v2 = Vector512.Load(vk + 2 * WideLanes), v3 = Vector512.Load(vk + 3 * WideLanes);
                int mk = k * mStride;
                Vector512<float> b = Vector512.Create(m0[mk]);
                a00 = Vector512.FusedMultiplyAdd(b, v0, a00); a01 = Vector512.FusedMultiplyAdd(b, v1, a01);
                a02 = Vector512.FusedMultiplyAdd(b, v2, a02); a03 = Vector512.FusedMultiplyAdd(b, v3, a03);
                b = Vector512.Create(m1[mk]);
                a10 = Vector512.FusedMultiplyAdd(b, v0, a10); a11 = Vector512.FusedMultiplyAdd(b, v1, a11);
                a12 = Vector512.FusedMultiplyAdd(b, v2, a12); a13 = Vector512.FusedMultiplyAdd(b, v3, a13);
                b = Vector512.Create(m2[mk]);
                a20 = Vector512.FusedMultiplyAdd(b, v0, a20); a21 = Vector512.FusedMultiplyAdd(b, v1, a21);
                a22 = Vector512.FusedMultiplyAdd(b, v2, a22); a23 = Vector512.FusedMultiplyAdd(b, v3, a23);
                b = Vector512.Create(m3[mk]);
                a30 = Vector512.FusedMultiplyAdd(b, v0, a30); a31 = Vector512.FusedMultiplyAdd(b, v1, a31);
                a32 = Vector512.FusedMultiplyAdd(b, v2, a32); a33 = Vector512.FusedMultiplyAdd(b, v3, a33);
            }
            StoreRowWide(output, a00, a01, a02, a03, accumulate);
            StoreRowWide(output + outStride, a10, a11, a12, a13, accumulate);
            StoreRowWide(output + 2 * outStride, a20, a21, a22, a23, accumulate);
            StoreRowWide(output + 3 * outStride, a30, a31, a32, a33, accumulate);
        }

        private static void Block4x4(float* m0, int mRow, int mStride, float* v, int vStride, int count, float* output, int outStride, bool accumulate)
        {
            Vector256<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector256<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector256<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector256<float> a30 = default, a31 = default, a32 = default, a33 = default;
            float* m1 = m0 + mRow, m2 = m0 + 2 * mRow, m3 = m0 + 3 * mRow;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                Vector256<float> v0 = Vector256.Load(vk), v1 = Vector256.Load(vk + Lanes), v2 = Vector256.Load(vk + 2 * Lanes), v3 = Vector256.Load(vk + 3 * Lanes);
                int mk = k * mStride;
                Vector256<float> b = Vector256.Create(m0[mk]);
                a00 = Vector256.FusedMultiplyAdd(b, v0, a00); a01 = Vector256.FusedMultiplyAdd(b, v1, a01);
                a02 = Vector256.FusedMultiplyAdd(b, v2, a02); a03 = Vector256.FusedMultiplyAdd(b, v3, a03);
                b = Vector256.Create(m1[mk]);
                a10 = Vector256.FusedMultiplyAdd(b, v0, a10); a11 = Vector256.FusedMultiplyAdd(b, v1, a11);
                a12 = Vector256.FusedMultiplyAdd(b, v2, a12); a13 = Vector256.FusedMultiplyAdd(b, v3, a13);
                b = Vector256.Create(m2[mk]);
                a20 = Vector256.FusedMultiplyAdd(b, v0, a20); a21 = Vector256.FusedMultiplyAdd(b, v1, a21);
                a22 = Vector256.FusedMultiplyAdd(b, v2, a22); a23 = Vector256.FusedMultiplyAdd(b, v3, a23);
                b = Vector256.Create(m3[mk]);
                a30 = Vector256.FusedMultiplyAdd(b, v0, a30); a31 = Vector256.FusedMultiplyAdd(b, v1, a31);
                a32 = Vector256.FusedMultiplyAdd(b, v2, a32); a33 = Vector256.FusedMultiplyAdd(b, v3, a33);
            }
            StoreRow(output, a00, a01, a02, a03, accumulate);
            StoreRow(output + outStride, a10, a11, a12, a13, accumulate);
            StoreRow(output + 2 * outStride, a20, a21, a22, a23, accumulate);
            StoreRow(output + 3 * outStride, a30, a31, a32, a33, accumulate);
        }

        private static void Block1x4Wide(float* m, int mStride, float* v, int vStride, int count, float* output, bool accumulate)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                Vector512<float> b = Vector512.Create(m[k * mStride]);
                a0 = Vector512.FusedMultiplyAdd(b, Vector512.Load(vk), a0);
                a1 = Vector512.FusedMultiplyAdd(b, Vector512.Load(vk + WideLanes), a1);
                a2 = Vector512.FusedMultiplyAdd(b, Vector512.Load(vk + 2 * WideLanes), a2);
                a3 = Vector512.FusedMultiplyAdd(b, Vector512.Load(vk + 3 * WideLanes), a3);
            }
            StoreRowWide(output, a0, a1, a2, a3, accumulate);
        }

        private static void Block1x4(float* m, int mStride, float* v, int vStride, int count, float* output, bool accumulate)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                Vector256<float> b = Vector256.Create(m[k * mStride]);
                a0 = Vector256.FusedMultiplyAdd(b, Vector256.Load(vk), a0);
                a1 = Vector256.FusedMultiplyAdd(b, Vector256.Load(vk + Lanes), a1);
                a2 = Vector256.FusedMultiplyAdd(b, Vector256.Load(vk + 2 * Lanes), a2);
                a3 = Vector256.FusedMultiplyAdd(b, Vector256.Load(vk + 3 * Lanes), a3);
            }
            StoreRow(output, a0, a1, a2, a3, accumulate);
        }

        private static void StoreRowWide(float* row, Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, bool accumulate)
        {
            StoreWide(row, a0, accumulate);
            StoreWide(row + WideLanes, a1, accumulate);
            StoreWide(row + 2 * WideLanes, a2, accumulate);
            StoreWide(row + 3 * WideLanes, a3, accumulate);
        }

        private static void StoreRow(float* row, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, bool accumulate)
        {
            Store(row, a0, accumulate);
            Store(row + Lanes, a1, accumulate);
            Store(row + 2 * Lanes, a2, accumulate);
            Store(row + 3 * Lanes, a3, accumulate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void StoreWide(float* target, Vector512<float> value, bool accumulate) => (accumulate ? Vector512.Load(target) + value : value).Store(target);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(float* target, Vector256<float> value, bool accumulate) => (accumulate ? Vector256.Load(target) + value : value).Store(target);
    }
}
