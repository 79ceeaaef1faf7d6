using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using NnGen.Benchmarks.Quick;
using NnGen.Internal;

namespace NnGen.Benchmarks.Peak
{
    /// <summary>
    /// GFLOP/s of the three dense-layer products (forward x W^T, input gradient dz W, weight gradient dz^T x) on the
    /// largest layers of the benchmark networks, on one core and on both, to set against <see cref="FmaPeak"/>.
    /// One multiply-add counts as 2 FLOPs; bias and activation work is not counted.
    /// </summary>
    public static class KernelThroughput
    {
        private readonly record struct Shape(string Name, int N, int FanIn, int Units);

        private static readonly Shape[] Shapes =
        {
            new("fashion layer 1, batch 128", 128, 784, 256),
            new("mnist128 layer 1, batch 64", 64, 784, 128),
            new("mnist128 layer 1, batch 256", 256, 784, 128),
            new("fashion layer 2, batch 128", 128, 256, 128),
        };

        private static bool s_cpuTime;

        /// <summary>
        /// <c>--kernels [--json] [--cpu-time]</c>. With --cpu-time the single-core figures are timed by the process's
        /// CPU time instead of the wall clock (rougher, but not inflated by other programs on a busy machine).
        /// </summary>
        public static int RunMode(IReadOnlyList<string> args)
        {
            bool json = args.Contains("--json");
            s_cpuTime = args.Contains("--cpu-time");
            if (!json) { Console.WriteLine(QuickMode.MachineLine()); Console.WriteLine(FmaPeak.WidthLine()); }
            foreach (Shape shape in Shapes)
                foreach (bool both in s_cpuTime ? new[] { false } : new[] { false, true })
                {
                    KernelOptions.UseSecondCore = both;
                    var data = new Buffers(shape);
                    Report(shape, both, "forward", Measure(shape, () => DenseKernels.Forward(data.X, data.W, data.B, data.Z, shape.N, shape.FanIn, shape.Units)), json);
                    Report(shape, both, "input gradient", Measure(shape, () => DenseKernels.BackwardInput(data.Z, data.W, data.X, shape.N, shape.FanIn, shape.Units)), json);
                    Report(shape, both, "weight gradient", Measure(shape, () => DenseKernels.AccumulateWeightGradients(data.Z, data.X, data.GW, data.GB, shape.N, shape.FanIn, shape.Units)), json);
                }
            KernelOptions.UseSecondCore = true;
            return 0;
        }

        private static bool Contains(this IReadOnlyList<string> args, string flag)
        {
            foreach (string a in args) if (a == flag) return true;
            return false;
        }

        private static void Report(Shape shape, bool both, string product, Stats gflops, bool json)
        {
            string cores = both ? "2" : "1";
            Console.WriteLine(json
                ? string.Create(CultureInfo.InvariantCulture, $"{{\"kernel\": \"{product}\", \"shape\": \"{shape.Name}\", \"width\": {Simd.Width}, \"fma\": {(Simd.Fused ? "true" : "false")}, \"cores\": {cores}, \"gflops\": {{\"median\": {gflops.Median}, \"min\": {gflops.Min}, \"max\": {gflops.Max}}}}}")
                : string.Create(CultureInfo.InvariantCulture, $"{shape.Name,-28} {product,-16} {cores} core(s): {gflops.Median,6:0.0} GFLOP/s (min {gflops.Min:0.0}, max {gflops.Max:0.0})"));
        }

        private static Stats Measure(Shape shape, Action run, int repeats = 7)
        {
            double flops = 2.0 * shape.N * shape.FanIn * shape.Units;
            for (int i = 0; i < 20; i++) run();
            int calls = 1;
            double t;
            while ((t = Time(run, calls)) < 0.02) calls *= 2;
            calls = Math.Max(1, (int)(calls * (s_cpuTime ? 0.6 : 0.15) / t));
            var gflops = new List<double>();
            for (int r = 0; r < repeats; r++) gflops.Add(flops * calls / Time(run, calls) / 1e9);
            return Stats.Of(gflops, 1);
        }

        private static double Time(Action run, int calls)
        {
            if (s_cpuTime)
            {
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (int i = 0; i < calls; i++) run();
                return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            }
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++) run();
            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        private sealed class Buffers
        {
            public readonly float[] X, W, B, Z, GW, GB;

            public Buffers(Shape s)
            {
                var random = new Random(1);
                X = Fill(s.N * s.FanIn, random);
                W = Fill(s.Units * s.FanIn, random);
                B = Fill(s.Units, random);
                Z = Fill(s.N * s.Units, random);
                GW = new float[s.Units * s.FanIn];
                GB = new float[s.Units];
            }

            private static float[] Fill(int length, Random random)
            {
                var a = new float[length];
                for (int i = 0; i < length; i++) a[i] = (float)(random.NextDouble() - 0.5);
                return a;
            }
        }
    }
}
