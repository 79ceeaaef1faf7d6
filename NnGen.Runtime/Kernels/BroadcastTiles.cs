using System.Runtime.CompilerServices;

namespace NnGen.Internal
{
    /// <summary>
    /// The backward products' kernel, an outer-product micro-kernel written once for every width: for r in rows,
    /// out[r, :columns] (+)= sum over k of m[r, k] * v[k, :columns]. m[r, k] sits at m[r * mRow + k * mStride] (so m
    /// may be a transposed view); v's rows are vStride floats apart and out's rows outStride. Each step of k loads a
    /// few vectors of v and broadcasts one multiplier per row into a tile of accumulators held in registers (4 rows by
    /// 4 vectors with 32 registers, 6 rows by 2 vectors with 16). Every output is one chain of multiply-adds in k
    /// order from 0, whatever the width, tile or block, so the columns a narrow width (or the scalar lane) finishes
    /// get the bits a wide one would have given, and every width gives the same bits.
    /// </summary>
    internal static unsafe class BroadcastTiles
    {
        /// <summary>
        /// The kernel for <paramref name="rows"/> rows of output. Column blocks are the outer loop, so the panel of v a
        /// block reads (count rows of a few vectors) stays in the L1 cache while every row of output passes over it.
        /// The widest accelerated width takes the columns it can, each narrower one the rest, the scalar lane the last.
        /// </summary>
        public static void Rows(int rows, float* m, int mRow, int mStride, float* v, int vStride, int columns, int count, float* output, int outStride, bool accumulate)
        {
            var p = new Product(m, mRow, mStride, v, vStride, count, output, outStride, accumulate);
            int c = 0;
            if (Lanes512.IsAccelerated) c = Columns<Lanes512, System.Runtime.Intrinsics.Vector512<float>>(in p, rows, c, columns);
            if (Lanes256.IsAccelerated) c = Columns<Lanes256, System.Runtime.Intrinsics.Vector256<float>>(in p, rows, c, columns);
            if (Lanes128.IsAccelerated) c = Columns<Lanes128, System.Runtime.Intrinsics.Vector128<float>>(in p, rows, c, columns);
            Columns<ScalarLane, float>(in p, rows, c, columns);
        }

        /// <summary>The operands of one product (m and v at column 0, output at row 0, column 0).</summary>
        private readonly struct Product
        {
            public readonly float* M, V, Output;
            public readonly int MRow, MStride, VStride, Count, OutStride;
            public readonly bool Accumulate;

            public Product(float* m, int mRow, int mStride, float* v, int vStride, int count, float* output, int outStride, bool accumulate)
            {
                M = m; MRow = mRow; MStride = mStride; V = v; VStride = vStride; Count = count; Output = output; OutStride = outStride; Accumulate = accumulate;
            }
        }

        /// <summary>The columns from <paramref name="c"/> that whole vectors of this width cover; returns the first column left.</summary>
        private static int Columns<TS, TV>(in Product p, int rows, int c, int columns) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count;
            if (Simd.Registers >= 32)
                for (; c + 4 * lanes <= columns; c += 4 * lanes)
                {
                    int r = 0;
                    for (; r + 4 <= rows; r += 4) Block4x4<TS, TV>(in p, r, c);
                    for (; r < rows; r++) Block1x4<TS, TV>(in p, r, c);
                }
            for (; c + 2 * lanes <= columns; c += 2 * lanes)
            {
                int r = 0;
                for (; r + 6 <= rows; r += 6) Block6x2<TS, TV>(in p, r, c);
                for (; r < rows; r++) Block1x2<TS, TV>(in p, r, c);
            }
            for (; c + lanes <= columns; c += lanes)
                for (int r = 0; r < rows; r++)
                {
                    float* mr = p.M + r * p.MRow;
                    TV acc = TS.Broadcast(0f);
                    for (int k = 0; k < p.Count; k++) acc = TS.MultiplyAdd(TS.Broadcast(mr[k * p.MStride]), TS.Load(p.V + k * p.VStride + c), acc);
                    Store<TS, TV>(p.Output + r * p.OutStride + c, acc, p.Accumulate);
                }
            return c;
        }

        /// <summary>4 rows by 4 vectors: 16 accumulators, 4 loads and a broadcast per step (32 registers).</summary>
        private static void Block4x4<TS, TV>(in Product p, int r, int c) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count, mRow = p.MRow, mStride = p.MStride, vStride = p.VStride, count = p.Count;
            float* m0 = p.M + r * mRow, m1 = m0 + mRow, m2 = m0 + 2 * mRow, m3 = m0 + 3 * mRow;
            float* v = p.V + c;
            TV zero = TS.Broadcast(0f);
            TV a00 = zero, a01 = zero, a02 = zero, a03 = zero, a10 = zero, a11 = zero, a12 = zero, a13 = zero;
            TV a20 = zero, a21 = zero, a22 = zero, a23 = zero, a30 = zero, a31 = zero, a32 = zero, a33 = zero;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                TV v0 = TS.Load(vk), v1 = TS.Load(vk + lanes), v2 = TS.Load(vk + 2 * lanes), v3 = TS.Load(vk + 3 * lanes);
                int mk = k * mStride;
                TV b = TS.Broadcast(m0[mk]);
                a00 = TS.MultiplyAdd(b, v0, a00); a01 = TS.MultiplyAdd(b, v1, a01); a02 = TS.MultiplyAdd(b, v2, a02); a03 = TS.MultiplyAdd(b, v3, a03);
                b = TS.Broadcast(m1[mk]);
                a10 = TS.MultiplyAdd(b, v0, a10); a11 = TS.MultiplyAdd(b, v1, a11); a12 = TS.MultiplyAdd(b, v2, a12); a13 = TS.MultiplyAdd(b, v3, a13);
                b = TS.Broadcast(m2[mk]);
                a20 = TS.MultiplyAdd(b, v0, a20); a21 = TS.MultiplyAdd(b, v1, a21); a22 = TS.MultiplyAdd(b, v2, a22); a23 = TS.MultiplyAdd(b, v3, a23);
                b = TS.Broadcast(m3[mk]);
                a30 = TS.MultiplyAdd(b, v0, a30); a31 = TS.MultiplyAdd(b, v1, a31); a32 = TS.MultiplyAdd(b, v2, a32); a33 = TS.MultiplyAdd(b, v3, a33);
            }
            float* o = p.Output + r * p.OutStride + c;
            bool add = p.Accumulate;
            int os = p.OutStride;
            Store4<TS, TV>(o, a00, a01, a02, a03, add);
            Store4<TS, TV>(o + os, a10, a11, a12, a13, add);
            Store4<TS, TV>(o + 2 * os, a20, a21, a22, a23, add);
            Store4<TS, TV>(o + 3 * os, a30, a31, a32, a33, add);
        }

        /// <summary>6 rows by 2 vectors: 12 accumulators, 2 loads and a broadcast per step (16 registers).</summary>
        private static void Block6x2<TS, TV>(in Product p, int r, int c) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count, mRow = p.MRow, mStride = p.MStride, vStride = p.VStride, count = p.Count;
            float* m0 = p.M + r * mRow, m1 = m0 + mRow, m2 = m0 + 2 * mRow, m3 = m0 + 3 * mRow, m4 = m0 + 4 * mRow, m5 = m0 + 5 * mRow;
            float* v = p.V + c;
            TV zero = TS.Broadcast(0f);
            TV a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero;
            TV a30 = zero, a31 = zero, a40 = zero, a41 = zero, a50 = zero, a51 = zero;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                TV v0 = TS.Load(vk), v1 = TS.Load(vk + lanes);
                int mk = k * mStride;
                TV b = TS.Broadcast(m0[mk]);
                a00 = TS.MultiplyAdd(b, v0, a00); a01 = TS.MultiplyAdd(b, v1, a01);
                b = TS.Broadcast(m1[mk]);
                a10 = TS.MultiplyAdd(b, v0, a10); a11 = TS.MultiplyAdd(b, v1, a11);
                b = TS.Broadcast(m2[mk]);
                a20 = TS.MultiplyAdd(b, v0, a20); a21 = TS.MultiplyAdd(b, v1, a21);
                b = TS.Broadcast(m3[mk]);
                a30 = TS.MultiplyAdd(b, v0, a30); a31 = TS.MultiplyAdd(b, v1, a31);
                b = TS.Broadcast(m4[mk]);
                a40 = TS.MultiplyAdd(b, v0, a40); a41 = TS.MultiplyAdd(b, v1, a41);
                b = TS.Broadcast(m5[mk]);
                a50 = TS.MultiplyAdd(b, v0, a50); a51 = TS.MultiplyAdd(b, v1, a51);
            }
            float* o = p.Output + r * p.OutStride + c;
            bool add = p.Accumulate;
            int os = p.OutStride;
            Store2<TS, TV>(o, a00, a01, add);
            Store2<TS, TV>(o + os, a10, a11, add);
            Store2<TS, TV>(o + 2 * os, a20, a21, add);
            Store2<TS, TV>(o + 3 * os, a30, a31, add);
            Store2<TS, TV>(o + 4 * os, a40, a41, add);
            Store2<TS, TV>(o + 5 * os, a50, a51, add);
        }

        private static void Block1x4<TS, TV>(in Product p, int r, int c) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count, mStride = p.MStride, vStride = p.VStride, count = p.Count;
            float* m = p.M + r * p.MRow, v = p.V + c;
            TV a0 = TS.Broadcast(0f), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                TV b = TS.Broadcast(m[k * mStride]);
                a0 = TS.MultiplyAdd(b, TS.Load(vk), a0);
                a1 = TS.MultiplyAdd(b, TS.Load(vk + lanes), a1);
                a2 = TS.MultiplyAdd(b, TS.Load(vk + 2 * lanes), a2);
                a3 = TS.MultiplyAdd(b, TS.Load(vk + 3 * lanes), a3);
            }
            Store4<TS, TV>(p.Output + r * p.OutStride + c, a0, a1, a2, a3, p.Accumulate);
        }

        private static void Block1x2<TS, TV>(in Product p, int r, int c) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count, mStride = p.MStride, vStride = p.VStride, count = p.Count;
            float* m = p.M + r * p.MRow, v = p.V + c;
            TV a0 = TS.Broadcast(0f), a1 = a0;
            for (int k = 0; k < count; k++)
            {
                float* vk = v + k * vStride;
                TV b = TS.Broadcast(m[k * mStride]);
                a0 = TS.MultiplyAdd(b, TS.Load(vk), a0);
                a1 = TS.MultiplyAdd(b, TS.Load(vk + lanes), a1);
            }
            Store2<TS, TV>(p.Output + r * p.OutStride + c, a0, a1, p.Accumulate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store4<TS, TV>(float* row, TV a0, TV a1, TV a2, TV a3, bool accumulate) where TS : struct, ISimd<TV> where TV : struct
        {
            int lanes = TS.Count;
            Store<TS, TV>(row, a0, accumulate);
            Store<TS, TV>(row + lanes, a1, accumulate);
            Store<TS, TV>(row + 2 * lanes, a2, accumulate);
            Store<TS, TV>(row + 3 * lanes, a3, accumulate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store2<TS, TV>(float* row, TV a0, TV a1, bool accumulate) where TS : struct, ISimd<TV> where TV : struct
        {
            Store<TS, TV>(row, a0, accumulate);
            Store<TS, TV>(row + TS.Count, a1, accumulate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store<TS, TV>(float* target, TV value, bool accumulate) where TS : struct, ISimd<TV> where TV : struct
            => TS.Store(accumulate ? TS.Add(TS.Load(target), value) : value, target);
    }
}
