using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using NnGen.Internal;

namespace NnGen.Benchmarks.Quick
{
    /// <summary>Timing knobs of the quick mode (defaults: those of torch_mlp.py).</summary>
    public sealed class QuickOptions
    {
        public int Repeats { get; init; } = 7;

        /// <summary>Seconds per timed training repeat (torch_mlp.py: 0.5).</summary>
        public double TrainSeconds { get; init; } = 0.5;

        /// <summary>Seconds per timed inference repeat (torch_mlp.py: 0.3).</summary>
        public double InferSeconds { get; init; } = 0.3;
    }

    /// <summary>The quick-mode figures of one implementation of one network.</summary>
    public sealed class QuickResult
    {
        public required NetSpec Spec { get; init; }

        /// <summary>"nngen" or "baseline".</summary>
        public required string Impl { get; init; }

        public required string DataSource { get; init; }

        public required Stats TrainSamplesPerSecond { get; init; }

        public required long TrainStepsPerRepeat { get; init; }

        public required Stats InferB1Nanoseconds { get; init; }

        public required Stats InferB256SamplesPerSecond { get; init; }

        /// <summary>
        /// Bytes allocated (all threads) per timed training step: the least over the repeats, since the runtime's own
        /// threads allocate a few bytes now and then, while an allocation of the code under test shows in every repeat.
        /// </summary>
        public required double TrainAllocatedBytesPerStep { get; init; }

        public required double InferB1AllocatedBytesPerCall { get; init; }

        public required double InferB256AllocatedBytesPerCall { get; init; }

        public required int Repeats { get; init; }
    }

    /// <summary>
    /// A Stopwatch harness that measures what torch_mlp.py measures, the way it measures it: the calls are calibrated to
    /// about <see cref="QuickOptions.TrainSeconds"/> / <see cref="QuickOptions.InferSeconds"/> per repeat (doubling
    /// until a run exceeds 50 ms), and each figure is the median (min, max) of <see cref="QuickOptions.Repeats"/>
    /// repeats. Unlike torch, .NET tiers its JIT code up while it runs, so every measurement first calibrates, runs about
    /// 0.3 s of warm-up, and calibrates again on the warm code.
    /// Training times gathering a batch by random row indices (drawn before the repeat, outside the timing) from the
    /// pre-made data set, then the TrainStep (forward, loss, backward, optimizer step).
    /// </summary>
    public static class QuickBench
    {
        private const double CalibrationSeconds = 0.05;
        private const double WarmUpSeconds = 0.3;     // torch_mlp.py's calibrate(): double n until a run takes longer than this

        // Index rings are capped (about 4 MB); a repeat with more steps than the ring cycles through it.
        private const int MaxRingIndices = 1 << 20;

        private static float s_sink;

        /// <summary>Keeps the JIT from discarding the timed calls' results.</summary>
        public static float Sink => s_sink;

        public static QuickResult Measure<TModel>(TModel model, string impl, NetSpec spec, BenchData data, QuickOptions options)
            where TModel : struct, IBenchModel
        {
            var random = new SeededRandom(1234);
            int b = spec.Batch;
            var xb = new float[b * spec.InputSize];
            var tb = new float[b * spec.OutputSize];

            // Training. Warm-up and calibration on 64 pre-drawn batches, then an extra warm-up, as torch_mlp.py does.
            int[] warmRows = RandomRows(random, data.Count, 64 * b);
            Func<long, double> run = count => TrainLoop(model, data, warmRows, b, xb, tb, count);
            run(Calibrate(run, WarmUpSeconds));
            long steps = Calibrate(run, options.TrainSeconds);
            int ringSteps = (int)Math.Min(steps, Math.Max(64, MaxRingIndices / b));
            var train = new List<double>();
            double trainBytes = double.MaxValue;
            for (int r = 0; r < options.Repeats; r++)
            {
                int[] rows = RandomRows(random, data.Count, ringSteps * b);
                long before = GC.GetTotalAllocatedBytes(precise: true);
                double seconds = TrainLoop(model, data, rows, b, xb, tb, steps);
                trainBytes = Math.Min(trainBytes, (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / steps);
                train.Add(steps * b / seconds);
            }

            // Inference: one sample (the data set's first row, as torch's x[:1]) and 256 random rows.
            float[] x1 = data.Inputs.AsSpan(0, spec.InputSize).ToArray();
            var y1 = new float[spec.OutputSize];
            int[] rows256 = RandomRows(random, data.Count, 256);
            var x256 = new float[256 * spec.InputSize];
            var t256 = new float[256 * spec.OutputSize];
            data.Gather(rows256, x256, t256);
            var y256 = new float[256 * spec.OutputSize];
            (List<double> b1, double b1Bytes) = TimeInfer(model, x1, y1, options);
            (List<double> b256, double b256Bytes) = TimeInfer(model, x256, y256, options);

            return new QuickResult
            {
                Spec = spec,
                Impl = impl,
                DataSource = data.Source,
                TrainSamplesPerSecond = Stats.Of(train, 1),
                TrainStepsPerRepeat = steps,
                InferB1Nanoseconds = Stats.Of(b1.ConvertAll(s => s * 1e9), 0),
                InferB256SamplesPerSecond = Stats.Of(b256.ConvertAll(s => 256 / s), 0),
                TrainAllocatedBytesPerStep = trainBytes,
                InferB1AllocatedBytesPerCall = b1Bytes,
                InferB256AllocatedBytesPerCall = b256Bytes,
                Repeats = options.Repeats,
            };
        }

        /// <summary>Seconds per call of Predict, one value per repeat, and the bytes allocated per call.</summary>
        private static (List<double> SecondsPerCall, double BytesPerCall) TimeInfer<TModel>(TModel model, float[] x, float[] y, QuickOptions options)
            where TModel : struct, IBenchModel
        {
            Func<long, double> run = count => PredictLoop(model, x, y, count);
            run(Calibrate(run, WarmUpSeconds));
            long calls = Calibrate(run, options.InferSeconds);
            var perCall = new List<double>();
            double bytes = double.MaxValue;
            for (int r = 0; r < options.Repeats; r++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                perCall.Add(PredictLoop(model, x, y, calls) / calls);
                bytes = Math.Min(bytes, (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / calls);
            }
            return (perCall, bytes);
        }

        /// <summary>torch_mlp.py's calibrate(): run 1, 2, 4, ... calls until a run exceeds 50 ms; return the calls for <paramref name="targetSeconds"/>.</summary>
        private static long Calibrate(Func<long, double> run, double targetSeconds)
        {
            for (long n = 1; ; n *= 2)
            {
                double seconds = run(n);
                if (seconds > CalibrationSeconds) return Math.Max(1, (long)(n * targetSeconds / seconds));
            }
        }

        // The timed loops are compiled fully optimized at once (no tier-0 or OSR code in the loop itself); the networks'
        // methods they call tier up as usual, with dynamic PGO, during the warm-up and calibration runs.

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static double TrainLoop<TModel>(TModel model, BenchData data, int[] rows, int batch, float[] xb, float[] tb, long steps)
            where TModel : struct, IBenchModel
        {
            int ringSteps = rows.Length / batch, at = 0;
            float sink = 0f;
            long start = Stopwatch.GetTimestamp();
            for (long s = 0; s < steps; s++)
            {
                data.Gather(new ReadOnlySpan<int>(rows, at * batch, batch), xb, tb);
                sink += model.TrainStep(xb, tb);
                if (++at == ringSteps) at = 0;
            }
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            s_sink += sink;
            return seconds;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static double PredictLoop<TModel>(TModel model, float[] x, float[] y, long calls)
            where TModel : struct, IBenchModel
        {
            long start = Stopwatch.GetTimestamp();
            for (long c = 0; c < calls; c++) model.Predict(x, y);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            s_sink += y[0];
            return seconds;
        }

        private static int[] RandomRows(SeededRandom random, int count, int length)
        {
            var rows = new int[length];
            for (int i = 0; i < rows.Length; i++) rows[i] = random.NextInt(count);
            return rows;
        }
    }
}
