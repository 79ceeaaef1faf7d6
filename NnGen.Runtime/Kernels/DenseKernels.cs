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

        /// <summary>
        /// Units (rows of W) per chunk of the forward product when it is shared with the second core: four tiles of
        /// <see cref="DotTiles.UnitsPerTile"/> units, so that only a layer's last chunk has a tail, and a small panel of
        /// W for each chunk to pack (16 rows of 784 floats are 50 KB, which stays in the L2 cache).
        /// </summary>
        private static int ForwardUnitsPerChunk => 4 * DotTiles.UnitsPerTile;

        /// <summary>Units per chunk of the weight gradient: four row blocks of <see cref="BroadcastTiles"/> (4 rows with 32 registers, 6 with 16).</summary>
        private static int WeightGradientUnitsPerChunk => Simd.Registers >= 32 ? 16 : 24;

        /// <summary>
        /// Input columns per chunk of the input gradient when it is shared with the second core: one column block of
        /// <see cref="BroadcastTiles"/> with 512-bit vectors (4 vectors of 16 lanes; two blocks with 256-bit vectors),
        /// so that only a layer's last chunk takes the narrower paths.
        /// </summary>
        private const int InputColumnsPerChunk = 64;

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
                bool pack = n >= PackFrom && fanIn >= 8;
                if (pack && SplitsByRows(n, units))
                {
                    // W packed once for both cores; each packs its own rows of x, which then stay in its own cache.
                    float* wRows = AlignedScratch.PackLayerWeights(pw, units, fanIn, out int wStride);
                    var rowsJob = new ForwardRowsJob(px, wRows, wStride, pb, pz, pa, activation, alpha, fanIn, units);
                    SecondCore.Run(in rowsJob, n, RowsPerChunk(n), Work(n, fanIn, units));
                    return;
                }
                float* xRows = px;
                int xStride = fanIn;
                if (pack) xRows = AlignedScratch.PackRows(px, n, fanIn, out xStride);
                // When packing, each chunk packs the rows of W it uses.
                var job = new ForwardJob(xRows, xStride, pw, pb, pz, pa, activation, alpha, packW: pack, n, fanIn, units);
                SecondCore.Run(in job, units, ForwardUnitsPerChunk, Work(n, fanIn, units));
            }
        }

        /// <summary>dx[s, i] = sum over o of dz[s, o] * W[o, i] (overwrites dx).</summary>
        public static void BackwardInput(ReadOnlySpan<float> dz, ReadOnlySpan<float> w, Span<float> dx, int n, int fanIn, int units)
        {
            CheckLengths(dx.Length, n * fanIn, w.Length, units * fanIn, dz.Length, n * units);
            fixed (float* pd = dz, pw = w, px = dx)
            {
                var job = new BackwardInputJob(pd, pw, px, packW: n >= PackFrom, n, fanIn, units);
                SecondCore.Run(in job, fanIn, InputColumnsPerChunk, Work(n, fanIn, units));
            }
        }

        /// <summary>gW[o, i] += sum over s of dz[s, o] * x[s, i]; gb[o] += sum over s of dz[s, o].</summary>
        public static void AccumulateWeightGradients(ReadOnlySpan<float> dz, ReadOnlySpan<float> x, Span<float> gw, Span<float> gb, int n, int fanIn, int units)
        {
            CheckLengths(x.Length, n * fanIn, gw.Length, units * fanIn, dz.Length, n * units);
            if (gb.Length < units) throw new ArgumentException("The bias gradient is shorter than the layer's units.", nameof(gb));
            fixed (float* pd = dz, px = x, pg = gw, pb = gb)
            {
                float* xRows = px;
                int xStride = fanIn;
                if (units >= 4) xRows = AlignedScratch.PackRows(px, n, fanIn, out xStride);
                // Shared by input columns where there are several chunks of them: each core then reads only its own columns
                // of x (the large operand) and all of dz (measured on 2 cores: mnist128's 784 -> 128 at batch 64, 286-290
                // GFLOP/s by columns against 242 by units). Every output is the same chain either way.
                if (fanIn > InputColumnsPerChunk)
                {
                    AllBiasSums(pd, pb, n, units, 0, units);
                    var columnsJob = new WeightGradientColumnsJob(pd, xRows, xStride, pg, n, fanIn, units);
                    SecondCore.Run(in columnsJob, fanIn, InputColumnsPerChunk, Work(n, fanIn, units));
                    return;
                }
                var job = new WeightGradientJob(pd, xRows, xStride, pb, pg, n, fanIn, units);
                SecondCore.Run(in job, units, WeightGradientUnitsPerChunk, Work(n, fanIn, units));
            }
        }

        /// <summary>The forward product of a range of units: z = b + x W^T, then the fused activation.</summary>
        private readonly struct ForwardJob : IRangeJob
        {
            private readonly float* _x, _w, _bias, _z, _activated;
            private readonly int _xStride, _n, _fanIn, _units;
            private readonly Activation _activation;
            private readonly float _alpha;
            private readonly bool _packW;

            public ForwardJob(float* x, int xStride, float* w, float* bias, float* z, float* activated, Activation activation, float alpha, bool packW, int n, int fanIn, int units)
            {
                _x = x; _xStride = xStride; _w = w; _bias = bias; _z = z; _activated = activated;
                _activation = activation; _alpha = alpha; _packW = packW; _n = n; _fanIn = fanIn; _units = units;
            }

            /// <summary>The units [start, end): tiles of dot products at the widest width fanIn fills, then the tails.</summary>
            public void Run(int start, int end)
            {
                int n = _n, fanIn = _fanIn, units = _units, xs = _xStride, ws = fanIn;
                float* x = _x, w = _w, b = _bias, z = _z;
                if (_packW)
                {
                    // This chunk's rows of W, aligned; w is offset back so that row o still sits at w + o * ws.
                    ws = AlignedScratch.Stride(fanIn);
                    w = AlignedScratch.PackWeights(_w + (long)start * fanIn, end - start, fanIn, fanIn, ws) - (long)start * ws;
                }
                DotTilesAtLayerWidth(x, xs, w, ws, fanIn, z, units, b, n, start, end);
                Activate(start, end, 0, n);
            }

            /// <summary>a = f(z) for the rows [s, s + rows) of the units [start, end), while they are still in the L1 cache.</summary>
            private void Activate(int start, int end, int s, int rows)
            {
                if (_activation == Activation.Identity) return;
                // Vectors of the widest width (ActivationFunctions); the rows are one run when the range holds every unit.
                if (start == 0 && end == _units) ActivationFunctions.Apply(_activation, _alpha, _z + s * _units, _activated + s * _units, rows * _units);
                else
                    for (int r = s; r < s + rows; r++)
                        ActivationFunctions.Apply(_activation, _alpha, _z + r * _units + start, _activated + r * _units + start, end - start);
            }
        }

        /// <summary>
        /// Whether the forward product is shared between the cores by samples (rows of x) rather than by units: from 64
        /// samples, where each core's own rows of x, packed by itself, outweigh packing all of W once (measured on 2 cores:
        /// 784 -> 128 at 64 samples 190-207 GFLOP/s by samples against 135-170 by units; at 16 and 32 samples by units wins).
        /// </summary>
        private static bool SplitsByRows(int n, int units) => n >= 64;

        /// <summary>Rows per chunk of a forward product shared by samples: two chunks of whole tiles (one per core).</summary>
        private static int RowsPerChunk(int n) => Math.Max(4, ((n + 1) / 2 + 3) & ~3);

        /// <summary>The forward product of a range of samples: every unit, chunk by chunk of W, then the fused activation.</summary>
        private readonly struct ForwardRowsJob : IRangeJob
        {
            private readonly float* _x, _w, _bias, _z, _activated;
            private readonly int _wStride, _fanIn, _units;
            private readonly Activation _activation;
            private readonly float _alpha;

            public ForwardRowsJob(float* x, float* w, int wStride, float* bias, float* z, float* activated, Activation activation, float alpha, int fanIn, int units)
            {
                _x = x; _w = w; _wStride = wStride; _bias = bias; _z = z; _activated = activated;
                _activation = activation; _alpha = alpha; _fanIn = fanIn; _units = units;
            }

            /// <summary>The samples [start, end).</summary>
            public void Run(int start, int end)
            {
                int rows = end - start, fanIn = _fanIn, units = _units;
                float* x = AlignedScratch.PackRows(_x + (long)start * fanIn, rows, fanIn, out int xs);
                float* z = _z + (long)start * units;
                int chunk = ForwardUnitsPerChunk;
                // A chunk of W (16 rows of 784 floats: 50 KB) stays in the L2 cache while every row passes over it.
                for (int o = 0; o < units; o += chunk)
                    DotTilesAtLayerWidth(x, xs, _w, _wStride, fanIn, z, units, _bias, rows, o, Math.Min(units, o + chunk));
                if (_activation != Activation.Identity)
                    ActivationFunctions.Apply(_activation, _alpha, z, _activated + (long)start * units, rows * units);
            }
        }

        /// <summary>
        /// <see cref="DotTiles.Run{TS, TV}"/> at one width per layer (it depends only on the machine and fanIn), so
        /// every output sums in one order whichever job and chunk computes it.
        /// </summary>
        private static void DotTilesAtLayerWidth(float* x, int xs, float* w, int ws, int fanIn, float* z, int units, float* b, int n, int start, int end)
        {
            switch (ForwardWidth(fanIn))
            {
                case 512: DotTiles.Run<Lanes512, Vector512<float>>(x, xs, w, ws, fanIn, z, units, b, n, start, end); break;
                case 256: DotTiles.Run<Lanes256, Vector256<float>>(x, xs, w, ws, fanIn, z, units, b, n, start, end); break;
                case 128: DotTiles.Run<Lanes128, Vector128<float>>(x, xs, w, ws, fanIn, z, units, b, n, start, end); break;
                default: DotTiles.Run<ScalarLane, float>(x, xs, w, ws, fanIn, z, units, b, n, start, end); break;
            }
        }

        /// <summary>The widest accelerated width that a row of <paramref name="fanIn"/> floats fills at least once.</summary>
        private static int ForwardWidth(int fanIn)
            => Lanes512.IsAccelerated && fanIn >= Lanes512.Count ? 512
            : Lanes256.IsAccelerated && fanIn >= Lanes256.Count ? 256
            : Lanes128.IsAccelerated && fanIn >= Lanes128.Count ? 128 : 0;

        /// <summary>The input gradient of a range of input columns: rows of dz broadcast against rows of W.</summary>
        private readonly struct BackwardInputJob : IRangeJob
        {
            private readonly float* _dz, _w, _dx;
            private readonly int _n, _fanIn, _units;
            private readonly bool _packW;

            public BackwardInputJob(float* dz, float* w, float* dx, bool packW, int n, int fanIn, int units)
            {
                _dz = dz; _w = w; _dx = dx; _packW = packW; _n = n; _fanIn = fanIn; _units = units;
            }

            /// <summary>The input columns [start, end).</summary>
            public void Run(int start, int end)
            {
                int n = _n, fanIn = _fanIn, units = _units, columns = end - start, ws = fanIn;
                float* dz = _dz, w = _w + start, dx = _dx + start;
                if (_packW)
                {
                    // This chunk's columns of W, every row aligned.
                    ws = AlignedScratch.Stride(columns);
                    w = AlignedScratch.PackWeights(w, units, columns, fanIn, ws);
                }
                BroadcastTiles.Rows(n, dz, units, 1, w, ws, columns, units, dx, fanIn, accumulate: false);
            }
        }

        /// <summary>The weight and bias gradients of a range of units.</summary>
        private readonly struct WeightGradientJob : IRangeJob
        {
            private readonly float* _dz, _x, _gBias, _gw;
            private readonly int _xStride, _n, _fanIn, _units;

            public WeightGradientJob(float* dz, float* x, int xStride, float* gBias, float* gw, int n, int fanIn, int units)
            {
                _dz = dz; _x = x; _xStride = xStride; _gBias = gBias; _gw = gw; _n = n; _fanIn = fanIn; _units = units;
            }

            /// <summary>The units [start, end).</summary>
            public void Run(int start, int end)
            {
                int n = _n, fanIn = _fanIn, units = _units;
                float* dz = _dz, gb = _gBias;
                AllBiasSums(dz, gb, n, units, start, end);
                // gW = dz^T x: row o of gW gathers, over the samples s, dz[s, o] times row s of x. Each dz value is a
                // broadcast multiplier, read with stride `units` (dz^T seen in place).
                BroadcastTiles.Rows(end - start, dz + start, 1, units, _x, _xStride, fanIn, n, _gw + start * fanIn, fanIn, accumulate: true);
            }
        }

        /// <summary>The weight gradients of a range of input columns (the bias gradients are summed before).</summary>
        private readonly struct WeightGradientColumnsJob : IRangeJob
        {
            private readonly float* _dz, _x, _gw;
            private readonly int _xStride, _n, _fanIn, _units;

            public WeightGradientColumnsJob(float* dz, float* x, int xStride, float* gw, int n, int fanIn, int units)
            {
                _dz = dz; _x = x; _xStride = xStride; _gw = gw; _n = n; _fanIn = fanIn; _units = units;
            }

            /// <summary>The input columns [start, end) of every row of gW.</summary>
            public void Run(int start, int end)
                => BroadcastTiles.Rows(_units, _dz, 1, _units, _x + start, _xStride, end - start, _n, _gw + start, _fanIn, accumulate: true);
        }

        /// <summary>gb[o] += the sum over s of dz[s, o] for the units [start, end), the widest vectors first.</summary>
        private static void AllBiasSums(float* dz, float* gb, int n, int units, int start, int end)
        {
            int o = start;
            if (Lanes512.IsAccelerated) o = BiasSums<Lanes512, Vector512<float>>(dz, gb, n, units, o, end);
            if (Lanes256.IsAccelerated) o = BiasSums<Lanes256, Vector256<float>>(dz, gb, n, units, o, end);
            if (Lanes128.IsAccelerated) o = BiasSums<Lanes128, Vector128<float>>(dz, gb, n, units, o, end);
            BiasSums<ScalarLane, float>(dz, gb, n, units, o, end);
        }

        /// <summary>
        /// gb[o] += the sum over s of dz[s, o], in s order from 0, for the units from <paramref name="o"/> that whole
        /// vectors cover (a vector of units per step: every lane's sum is the scalar one, at every width); returns the
        /// first unit left.
        /// </summary>
        private static int BiasSums<TS, TV>(float* dz, float* gb, int n, int units, int o, int end) where TS : struct, ISimd<TV> where TV : struct
        {
            for (; o + TS.Count <= end; o += TS.Count)
            {
                TV sum = TS.Broadcast(0f);
                for (int s = 0; s < n; s++) sum = TS.Add(sum, TS.Load(dz + (long)s * units + o));
                TS.Store(TS.Add(TS.Load(gb + o), sum), gb + o);
            }
            return o;
        }

        private static long Work(int n, int fanIn, int units) => (long)n * fanIn * units;

        private static void CheckLengths(int a, int expectedA, int b, int expectedB, int c, int expectedC)
        {
            if (a < expectedA || b < expectedB || c < expectedC)
                throw new ArgumentException($"A dense kernel got spans shorter than its sizes: {a} of {expectedA}, {b} of {expectedB}, {c} of {expectedC}.");
        }
    }
}
