using System;
using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace NnGen.Internal
{
    /// <summary>
    /// The matrix products of a dense layer over a batch, register-blocked and vectorized (Vector512 or Vector256
    /// with fused multiply-add where the machine has them). Generated networks call these with their layer sizes as
    /// constants. Layouts are row-major: x [n][fanIn], W [units][fanIn] (nn.Linear.weight), z and dz [n][units].
    /// The operand a kernel rereads is first copied into cache-line-aligned rows when the batch is large enough to
    /// repay the copy. Each output element is summed in a fixed order that depends only on the sizes and the
    /// machine's vector width (forward) or only on the sizes (backward), never on the batch or the memory layout, so
    /// results repeat bit for bit and a sample alone gives the bits of its row in a batch.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe class DenseKernels
    {
        /// <summary>Batches from this size pack their operands: below it the copy costs more than it saves.</summary>
        private const int PackFrom = 8;

        /// <summary>z[s, o] = b[o] + sum over i of x[s, i] * W[o, i].</summary>
        public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> z, int n, int fanIn, int units)
            => Forward(x, w, b, z, default, n, fanIn, units, Activation.Identity, 0f);

        /// <summary>
        /// z[s, o] = b[o] + sum over i of x[s, i] * W[o, i], and a = f(z) with the element-wise
        /// <paramref name="activation"/> (its <paramref name="alpha"/> for LeakyReLU and ELU) fused into the same pass:
        /// each row of outputs is activated while it is still in the L1 cache. Identity leaves <paramref name="a"/> alone.
        /// </summary>
        public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> z, Span<float> a, int n, int fanIn, int units, Activation activation, float alpha)
        {
            CheckLengths(x.Length, n * fanIn, w.Length, units * fanIn, z.Length, n * units);
            if (b.Length < units) throw new ArgumentException("The bias is shorter than the layer's units.", nameof(b));
            if (!ActivationFunctions.IsElementWise(activation)) throw new ArgumentException($"{activation} is not an element-wise activation.", nameof(activation));
            if (activation != Activation.Identity && a.Length < n * units) throw new ArgumentException($"A dense kernel got an activation span shorter than its sizes: {a.Length} of {n * units}.", nameof(a));
            fixed (float* px = x, pw = w, pb = b, pz = z, pa = a)
            {
                var job = new SecondCore.Job
                {
                    Run = &ForwardColumns, A = px, AStride = fanIn, B = pw, C = pb, D = pz, N = n, FanIn = fanIn, Units = units, End = units,
                    Activated = pa, Activation = activation, Alpha = alpha,
                };
                if (n >= PackFrom && fanIn >= DotTiles.Lanes)
                {
                    job.A = AlignedScratch.PackRows(px, n, fanIn, out job.AStride);
                    job.PackB = true;   // each chunk packs the rows of W it uses
                }
                SecondCore.Run(in job, chunk: 16, Work(n, fanIn, units));
            }
        }

        /// <summary>dx[s, i] = sum over o of dz[s, o] * W[o, i] (overwrites dx).</summary>
        public static void BackwardInput(ReadOnlySpan<float> dz, ReadOnlySpan<float> w, Span<float> dx, int n, int fanIn, int units)
        {
            CheckLengths(dx.Length, n * fanIn, w.Length, units * fanIn, dz.Length, n * units);
            fixed (float* pd = dz, pw = w, px = dx)
            {
                var job = new SecondCore.Job { Run = &BackwardInputColumns, A = pd, B = pw, D = px, N = n, FanIn = fanIn, Units = units, End = fanIn, PackB = n >= PackFrom };
                SecondCore.Run(in job, chunk: 64, Work(n, fanIn, units));
            }
        }

        /// <summary>gW[o, i] += sum over s of dz[s, o] * x[s, i]; gb[o] += sum over s of dz[s, o].</summary>
        public static void AccumulateWeightGradients(ReadOnlySpan<float> dz, ReadOnlySpan<float> x, Span<float> gw, Span<float> gb, int n, int fanIn, int units)
        {
            CheckLengths(x.Length, n * fanIn, gw.Length, units * fanIn, dz.Length, n * units);
            if (gb.Length < units) throw new ArgumentException("The bias gradient is shorter than the layer's units.", nameof(gb));
            fixed (float* pd = dz, px = x, pg = gw, pb = gb)
            {
                var job = new SecondCore.Job { Run = &WeightGradientRows, A = pd, B = px, BStride = fanIn, C = pb, D = pg, N = n, FanIn = fanIn, Units = units, End = units };
                if (units >= 4)
                {
                    job.B = AlignedScratch.PackRows(px, n, fanIn, out job.BStride);
                }
                SecondCore.Run(in job, chunk: 16, Work(n, fanIn, units));
            }
        }

        /// <summary>The forward product for the units [Start, End): 4 x 4 tiles of dot products, then the tails.</summary>
        private static void ForwardColumns(in SecondCore.Job j)
        {
            // One vector width per layer (it depends only on the machine and fanIn), so every output sums in one order.
            int width = Vector512.IsHardwareAccelerated && j.FanIn >= DotTiles.WideLanes ? 512
                : Vector256.IsHardwareAccelerated && j.FanIn >= DotTiles.Lanes ? 256 : 0;
            int n = j.N, fanIn = j.FanIn, units = j.Units, xs = j.AStride, ws = fanIn;
            float* x = j.A, w = j.B, b = j.C, z = j.D;
            if (j.PackB)
            {
                // This chunk's rows of W, aligned; w is offset back so that row o still sits at w + o * ws.
                ws = AlignedScratch.Stride(fanIn);
                w = AlignedScratch.PackWeights(j.B + (long)j.Start * fanIn, j.End - j.Start, fanIn, fanIn, ws) - (long)j.Start * ws;
            }
            int s = 0;
            for (; width > 0 && s + 4 <= n; s += 4)
            {
                int o = j.Start;
                for (; o + 4 <= j.End; o += 4)
                    if (width == 512) DotTiles.Tile4x4Wide(x + s * xs, xs, w + o * ws, ws, fanIn, z + s * units + o, units, b + o);
                    else DotTiles.Tile4x4(x + s * xs, xs, w + o * ws, ws, fanIn, z + s * units + o, units, b + o);
                for (; o < j.End; o++)
                    for (int r = s; r < s + 4; r++) z[r * units + o] = Dot(width, x + r * xs, w + o * ws, fanIn, b[o]);
                Activate(in j, s, 4);
            }
            for (; s < n; s++)
            {
                int o = j.Start;
                for (; width > 0 && o + 4 <= j.End; o += 4)
                    if (width == 512) DotTiles.Tile1x4Wide(x + s * xs, w + o * ws, ws, fanIn, z + s * units + o, b + o);
                    else DotTiles.Tile1x4(x + s * xs, w + o * ws, ws, fanIn, z + s * units + o, b + o);
                for (; o < j.End; o++) z[s * units + o] = Dot(width, x + s * xs, w + o * ws, fanIn, b[o]);
                Activate(in j, s, 1);
            }
        }

        /// <summary>a = f(z) for the rows [s, s + rows) of this chunk's units, while they are still in the L1 cache.</summary>
        private static void Activate(in SecondCore.Job j, int s, int rows)
        {
            if (j.Activation == Activation.Identity) return;
            for (int r = s; r < s + rows; r++)
            {
                float* z = j.D + r * j.Units, a = j.Activated + r * j.Units;
                for (int o = j.Start; o < j.End; o++) a[o] = ActivationFunctions.Apply(j.Activation, j.Alpha, z[o]);
            }
        }

        private static float Dot(int width, float* x, float* w, int length, float bias)
            => width == 512 ? DotTiles.DotWide(x, w, length, bias) : width == 256 ? DotTiles.Dot(x, w, length, bias) : DotTiles.DotScalar(x, w, length, bias);

        /// <summary>The input gradient for the input columns [Start, End): rows of dz broadcast against rows of W.</summary>
        private static void BackwardInputColumns(in SecondCore.Job j)
        {
            int n = j.N, fanIn = j.FanIn, units = j.Units, columns = j.End - j.Start, ws = fanIn;
            float* dz = j.A, w = j.B + j.Start, dx = j.D + j.Start;
            if (j.PackB)
            {
                // This chunk's columns of W, every row aligned.
                ws = AlignedScratch.Stride(columns);
                w = AlignedScratch.PackWeights(w, units, columns, fanIn, ws);
            }
            BroadcastTiles.Rows(n, dz, units, 1, w, ws, columns, units, dx, fanIn, accumulate: false);
        }

        /// <summary>The weight and bias gradients of the units [Start, End).</summary>
        private static void WeightGradientRows(in SecondCore.Job j)
        {
            int n = j.N, fanIn = j.FanIn, units = j.Units;
            float* dz = j.A, x = j.B, gb = j.C, gw = j.D;
            for (int o = j.Start; o < j.End; o++)
            {
                float sum = 0f;
                for (int s = 0; s < n; s++) sum += dz[s * units + o];
                gb[o] += sum;
            }
            // gW = dz^T x: row o of gW gathers, over the samples s, dz[s, o] times row s of x. Each dz value is a
            // broadcast multiplier, read with stride `units` (dz^T seen in place).
            BroadcastTiles.Rows(j.End - j.Start, dz + j.Start, 1, units, x, j.BStride, fanIn, n, gw + j.Start * fanIn, fanIn, accumulate: true);
        }

        private static long Work(int n, int fanIn, int units) => (long)n * fanIn * units;

        private static void CheckLengths(int a, int expectedA, int b, int expectedB, int c, int expectedC)
        {
            if (a < expectedA || b < expectedB || c < expectedC)
                throw new ArgumentException($"A dense kernel got spans shorter than its sizes: {a} of {expectedA}, {b} of {expectedB}, {c} of {expectedC}.");
        }
    }
}
