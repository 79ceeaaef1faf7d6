using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnGen.Internal
{
    /// <summary>
    /// The forward product's tiles, written once for every width: dot products of rows of x with rows of W (both as
    /// stored, k contiguous, so a batch of one needs no transposed copy of W), one vector accumulator per output.
    /// Every output is summed in one order whatever the tile: lane-wise multiply-adds over the full vectors, the
    /// lanes summed by <see cref="ISimd{TVec}.Sum"/>, that sum added to the bias, then the scalar tail. So a sample
    /// alone gives the bits of its row in a batch; the order depends on the vector width (the lanes), and on nothing else.
    /// Rows are <c>xStride</c> and <c>wStride</c> floats apart (packed rows are padded to cache lines).
    /// </summary>
    internal static unsafe class DotTiles
    {
        /// <summary>
        /// Units per tile: 4 rows of x by 4 units is 16 accumulators plus 4 rows of W and x in flight, which fits 32
        /// registers; with 16 registers, 4 by 3 (12 accumulators) keeps every accumulator in a register.
        /// </summary>
        public static int UnitsPerTile => Simd.Registers >= 32 ? 4 : 3;

        /// <summary>z[s, o] = bias[o] + x[s] . w[o] for the rows [0, n) and the units [start, end).</summary>
        public static void Run<TS, TV>(float* x, int xs, float* w, int ws, int fanIn, float* z, int units, float* b, int n, int start, int end)
            where TS : struct, ISimd<TV> where TV : struct
        {
            bool wide = UnitsPerTile == 4;
            int s = 0;
            for (; s + 4 <= n; s += 4)
            {
                int o = start;
                if (wide)
                    for (; o + 4 <= end; o += 4) Tile4x4<TS, TV>(x + s * xs, xs, w + o * ws, ws, fanIn, z + s * units + o, units, b + o);
                else
                    for (; o + 3 <= end; o += 3) Tile4x3<TS, TV>(x + s * xs, xs, w + o * ws, ws, fanIn, z + s * units + o, units, b + o);
                if (wide && o + 3 <= end) { Tile4x3<TS, TV>(x + s * xs, xs, w + o * ws, ws, fanIn, z + s * units + o, units, b + o); o += 3; }
                for (; o < end; o++) Tile4x1<TS, TV>(x + s * xs, xs, w + o * ws, fanIn, z + s * units + o, units, b[o]);
            }
            for (; s < n; s++)
            {
                int o = start;
                for (; o + 4 <= end; o += 4) Tile1x4<TS, TV>(x + s * xs, w + o * ws, ws, fanIn, z + s * units + o, b + o);
                for (; o < end; o++) z[s * units + o] = Dot<TS, TV>(x + s * xs, w + o * ws, fanIn, b[o]);
            }
        }

        /// <summary>z[r, c] = bias[c] + x[r] . w[c] for a tile of 4 rows by 4 units.</summary>
        private static void Tile4x4<TS, TV>(float* x, int xStride, float* w, int wStride, int length, float* z, int zStride, float* bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            float* x1 = x + xStride, x2 = x + 2 * xStride, x3 = x + 3 * xStride;
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            TV zero = TS.Broadcast(0f);
            TV a00 = zero, a01 = zero, a02 = zero, a03 = zero, a10 = zero, a11 = zero, a12 = zero, a13 = zero;
            TV a20 = zero, a21 = zero, a22 = zero, a23 = zero, a30 = zero, a31 = zero, a32 = zero, a33 = zero;
            int i = 0;
            for (; i + TS.Count <= length; i += TS.Count)
            {
                TV v0 = TS.Load(w + i), v1 = TS.Load(w1 + i), v2 = TS.Load(w2 + i), v3 = TS.Load(w3 + i);
                TV xv = TS.Load(x + i);
                a00 = TS.MultiplyAdd(xv, v0, a00); a01 = TS.MultiplyAdd(xv, v1, a01); a02 = TS.MultiplyAdd(xv, v2, a02); a03 = TS.MultiplyAdd(xv, v3, a03);
                xv = TS.Load(x1 + i);
                a10 = TS.MultiplyAdd(xv, v0, a10); a11 = TS.MultiplyAdd(xv, v1, a11); a12 = TS.MultiplyAdd(xv, v2, a12); a13 = TS.MultiplyAdd(xv, v3, a13);
                xv = TS.Load(x2 + i);
                a20 = TS.MultiplyAdd(xv, v0, a20); a21 = TS.MultiplyAdd(xv, v1, a21); a22 = TS.MultiplyAdd(xv, v2, a22); a23 = TS.MultiplyAdd(xv, v3, a23);
                xv = TS.Load(x3 + i);
                a30 = TS.MultiplyAdd(xv, v0, a30); a31 = TS.MultiplyAdd(xv, v1, a31); a32 = TS.MultiplyAdd(xv, v2, a32); a33 = TS.MultiplyAdd(xv, v3, a33);
            }
            Finish4<TS, TV>(a00, a01, a02, a03, x, w, wStride, i, length, z, bias);
            Finish4<TS, TV>(a10, a11, a12, a13, x1, w, wStride, i, length, z + zStride, bias);
            Finish4<TS, TV>(a20, a21, a22, a23, x2, w, wStride, i, length, z + 2 * zStride, bias);
            Finish4<TS, TV>(a30, a31, a32, a33, x3, w, wStride, i, length, z + 3 * zStride, bias);
        }

        /// <summary>z[r, c] = bias[c] + x[r] . w[c] for a tile of 4 rows by 3 units (machines with 16 vector registers).</summary>
        private static void Tile4x3<TS, TV>(float* x, int xStride, float* w, int wStride, int length, float* z, int zStride, float* bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            float* x1 = x + xStride, x2 = x + 2 * xStride, x3 = x + 3 * xStride;
            float* w1 = w + wStride, w2 = w + 2 * wStride;
            TV zero = TS.Broadcast(0f);
            TV a00 = zero, a01 = zero, a02 = zero, a10 = zero, a11 = zero, a12 = zero;
            TV a20 = zero, a21 = zero, a22 = zero, a30 = zero, a31 = zero, a32 = zero;
            int i = 0;
            for (; i + TS.Count <= length; i += TS.Count)
            {
                TV v0 = TS.Load(w + i), v1 = TS.Load(w1 + i), v2 = TS.Load(w2 + i);
                TV xv = TS.Load(x + i);
                a00 = TS.MultiplyAdd(xv, v0, a00); a01 = TS.MultiplyAdd(xv, v1, a01); a02 = TS.MultiplyAdd(xv, v2, a02);
                xv = TS.Load(x1 + i);
                a10 = TS.MultiplyAdd(xv, v0, a10); a11 = TS.MultiplyAdd(xv, v1, a11); a12 = TS.MultiplyAdd(xv, v2, a12);
                xv = TS.Load(x2 + i);
                a20 = TS.MultiplyAdd(xv, v0, a20); a21 = TS.MultiplyAdd(xv, v1, a21); a22 = TS.MultiplyAdd(xv, v2, a22);
                xv = TS.Load(x3 + i);
                a30 = TS.MultiplyAdd(xv, v0, a30); a31 = TS.MultiplyAdd(xv, v1, a31); a32 = TS.MultiplyAdd(xv, v2, a32);
            }
            Finish3<TS, TV>(a00, a01, a02, x, w, wStride, i, length, z, bias);
            Finish3<TS, TV>(a10, a11, a12, x1, w, wStride, i, length, z + zStride, bias);
            Finish3<TS, TV>(a20, a21, a22, x2, w, wStride, i, length, z + 2 * zStride, bias);
            Finish3<TS, TV>(a30, a31, a32, x3, w, wStride, i, length, z + 3 * zStride, bias);
        }

        /// <summary>4 rows of x against one row of W: four chains, for the units a layer's last tile leaves.</summary>
        private static void Tile4x1<TS, TV>(float* x, int xStride, float* w, int length, float* z, int zStride, float bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            float* x1 = x + xStride, x2 = x + 2 * xStride, x3 = x + 3 * xStride;
            TV a0 = TS.Broadcast(0f), a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i + TS.Count <= length; i += TS.Count)
            {
                TV wv = TS.Load(w + i);
                a0 = TS.MultiplyAdd(TS.Load(x + i), wv, a0);
                a1 = TS.MultiplyAdd(TS.Load(x1 + i), wv, a1);
                a2 = TS.MultiplyAdd(TS.Load(x2 + i), wv, a2);
                a3 = TS.MultiplyAdd(TS.Load(x3 + i), wv, a3);
            }
            Vector128<float> sums = Vector128.Create(bias) + TS.Sums(a0, a1, a2, a3);
            z[0] = Tail(x, w, i, length, sums.GetElement(0));
            z[zStride] = Tail(x1, w, i, length, sums.GetElement(1));
            z[2 * zStride] = Tail(x2, w, i, length, sums.GetElement(2));
            z[3 * zStride] = Tail(x3, w, i, length, sums.GetElement(3));
        }

        /// <summary>One row of x against 4 rows of W.</summary>
        private static void Tile1x4<TS, TV>(float* x, float* w, int wStride, int length, float* z, float* bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            float* w1 = w + wStride, w2 = w + 2 * wStride, w3 = w + 3 * wStride;
            TV a0 = TS.Broadcast(0f), a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i + TS.Count <= length; i += TS.Count)
            {
                TV xv = TS.Load(x + i);
                a0 = TS.MultiplyAdd(xv, TS.Load(w + i), a0);
                a1 = TS.MultiplyAdd(xv, TS.Load(w1 + i), a1);
                a2 = TS.MultiplyAdd(xv, TS.Load(w2 + i), a2);
                a3 = TS.MultiplyAdd(xv, TS.Load(w3 + i), a3);
            }
            Finish4<TS, TV>(a0, a1, a2, a3, x, w, wStride, i, length, z, bias);
        }

        /// <summary>bias + x . w in the tiles' order.</summary>
        public static float Dot<TS, TV>(float* x, float* w, int length, float bias) where TS : struct, ISimd<TV> where TV : struct
        {
            TV acc = TS.Broadcast(0f);
            int i = 0;
            for (; i + TS.Count <= length; i += TS.Count) acc = TS.MultiplyAdd(TS.Load(x + i), TS.Load(w + i), acc);
            return Tail(x, w, i, length, bias + TS.Sum(acc));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Finish4<TS, TV>(TV a0, TV a1, TV a2, TV a3, float* x, float* w, int wStride, int i, int length, float* z, float* bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            (Vector128.Load(bias) + TS.Sums(a0, a1, a2, a3)).Store(z);
            if (i == length) return;
            z[0] = Tail(x, w, i, length, z[0]);
            z[1] = Tail(x, w + wStride, i, length, z[1]);
            z[2] = Tail(x, w + 2 * wStride, i, length, z[2]);
            z[3] = Tail(x, w + 3 * wStride, i, length, z[3]);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Finish3<TS, TV>(TV a0, TV a1, TV a2, float* x, float* w, int wStride, int i, int length, float* z, float* bias)
            where TS : struct, ISimd<TV> where TV : struct
        {
            Vector128<float> sums = TS.Sums(a0, a1, a2, a2);
            z[0] = Tail(x, w, i, length, bias[0] + sums.GetElement(0));
            z[1] = Tail(x, w + wStride, i, length, bias[1] + sums.GetElement(1));
            z[2] = Tail(x, w + 2 * wStride, i, length, bias[2] + sums.GetElement(2));
        }

        /// <summary>The elements past the last full vector, one multiply-add after another.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float Tail(float* x, float* w, int i, int length, float sum)
        {
            for (; i < length; i++) sum = ScalarLane.MultiplyAdd(x[i], w[i], sum);
            return sum;
        }
    }
}
