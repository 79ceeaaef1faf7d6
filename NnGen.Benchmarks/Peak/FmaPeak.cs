using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NnGen.Benchmarks.Quick;
using NnGen.Internal;

namespace NnGen.Benchmarks.Peak
{
    /// <summary>
    /// This core's multiply-add peak: 12 independent chains (acc = acc * m + c) per vector width, enough accumulators
    /// to hide the FMA latency on both FMA pipes of current x64 cores (latency 4 x 2 pipes = 8 in flight), few enough
    /// to stay in registers. The chains are written in the kernels' own <see cref="ISimd{TVec}"/> operations, so they
    /// run what the kernels run: one fused multiply-add where <see cref="Simd.Fused"/> holds, a multiply and an add
    /// (two instructions, two roundings) where it does not (x64 without FMA, e.g. under <c>DOTNET_EnableAVX=0</c>).
    /// Either way one step on a vector of L floats is 2L FLOPs. The values converge to a fixed point (m = 0.9999999,
    /// c = 1e-7), so no denormals or infinities slow the loop down. Single thread: GFLOP/s per core.
    /// </summary>
    public static class FmaPeak
    {
        public const int Chains = 12;
        private const float M = 0.9999999f, C = 1e-7f;
        private static float s_sink;

        /// <summary>
        /// The widths measured, in bits: each of 128, 256 and 512 that runs in registers here (<c>IsAccelerated</c>);
        /// 32 (one float, <see cref="ScalarLane"/>) where none does (<c>DOTNET_EnableHWIntrinsic=0</c>).
        /// </summary>
        public static IEnumerable<int> SupportedWidths()
        {
            if (Lanes128.IsAccelerated) yield return 128;
            if (Lanes256.IsAccelerated) yield return 256;
            if (Lanes512.IsAccelerated) yield return 512;
            if (Simd.Width == 0) yield return 32;
        }

        /// <summary>"Vector128", "Vector256", "Vector512", or "scalar" for 32 (and 0).</summary>
        public static string Name(int width) => width is 128 or 256 or 512 ? $"Vector{width}" : "scalar";

        /// <summary>The header line of --peak, --kernels and --quick: the width the kernels run at, and FMA.</summary>
        public static string WidthLine()
            => $"vector width: {Simd.Width} ({Name(Simd.Width)}), FMA: {(Simd.Fused ? "yes" : "no (multiply, then add)")}";

        /// <summary>FLOPs of one loop iteration at <paramref name="width"/> bits.</summary>
        public static long FlopsPerIteration(int width) => Chains * (width / 32) * 2L;

        /// <summary>Runs <paramref name="iterations"/> iterations of the 12 chains; returns seconds.</summary>
        public static double Run(int width, long iterations)
        {
            long start = Stopwatch.GetTimestamp();
            s_sink += width switch
            {
                32 => Chains12<ScalarLane, float>(iterations),
                128 => Vector128.Sum(Simd.Fused ? Chains12<Lanes128, Vector128<float>>(iterations) : MulAdd128(iterations)),
                256 => Vector256.Sum(Chains12<Lanes256, Vector256<float>>(iterations)),
                512 => Vector512.Sum(Chains12<Lanes512, Vector512<float>>(iterations)),
                _ => throw new ArgumentOutOfRangeException(nameof(width), "32, 128, 256 or 512."),
            };
            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

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

        /// <summary><c>--peak [--json]</c>: GFLOP/s per core for each width this machine runs in registers.</summary>
        public static int RunMode(IReadOnlyList<string> args)
        {
            bool json = false;
            foreach (string a in args)
            {
                if (a == "--json") json = true;
                else if (a != "--peak") throw new ArgumentException($"Unknown peak-mode argument '{a}'. {Program.Usage}");
            }
            if (!json) { Console.WriteLine(QuickMode.MachineLine()); Console.WriteLine(WidthLine()); }
            string op = Simd.Fused ? "FMA" : "mul+add";
            foreach (int width in SupportedWidths())
            {
                Stats s = Measure(width);
                if (json)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{{\"fma_peak\": \"{Name(width)}\", \"width\": {Simd.Width}, \"peak_width\": {width}, \"fused\": {(Simd.Fused ? "true" : "false")}, \"chains\": {Chains}, \"gflops_per_core\": {{\"median\": {s.Median}, \"min\": {s.Min}, \"max\": {s.Max}}}}}"));
                else
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{op} peak, {Name(width)}, {Chains} chains, 1 thread: {s.Median:0.0} GFLOP/s per core (min {s.Min:0.0}, max {s.Max:0.0}); "
                        + $"{s.Median / (width / 32 * 2):0.00} G vector {(Simd.Fused ? "FMAs" : "multiply-add pairs")}/s"));
            }
            return 0;
        }

        // The chains make no call: every ISimd member is inlined into the one copy per width, and the accumulators then
        // stay in registers (no vector register survives a call on x64, so with a call beside the loop the JIT keeps
        // them in stack slots and the loop measures loads and stores).
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static TVec Chains12<TSimd, TVec>(long iterations)
            where TSimd : struct, ISimd<TVec>
            where TVec : struct
        {
            TVec m = TSimd.Broadcast(M), c = TSimd.Broadcast(C);
            TVec a0 = TSimd.Broadcast(0.1f), a1 = TSimd.Broadcast(0.2f), a2 = TSimd.Broadcast(0.3f), a3 = TSimd.Broadcast(0.4f);
            TVec a4 = TSimd.Broadcast(0.5f), a5 = TSimd.Broadcast(0.6f), a6 = TSimd.Broadcast(0.7f), a7 = TSimd.Broadcast(0.8f);
            TVec a8 = TSimd.Broadcast(0.9f), a9 = TSimd.Broadcast(1.0f), a10 = TSimd.Broadcast(1.1f), a11 = TSimd.Broadcast(1.2f);
            for (long i = 0; i < iterations; i++)
            {
                a0 = TSimd.MultiplyAdd(a0, m, c); a1 = TSimd.MultiplyAdd(a1, m, c); a2 = TSimd.MultiplyAdd(a2, m, c); a3 = TSimd.MultiplyAdd(a3, m, c);
                a4 = TSimd.MultiplyAdd(a4, m, c); a5 = TSimd.MultiplyAdd(a5, m, c); a6 = TSimd.MultiplyAdd(a6, m, c); a7 = TSimd.MultiplyAdd(a7, m, c);
                a8 = TSimd.MultiplyAdd(a8, m, c); a9 = TSimd.MultiplyAdd(a9, m, c); a10 = TSimd.MultiplyAdd(a10, m, c); a11 = TSimd.MultiplyAdd(a11, m, c);
            }
            TVec sum = TSimd.Add(TSimd.Add(TSimd.Add(a0, a1), TSimd.Add(a2, a3)), TSimd.Add(TSimd.Add(a4, a5), TSimd.Add(a6, a7)));
            return TSimd.Add(sum, TSimd.Add(TSimd.Add(a8, a9), TSimd.Add(a10, a11)));
        }

        /// <summary>
        /// The 128-bit chains without FMA, as a multiply and an add written out (what Lanes128.MultiplyAdd computes there):
        /// under SSE alone (<c>DOTNET_EnableAVX=0</c>) the JIT keeps every accumulator of the generic copy in a stack slot,
        /// which measures loads and stores, not this core's peak; this plain copy stays in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static Vector128<float> MulAdd128(long iterations)
        {
            Vector128<float> m = Vector128.Create(M), c = Vector128.Create(C);
            Vector128<float> a0 = Vector128.Create(0.1f), a1 = Vector128.Create(0.2f), a2 = Vector128.Create(0.3f), a3 = Vector128.Create(0.4f);
            Vector128<float> a4 = Vector128.Create(0.5f), a5 = Vector128.Create(0.6f), a6 = Vector128.Create(0.7f), a7 = Vector128.Create(0.8f);
            Vector128<float> a8 = Vector128.Create(0.9f), a9 = Vector128.Create(1.0f), a10 = Vector128.Create(1.1f), a11 = Vector128.Create(1.2f);
            for (long i = 0; i < iterations; i++)
            {
                a0 = a0 * m + c; a1 = a1 * m + c; a2 = a2 * m + c; a3 = a3 * m + c; a4 = a4 * m + c; a5 = a5 * m + c;
                a6 = a6 * m + c; a7 = a7 * m + c; a8 = a8 * m + c; a9 = a9 * m + c; a10 = a10 * m + c; a11 = a11 * m + c;
            }
            return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
        }

        /// <summary>Keeps the JIT from discarding the chains.</summary>
        public static float Sink => s_sink;
    }
}
