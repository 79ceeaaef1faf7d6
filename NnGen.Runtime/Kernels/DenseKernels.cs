using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnGen.Kernels
{
    /// <summary>
    /// The matrix products of a dense layer over a batch, register-blocked and vectorized (Vector256 with fused
    /// multiply-add where the machine has it). Generated networks call these with their layer sizes as constants.
    /// Layouts are row-major: x [n][fanIn], W [units][fanIn] (nn.Linear.weight), z and dz [n][units].
    /// Each output element is summed in a fixed order that depends only on the sizes, so results repeat bit for
    /// bit on one machine; machines without 256-bit vectors take the scalar path and may differ in the last bits.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class DenseKernels
    {
        private const int Lanes = 8;
        private const int WideLanes = 16;

        /// <summary>z[s, o] = b[o] + sum over i of x[s, i] * W[o, i].</summary>
        public static unsafe void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> z, int n, int fanIn, int units)
        {
            CheckLengths(x.Length, n * fanIn, w.Length, units * fanIn, z.Length, n * units);
            if (b.Length < units) throw new ArgumentException("The bias is shorter than the layer's units.", nameof(b));
            int half = (units / 2) & ~3;
            if ((long)n * fanIn * units >= SecondCore.MinimumWork && half >= 4)
            {
                fixed (float* px = x, pw = w, pb = b, pz = z)
                {
                    var job = new SecondCore.Job { Run = &ForwardJob, A = px, B = pw, C = pb, D = pz, N = n, FanIn = fanIn, Units = units, Start = half, End = units };
                    if (SecondCore.TryBegin(job))
                    {
                        ForwardColumns(x, w, b, z, n, fanIn, units, 0, half);
                        SecondCore.End();
                        return;
                    }
                }
            }
            ForwardColumns(x, w, b, z, n, fanIn, units, 0, units);
        }

        /// <summary>dx[s, i] = sum over o of dz[s, o] * W[o, i] (overwrites dx).</summary>
        public static unsafe void BackwardInput(ReadOnlySpan<float> dz, ReadOnlySpan<float> w, Span<float> dx, int n, int fanIn, int units)
        {
            CheckLengths(dx.Length, n * fanIn, w.Length, units * fanIn, dz.Length, n * units);
            int half = (fanIn / 2) & ~(4 * Lanes - 1);
            if ((long)n * fanIn * units >= SecondCore.MinimumWork && half > 0)
            {
                fixed (float* pd = dz, pw = w, px = dx)
                {
                    var job = new SecondCore.Job { Run = &BackwardInputJob, A = pd, B = pw, D = px, N = n, FanIn = fanIn, Units = units, Start = half, End = fanIn };
                    if (SecondCore.TryBegin(job))
                    {
                        BackwardInputColumns(dz, w, dx, n, fanIn, units, 0, half);
                        SecondCore.End();
                        return;
                    }
                }
            }
            BackwardInputColumns(dz, w, dx, n, fanIn, units, 0, fanIn);
        }

        /// <summary>gW[o, i] += sum over s of dz[s, o] * x[s, i]; gb[o] += sum over s of dz[s, o].</summary>
        public static unsafe void AccumulateWeightGradients(ReadOnlySpan<float> dz, ReadOnlySpan<float> x, Span<float> gw, Span<float> gb, int n, int fanIn, int units)
        {
            CheckLengths(x.Length, n * fanIn, gw.Length, units * fanIn, dz.Length, n * units);
            if (gb.Length < units) throw new ArgumentException("The bias gradient is shorter than the layer's units.", nameof(gb));
            int half = (units / 2) & ~3;
            if ((long)n * fanIn * units >= SecondCore.MinimumWork && half >= 4)
            {
                fixed (float* pd = dz, px = x, pg = gw, pb = gb)
                {
                    var job = new SecondCore.Job { Run = &WeightGradientJob, A = pd, B = px, C = pb, D = pg, N = n, FanIn = fanIn, Units = units, Start = half, End = units };
                    if (SecondCore.TryBegin(job))
                    {
                        WeightGradientRows(dz, x, gw, gb, n, fanIn, units, 0, half);
                        SecondCore.End();
                        return;
                    }
                }
            }
            WeightGradientRows(dz, x, gw, gb, n, fanIn, units, 0, units);
        }

        private static unsafe void ForwardJob(in SecondCore.Job j)
            => ForwardColumns(new ReadOnlySpan<float>(j.A, j.N * j.FanIn), new ReadOnlySpan<float>(j.B, j.Units * j.FanIn), new ReadOnlySpan<float>(j.C, j.Units),
                new Span<float>(j.D, j.N * j.Units), j.N, j.FanIn, j.Units, j.Start, j.End);

        private static unsafe void BackwardInputJob(in SecondCore.Job j)
            => BackwardInputColumns(new ReadOnlySpan<float>(j.A, j.N * j.Units), new ReadOnlySpan<float>(j.B, j.Units * j.FanIn), new Span<float>(j.D, j.N * j.FanIn),
                j.N, j.FanIn, j.Units, j.Start, j.End);

        private static unsafe void WeightGradientJob(in SecondCore.Job j)
            => WeightGradientRows(new ReadOnlySpan<float>(j.A, j.N * j.Units), new ReadOnlySpan<float>(j.B, j.N * j.FanIn), new Span<float>(j.D, j.Units * j.FanIn),
                new Span<float>(j.C, j.Units), j.N, j.FanIn, j.Units, j.Start, j.End);

        /// <summary>The forward product for the units [first, end): 4 x 4 tiles of dot products, then the tails.</summary>
        private static void ForwardColumns(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> z, int n, int fanIn, int units, int first, int end)
        {
            ref float x0 = ref MemoryMarshal.GetReference(x);
            ref float w0 = ref MemoryMarshal.GetReference(w);
            ref float z0 = ref MemoryMarshal.GetReference(z);
            // One vector width per layer (it depends only on the machine and fanIn), so every output sums in one order.
            bool wide = Vector512.IsHardwareAccelerated && fanIn >= WideLanes;
            int s = 0;
            for (; s + 4 <= n; s += 4)
            {
                int o = first;
                for (; o + 4 <= end; o += 4)
                    if (wide) DotTile4x4Wide(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, ref Unsafe.Add(ref z0, s * units + o), units, b.Slice(o, 4));
                    else DotTile4x4(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, ref Unsafe.Add(ref z0, s * units + o), units, b.Slice(o, 4));
                for (; o < end; o++)
                    for (int r = 0; r < 4; r++)
                        Unsafe.Add(ref z0, (s + r) * units + o) = wide
                            ? DotWithBiasWide(ref Unsafe.Add(ref x0, (s + r) * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, b[o])
                            : DotWithBias(ref Unsafe.Add(ref x0, (s + r) * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, b[o]);
            }
            for (; s < n; s++)
            {
                int o = first;
                for (; o + 4 <= end; o += 4)
                    if (wide) DotTile1x4Wide(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, ref Unsafe.Add(ref z0, s * units + o), b.Slice(o, 4));
                    else DotTile1x4(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, ref Unsafe.Add(ref z0, s * units + o), b.Slice(o, 4));
                for (; o < end; o++)
                    Unsafe.Add(ref z0, s * units + o) = wide
                        ? DotWithBiasWide(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, b[o])
                        : DotWithBias(ref Unsafe.Add(ref x0, s * fanIn), ref Unsafe.Add(ref w0, o * fanIn), fanIn, b[o]);
            }
        }

        /// <summary>The input gradient for the input columns [first, end): rows of dz broadcast against rows of W.</summary>
        private static void BackwardInputColumns(ReadOnlySpan<float> dz, ReadOnlySpan<float> w, Span<float> dx, int n, int fanIn, int units, int first, int end)
        {
            ref float d0 = ref MemoryMarshal.GetReference(dz);
            ref float w0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(w), first);
            ref float dx0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(dx), first);
            int s = 0;
            for (; s + 4 <= n; s += 4)
                BroadcastRows(4, ref Unsafe.Add(ref d0, s * units), units, 1, ref w0, fanIn, end - first, units, ref Unsafe.Add(ref dx0, s * fanIn), accumulate: false);
            for (; s < n; s++)
                BroadcastRows(1, ref Unsafe.Add(ref d0, s * units), units, 1, ref w0, fanIn, end - first, units, ref Unsafe.Add(ref dx0, s * fanIn), accumulate: false);
        }

        /// <summary>The weight and bias gradients of the units [first, end).</summary>
        private static void WeightGradientRows(ReadOnlySpan<float> dz, ReadOnlySpan<float> x, Span<float> gw, Span<float> gb, int n, int fanIn, int units, int first, int end)
        {
            for (int o = first; o < end; o++)
            {
                float sum = 0f;
                for (int s = 0; s < n; s++) sum += dz[s * units + o];
                gb[o] += sum;
            }
            // gW = dz^T x: row o of gW gathers, over the samples s, dz[s, o] times row s of x. Each dz value is a
            // broadcast multiplier, read with stride `units` (dz^T seen in place).
            ref float d0 = ref MemoryMarshal.GetReference(dz);
            ref float x0 = ref MemoryMarshal.GetReference(x);
            ref float g0 = ref MemoryMarshal.GetReference(gw);
            int o2 = first;
            for (; o2 + 4 <= end; o2 += 4)
                BroadcastRows(4, ref Unsafe.Add(ref d0, o2), 1, units, ref x0, fanIn, fanIn, n, ref Unsafe.Add(ref g0, o2 * fanIn), accumulate: true);
            for (; o2 < end; o2++)
                BroadcastRows(1, ref Unsafe.Add(ref d0, o2), 1, units, ref x0, fanIn, fanIn, n, ref Unsafe.Add(ref g0, o2 * fanIn), accumulate: true);
        }

        /// <summary>
        /// The shared broadcast kernel: for r in rows, out[r, :columns] (+)= sum over k of m[r, k] * v[k, :columns],
        /// where m[r, k] sits at m0[r * mRow + k * multiplierStride] (so m may be a transposed view) and v and out
        /// are row-major with rows `width` apart. Columns go in blocks of 4 vectors: each step loads 4 vectors of v
        /// and broadcasts `rows` multipliers into 4 * rows accumulators.
        /// </summary>
        private static void BroadcastRows(int rows, ref float m0, int mRow, int multiplierStride, ref float v0, int width, int columns, int count, ref float out0, bool accumulate)
        {
            int c = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; c + 4 * Lanes <= columns; c += 4 * Lanes)
                {
                    if (rows == 4) Broadcast4x4(ref m0, mRow, multiplierStride, ref Unsafe.Add(ref v0, c), width, count, ref Unsafe.Add(ref out0, c), accumulate);
                    else Broadcast1x4(ref m0, multiplierStride, ref Unsafe.Add(ref v0, c), width, count, ref Unsafe.Add(ref out0, c), accumulate);
                }
                for (; c + Lanes <= columns; c += Lanes)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        Vector256<float> acc = Vector256<float>.Zero;
                        ref float mr = ref Unsafe.Add(ref m0, r * mRow);
                        for (int k = 0; k < count; k++)
                            acc = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref mr, k * multiplierStride)), Vector256.LoadUnsafe(ref Unsafe.Add(ref v0, k * width + c)), acc);
                        Store(ref Unsafe.Add(ref out0, r * width + c), acc, accumulate);
                    }
                }
            }
            for (; c < columns; c++)
            {
                for (int r = 0; r < rows; r++)
                {
                    float sum = 0f;
                    ref float mr = ref Unsafe.Add(ref m0, r * mRow);
                    for (int k = 0; k < count; k++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref mr, k * multiplierStride), Unsafe.Add(ref v0, k * width + c), sum);
                    ref float target = ref Unsafe.Add(ref out0, r * width + c);
                    target = accumulate ? target + sum : sum;
                }
            }
        }

        private static void Broadcast4x4(ref float m0, int mRow, int mStride, ref float v0, int width, int count, ref float out0, bool accumulate)
        {
            Vector256<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector256<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector256<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector256<float> a30 = default, a31 = default, a32 = default, a33 = default;
            ref float m1 = ref Unsafe.Add(ref m0, mRow), m2 = ref Unsafe.Add(ref m0, 2 * mRow), m3 = ref Unsafe.Add(ref m0, 3 * mRow);
            for (int k = 0; k < count; k++)
            {
                ref float vk = ref Unsafe.Add(ref v0, k * width);
                Vector256<float> v0k = Vector256.LoadUnsafe(ref vk), v1k = Vector256.LoadUnsafe(ref vk, Lanes);
                Vector256<float> v2k = Vector256.LoadUnsafe(ref vk, 2 * Lanes), v3k = Vector256.LoadUnsafe(ref vk, 3 * Lanes);
                int mk = k * mStride;
                Vector256<float> b0 = Vector256.Create(Unsafe.Add(ref m0, mk));
                a00 = Vector256.FusedMultiplyAdd(b0, v0k, a00); a01 = Vector256.FusedMultiplyAdd(b0, v1k, a01);
                a02 = Vector256.FusedMultiplyAdd(b0, v2k, a02); a03 = Vector256.FusedMultiplyAdd(b0, v3k, a03);
                Vector256<float> b1 = Vector256.Create(Unsafe.Add(ref m1, mk));
                a10 = Vector256.FusedMultiplyAdd(b1, v0k, a10); a11 = Vector256.FusedMultiplyAdd(b1, v1k, a11);
                a12 = Vector256.FusedMultiplyAdd(b1, v2k, a12); a13 = Vector256.FusedMultiplyAdd(b1, v3k, a13);
                Vector256<float> b2 = Vector256.Create(Unsafe.Add(ref m2, mk));
                a20 = Vector256.FusedMultiplyAdd(b2, v0k, a20); a21 = Vector256.FusedMultiplyAdd(b2, v1k, a21);
                a22 = Vector256.FusedMultiplyAdd(b2, v2k, a22); a23 = Vector256.FusedMultiplyAdd(b2, v3k, a23);
                Vector256<float> b3 = Vector256.Create(Unsafe.Add(ref m3, mk));
                a30 = Vector256.FusedMultiplyAdd(b3, v0k, a30); a31 = Vector256.FusedMultiplyAdd(b3, v1k, a31);
                a32 = Vector256.FusedMultiplyAdd(b3, v2k, a32); a33 = Vector256.FusedMultiplyAdd(b3, v3k, a33);
            }
            StoreRow(ref out0, a00, a01, a02, a03, accumulate);
            StoreRow(ref Unsafe.Add(ref out0, width), a10, a11, a12, a13, accumulate);
            StoreRow(ref Unsafe.Add(ref out0, 2 * width), a20, a21, a22, a23, accumulate);
            StoreRow(ref Unsafe.Add(ref out0, 3 * width), a30, a31, a32, a33, accumulate);
        }

        private static void Broadcast1x4(ref float m0, int mStride, ref float v0, int width, int count, ref float out0, bool accumulate)
        {
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int k = 0; k < count; k++)
            {
                ref float vk = ref Unsafe.Add(ref v0, k * width);
                Vector256<float> b = Vector256.Create(Unsafe.Add(ref m0, k * mStride));
                a0 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref vk), a0);
                a1 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref vk, Lanes), a1);
                a2 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref vk, 2 * Lanes), a2);
                a3 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref vk, 3 * Lanes), a3);
            }
            StoreRow(ref out0, a0, a1, a2, a3, accumulate);
        }

        private static void StoreRow(ref float row, Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3, bool accumulate)
        {
            Store(ref row, a0, accumulate);
            Store(ref Unsafe.Add(ref row, Lanes), a1, accumulate);
            Store(ref Unsafe.Add(ref row, 2 * Lanes), a2, accumulate);
            Store(ref Unsafe.Add(ref row, 3 * Lanes), a3, accumulate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(ref float target, Vector256<float> value, bool accumulate)
            => (accumulate ? Vector256.LoadUnsafe(ref target) + value : value).StoreUnsafe(ref target);

        /// <summary>A 4 x 4 tile of dot products: 4 rows of x against 4 rows of W, 16 vector accumulators.</summary>
        private static void DotTile4x4(ref float x0, ref float w0, int length, ref float z0, int zStride, ReadOnlySpan<float> bias)
        {
            ref float x1 = ref Unsafe.Add(ref x0, length), x2 = ref Unsafe.Add(ref x0, 2 * length), x3 = ref Unsafe.Add(ref x0, 3 * length);
            ref float w1 = ref Unsafe.Add(ref w0, length), w2 = ref Unsafe.Add(ref w0, 2 * length), w3 = ref Unsafe.Add(ref w0, 3 * length);
            int i = 0;
            if (Vector256.IsHardwareAccelerated && length >= Lanes)
            {
                Vector256<float> a00 = default, a01 = default, a02 = default, a03 = default;
                Vector256<float> a10 = default, a11 = default, a12 = default, a13 = default;
                Vector256<float> a20 = default, a21 = default, a22 = default, a23 = default;
                Vector256<float> a30 = default, a31 = default, a32 = default, a33 = default;
                for (; i + Lanes <= length; i += Lanes)
                {
                    Vector256<float> wv0 = Vector256.LoadUnsafe(ref w0, (nuint)i), wv1 = Vector256.LoadUnsafe(ref w1, (nuint)i);
                    Vector256<float> wv2 = Vector256.LoadUnsafe(ref w2, (nuint)i), wv3 = Vector256.LoadUnsafe(ref w3, (nuint)i);
                    Vector256<float> xv = Vector256.LoadUnsafe(ref x0, (nuint)i);
                    a00 = Vector256.FusedMultiplyAdd(xv, wv0, a00); a01 = Vector256.FusedMultiplyAdd(xv, wv1, a01);
                    a02 = Vector256.FusedMultiplyAdd(xv, wv2, a02); a03 = Vector256.FusedMultiplyAdd(xv, wv3, a03);
                    xv = Vector256.LoadUnsafe(ref x1, (nuint)i);
                    a10 = Vector256.FusedMultiplyAdd(xv, wv0, a10); a11 = Vector256.FusedMultiplyAdd(xv, wv1, a11);
                    a12 = Vector256.FusedMultiplyAdd(xv, wv2, a12); a13 = Vector256.FusedMultiplyAdd(xv, wv3, a13);
                    xv = Vector256.LoadUnsafe(ref x2, (nuint)i);
                    a20 = Vector256.FusedMultiplyAdd(xv, wv0, a20); a21 = Vector256.FusedMultiplyAdd(xv, wv1, a21);
                    a22 = Vector256.FusedMultiplyAdd(xv, wv2, a22); a23 = Vector256.FusedMultiplyAdd(xv, wv3, a23);
                    xv = Vector256.LoadUnsafe(ref x3, (nuint)i);
                    a30 = Vector256.FusedMultiplyAdd(xv, wv0, a30); a31 = Vector256.FusedMultiplyAdd(xv, wv1, a31);
                    a32 = Vector256.FusedMultiplyAdd(xv, wv2, a32); a33 = Vector256.FusedMultiplyAdd(xv, wv3, a33);
                }
                WriteTileRow(ref z0, bias, Vector256.Sum(a00), Vector256.Sum(a01), Vector256.Sum(a02), Vector256.Sum(a03));
                WriteTileRow(ref Unsafe.Add(ref z0, zStride), bias, Vector256.Sum(a10), Vector256.Sum(a11), Vector256.Sum(a12), Vector256.Sum(a13));
                WriteTileRow(ref Unsafe.Add(ref z0, 2 * zStride), bias, Vector256.Sum(a20), Vector256.Sum(a21), Vector256.Sum(a22), Vector256.Sum(a23));
                WriteTileRow(ref Unsafe.Add(ref z0, 3 * zStride), bias, Vector256.Sum(a30), Vector256.Sum(a31), Vector256.Sum(a32), Vector256.Sum(a33));
            }
            else
            {
                for (int r = 0; r < 4; r++)
                    for (int o = 0; o < 4; o++)
                        Unsafe.Add(ref z0, r * zStride + o) = 0f;
            }
            // The tail of the vectors (and everything on machines without them), added after the bias.
            for (int r = 0; r < 4; r++)
            {
                ref float xr = ref Unsafe.Add(ref x0, r * length);
                ref float zr = ref Unsafe.Add(ref z0, r * zStride);
                for (int o = 0; o < 4; o++)
                {
                    ref float wo = ref Unsafe.Add(ref w0, o * length);
                    float sum = i == 0 ? bias[o] : Unsafe.Add(ref zr, o);
                    for (int k = i; k < length; k++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref xr, k), Unsafe.Add(ref wo, k), sum);
                    Unsafe.Add(ref zr, o) = sum;
                }
            }
        }

        /// <summary>One row against 4 rows of W, 4 accumulators, summed in the order of <see cref="DotTile4x4"/>.</summary>
        private static void DotTile1x4(ref float x0, ref float w0, int length, ref float z0, ReadOnlySpan<float> bias)
        {
            ref float w1 = ref Unsafe.Add(ref w0, length), w2 = ref Unsafe.Add(ref w0, 2 * length), w3 = ref Unsafe.Add(ref w0, 3 * length);
            int i = 0;
            if (Vector256.IsHardwareAccelerated && length >= Lanes)
            {
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (; i + Lanes <= length; i += Lanes)
                {
                    Vector256<float> xv = Vector256.LoadUnsafe(ref x0, (nuint)i);
                    a0 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w0, (nuint)i), a0);
                    a1 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w1, (nuint)i), a1);
                    a2 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w2, (nuint)i), a2);
                    a3 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w3, (nuint)i), a3);
                }
                WriteTileRow(ref z0, bias, Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3));
            }
            for (int o = 0; o < 4; o++)
            {
                ref float wo = ref Unsafe.Add(ref w0, o * length);
                float sum = i == 0 ? bias[o] : Unsafe.Add(ref z0, o);
                for (int k = i; k < length; k++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref x0, k), Unsafe.Add(ref wo, k), sum);
                Unsafe.Add(ref z0, o) = sum;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void WriteTileRow(ref float z, ReadOnlySpan<float> bias, float s0, float s1, float s2, float s3)
        {
            z = bias[0] + s0;
            Unsafe.Add(ref z, 1) = bias[1] + s1;
            Unsafe.Add(ref z, 2) = bias[2] + s2;
            Unsafe.Add(ref z, 3) = bias[3] + s3;
        }

        /// <summary>
        /// bias + x . w in the one order every tile uses (8 lane sums by FMA, their horizontal sum plus the bias, then
        /// the scalar tail), so a sample gives the same bits alone as in any row of a batch.
        /// </summary>
        private static float DotWithBias(ref float x, ref float w, int length, float bias)
        {
            int i = 0;
            float sum = bias;
            if (Vector256.IsHardwareAccelerated && length >= Lanes)
            {
                Vector256<float> acc = default;
                for (; i + Lanes <= length; i += Lanes)
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref w, (nuint)i), acc);
                sum = bias + Vector256.Sum(acc);
            }
            for (; i < length; i++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref x, i), Unsafe.Add(ref w, i), sum);
            return sum;
        }

        /// <summary>(512-bit vectors) A 4 x 4 tile of dot products: 4 rows of x against 4 rows of W, 16 vector accumulators.</summary>
        private static void DotTile4x4Wide(ref float x0, ref float w0, int length, ref float z0, int zStride, ReadOnlySpan<float> bias)
        {
            ref float x1 = ref Unsafe.Add(ref x0, length), x2 = ref Unsafe.Add(ref x0, 2 * length), x3 = ref Unsafe.Add(ref x0, 3 * length);
            ref float w1 = ref Unsafe.Add(ref w0, length), w2 = ref Unsafe.Add(ref w0, 2 * length), w3 = ref Unsafe.Add(ref w0, 3 * length);
            int i = 0;
            if (Vector512.IsHardwareAccelerated && length >= WideLanes)
            {
                Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
                Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
                Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
                Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
                for (; i + WideLanes <= length; i += WideLanes)
                {
                    Vector512<float> wv0 = Vector512.LoadUnsafe(ref w0, (nuint)i), wv1 = Vector512.LoadUnsafe(ref w1, (nuint)i);
                    Vector512<float> wv2 = Vector512.LoadUnsafe(ref w2, (nuint)i), wv3 = Vector512.LoadUnsafe(ref w3, (nuint)i);
                    Vector512<float> xv = Vector512.LoadUnsafe(ref x0, (nuint)i);
                    a00 = Vector512.FusedMultiplyAdd(xv, wv0, a00); a01 = Vector512.FusedMultiplyAdd(xv, wv1, a01);
                    a02 = Vector512.FusedMultiplyAdd(xv, wv2, a02); a03 = Vector512.FusedMultiplyAdd(xv, wv3, a03);
                    xv = Vector512.LoadUnsafe(ref x1, (nuint)i);
                    a10 = Vector512.FusedMultiplyAdd(xv, wv0, a10); a11 = Vector512.FusedMultiplyAdd(xv, wv1, a11);
                    a12 = Vector512.FusedMultiplyAdd(xv, wv2, a12); a13 = Vector512.FusedMultiplyAdd(xv, wv3, a13);
                    xv = Vector512.LoadUnsafe(ref x2, (nuint)i);
                    a20 = Vector512.FusedMultiplyAdd(xv, wv0, a20); a21 = Vector512.FusedMultiplyAdd(xv, wv1, a21);
                    a22 = Vector512.FusedMultiplyAdd(xv, wv2, a22); a23 = Vector512.FusedMultiplyAdd(xv, wv3, a23);
                    xv = Vector512.LoadUnsafe(ref x3, (nuint)i);
                    a30 = Vector512.FusedMultiplyAdd(xv, wv0, a30); a31 = Vector512.FusedMultiplyAdd(xv, wv1, a31);
                    a32 = Vector512.FusedMultiplyAdd(xv, wv2, a32); a33 = Vector512.FusedMultiplyAdd(xv, wv3, a33);
                }
                WriteTileRow(ref z0, bias, Vector512.Sum(a00), Vector512.Sum(a01), Vector512.Sum(a02), Vector512.Sum(a03));
                WriteTileRow(ref Unsafe.Add(ref z0, zStride), bias, Vector512.Sum(a10), Vector512.Sum(a11), Vector512.Sum(a12), Vector512.Sum(a13));
                WriteTileRow(ref Unsafe.Add(ref z0, 2 * zStride), bias, Vector512.Sum(a20), Vector512.Sum(a21), Vector512.Sum(a22), Vector512.Sum(a23));
                WriteTileRow(ref Unsafe.Add(ref z0, 3 * zStride), bias, Vector512.Sum(a30), Vector512.Sum(a31), Vector512.Sum(a32), Vector512.Sum(a33));
            }
            else
            {
                for (int r = 0; r < 4; r++)
                    for (int o = 0; o < 4; o++)
                        Unsafe.Add(ref z0, r * zStride + o) = 0f;
            }
            // The tail of the vectors (and everything on machines without them), added after the bias.
            for (int r = 0; r < 4; r++)
            {
                ref float xr = ref Unsafe.Add(ref x0, r * length);
                ref float zr = ref Unsafe.Add(ref z0, r * zStride);
                for (int o = 0; o < 4; o++)
                {
                    ref float wo = ref Unsafe.Add(ref w0, o * length);
                    float sum = i == 0 ? bias[o] : Unsafe.Add(ref zr, o);
                    for (int k = i; k < length; k++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref xr, k), Unsafe.Add(ref wo, k), sum);
                    Unsafe.Add(ref zr, o) = sum;
                }
            }
        }

        /// <summary>(512-bit vectors) One row against 4 rows of W, 4 accumulators, summed in the order of <see cref="DotTile4x4Wide"/>.</summary>
        private static void DotTile1x4Wide(ref float x0, ref float w0, int length, ref float z0, ReadOnlySpan<float> bias)
        {
            ref float w1 = ref Unsafe.Add(ref w0, length), w2 = ref Unsafe.Add(ref w0, 2 * length), w3 = ref Unsafe.Add(ref w0, 3 * length);
            int i = 0;
            if (Vector512.IsHardwareAccelerated && length >= WideLanes)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (; i + WideLanes <= length; i += WideLanes)
                {
                    Vector512<float> xv = Vector512.LoadUnsafe(ref x0, (nuint)i);
                    a0 = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref w0, (nuint)i), a0);
                    a1 = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref w1, (nuint)i), a1);
                    a2 = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref w2, (nuint)i), a2);
                    a3 = Vector512.FusedMultiplyAdd(xv, Vector512.LoadUnsafe(ref w3, (nuint)i), a3);
                }
                WriteTileRow(ref z0, bias, Vector512.Sum(a0), Vector512.Sum(a1), Vector512.Sum(a2), Vector512.Sum(a3));
            }
            for (int o = 0; o < 4; o++)
            {
                ref float wo = ref Unsafe.Add(ref w0, o * length);
                float sum = i == 0 ? bias[o] : Unsafe.Add(ref z0, o);
                for (int k = i; k < length; k++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref x0, k), Unsafe.Add(ref wo, k), sum);
                Unsafe.Add(ref z0, o) = sum;
            }
        }

        /// <summary>(512-bit vectors) 
        /// bias + x . w in the one order every tile uses (8 lane sums by FMA, their horizontal sum plus the bias, then
        /// the scalar tail), so a sample gives the same bits alone as in any row of a batch.
        /// </summary>
        private static float DotWithBiasWide(ref float x, ref float w, int length, float bias)
        {
            int i = 0;
            float sum = bias;
            if (Vector512.IsHardwareAccelerated && length >= WideLanes)
            {
                Vector512<float> acc = default;
                for (; i + WideLanes <= length; i += WideLanes)
                    acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref w, (nuint)i), acc);
                sum = bias + Vector512.Sum(acc);
            }
            for (; i < length; i++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref x, i), Unsafe.Add(ref w, i), sum);
            return sum;
        }

        private static void CheckLengths(int a, int expectedA, int b, int expectedB, int c, int expectedC)
        {
            if (a < expectedA || b < expectedB || c < expectedC)
                throw new ArgumentException($"A dense kernel got spans shorter than its sizes: {a} of {expectedA}, {b} of {expectedB}, {c} of {expectedC}.");
        }
    }
}
