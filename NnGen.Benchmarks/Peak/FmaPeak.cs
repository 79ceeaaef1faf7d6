using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NnGen.Benchmarks.Quick;

namespace NnGen.Benchmarks.Peak
{
    /// <summary>
    /// This core's fused multiply-add peak: 12 independent FMA chains (acc = acc * m + c) per vector width, enough
    /// accumulators to hide the FMA latency on both FMA pipes of current x64 cores (latency 4 x 2 pipes = 8 in flight),
    /// few enough to stay in registers. One FMA on a vector of L floats is 2L FLOPs. The values converge to a fixed point
    /// (m = 0.9999999, c = 1e-7), so no denormals or infinities slow the loop down. Single thread: GFLOP/s per core.
    /// </summary>
    public static class FmaPeak
    {
        public const int Chains = 12;
        private const float M = 0.9999999f, C = 1e-7f;
        private static float s_sink;

        /// <summary>The vector widths this machine can run FMA at: 256 (FMA3) and 512 (AVX-512F).</summary>
        public static IEnumerable<int> SupportedWidths()
        {
            if (Fma.IsSupported) yield return 256;
            if (Avx512F.IsSupported) yield return 512;
        }

        /// <summary>FLOPs of one loop iteration at <paramref name="width"/> bits.</summary>
        public static long FlopsPerIteration(int width) => Chains * (width / 32) * 2L;

        /// <summary>Runs <paramref name="iterations"/> iterations of the 12 chains; returns seconds.</summary>
        public static double Run(int width, long iterations)
        {
            if (width is not (256 or 512)) throw new ArgumentOutOfRangeException(nameof(width), "256 or 512.");
            long start = Stopwatch.GetTimestamp();
            s_sink += width == 256 ? Fma256(iterations) : Fma512(iterations);
            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        // The kernels make no call: the accumulators then stay in registers (no vector register survives a call on
        // x64, so with a call beside the loop the JIT keeps them in stack slots and the loop measures loads and stores).

        /// <summary>GFLOP/s per repeat: warm-up, calibrated to about <paramref name="seconds"/> per repeat.</summary>
        public static Stats Measure(int width, int repeats = 7, double seconds = 0.3)
        {
            Run(width, 1_000_000);
            long n = 1 << 16;
            double t;
            while ((t = Run(width, n)) < 0.05) n *= 2;
            n = Math.Max(1, (long)(n * seconds / t));
            var gflops = new List<double>();
            for (int r = 0; r < repeats; r++) gflops.Add(n * FlopsPerIteration(width) / Run(width, n) / 1e9);
            return Stats.Of(gflops, 1);
        }

        /// <summary><c>--peak [--json]</c>: GFLOP/s per core for each supported width.</summary>
        public static int RunMode(IReadOnlyList<string> args)
        {
            bool json = false;
            foreach (string a in args)
            {
                if (a == "--json") json = true;
                else if (a != "--peak") throw new ArgumentException($"Unknown peak-mode argument '{a}'. {Program.Usage}");
            }
            if (!json) Console.WriteLine(QuickMode.MachineLine());
            foreach (int width in SupportedWidths())
            {
                Stats s = Measure(width);
                if (json)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{{\"fma_peak\": \"Vector{width}\", \"chains\": {Chains}, \"gflops_per_core\": {{\"median\": {s.Median}, \"min\": {s.Min}, \"max\": {s.Max}}}}}"));
                else
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"FMA peak, Vector{width}, {Chains} chains, 1 thread: {s.Median:0.0} GFLOP/s per core (min {s.Min:0.0}, max {s.Max:0.0}); {s.Median / (width / 32 * 2):0.00} G vector FMAs/s"));
            }
            return 0;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static float Fma256(long iterations)
        {
            Vector256<float> m = Vector256.Create(M), c = Vector256.Create(C);
            Vector256<float> a0 = Vector256.Create(0.1f), a1 = Vector256.Create(0.2f), a2 = Vector256.Create(0.3f), a3 = Vector256.Create(0.4f);
            Vector256<float> a4 = Vector256.Create(0.5f), a5 = Vector256.Create(0.6f), a6 = Vector256.Create(0.7f), a7 = Vector256.Create(0.8f);
            Vector256<float> a8 = Vector256.Create(0.9f), a9 = Vector256.Create(1.0f), a10 = Vector256.Create(1.1f), a11 = Vector256.Create(1.2f);
            for (long i = 0; i < iterations; i++)
            {
                a0 = Fma.MultiplyAdd(a0, m, c); a1 = Fma.MultiplyAdd(a1, m, c); a2 = Fma.MultiplyAdd(a2, m, c); a3 = Fma.MultiplyAdd(a3, m, c);
                a4 = Fma.MultiplyAdd(a4, m, c); a5 = Fma.MultiplyAdd(a5, m, c); a6 = Fma.MultiplyAdd(a6, m, c); a7 = Fma.MultiplyAdd(a7, m, c);
                a8 = Fma.MultiplyAdd(a8, m, c); a9 = Fma.MultiplyAdd(a9, m, c); a10 = Fma.MultiplyAdd(a10, m, c); a11 = Fma.MultiplyAdd(a11, m, c);
            }
            return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static float Fma512(long iterations)
        {
            Vector512<float> m = Vector512.Create(M), c = Vector512.Create(C);
            Vector512<float> a0 = Vector512.Create(0.1f), a1 = Vector512.Create(0.2f), a2 = Vector512.Create(0.3f), a3 = Vector512.Create(0.4f);
            Vector512<float> a4 = Vector512.Create(0.5f), a5 = Vector512.Create(0.6f), a6 = Vector512.Create(0.7f), a7 = Vector512.Create(0.8f);
            Vector512<float> a8 = Vector512.Create(0.9f), a9 = Vector512.Create(1.0f), a10 = Vector512.Create(1.1f), a11 = Vector512.Create(1.2f);
            for (long i = 0; i < iterations; i++)
            {
                a0 = Avx512F.FusedMultiplyAdd(a0, m, c); a1 = Avx512F.FusedMultiplyAdd(a1, m, c); a2 = Avx512F.FusedMultiplyAdd(a2, m, c); a3 = Avx512F.FusedMultiplyAdd(a3, m, c);
                a4 = Avx512F.FusedMultiplyAdd(a4, m, c); a5 = Avx512F.FusedMultiplyAdd(a5, m, c); a6 = Avx512F.FusedMultiplyAdd(a6, m, c); a7 = Avx512F.FusedMultiplyAdd(a7, m, c);
                a8 = Avx512F.FusedMultiplyAdd(a8, m, c); a9 = Avx512F.FusedMultiplyAdd(a9, m, c); a10 = Avx512F.FusedMultiplyAdd(a10, m, c); a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
        }

        /// <summary>Keeps the JIT from discarding the chains.</summary>
        public static float Sink => s_sink;
    }
}
