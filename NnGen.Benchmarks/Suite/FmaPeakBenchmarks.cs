using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NnGen.Benchmarks.Peak;

namespace NnGen.Benchmarks.Suite
{
    /// <summary>
    /// FmaPeak under BenchmarkDotNet: the time per vector FMA (or, without FMA, multiply-add pair) of 12 independent
    /// chains, at each width this machine runs in registers. GFLOP/s per core = 2 * lanes / (ns per operation): lanes 4
    /// for Vector128, 8 for Vector256, 16 for Vector512, 1 for scalar (Width 32). --peak prints GFLOP/s directly.
    /// </summary>
    public class FmaPeakBenchmarks
    {
        private const long Iterations = 1 << 20;

        public static IEnumerable<int> Widths => FmaPeak.SupportedWidths().ToArray();

        [ParamsSource(nameof(Widths))]
        public int Width { get; set; }

        [Benchmark(OperationsPerInvoke = (int)(Iterations * FmaPeak.Chains))]
        public double VectorFma() => FmaPeak.Run(Width, Iterations);
    }
}
