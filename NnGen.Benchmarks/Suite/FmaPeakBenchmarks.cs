using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NnGen.Benchmarks.Peak;

namespace NnGen.Benchmarks.Suite
{
    /// <summary>
    /// FmaPeak under BenchmarkDotNet: the time per vector FMA instruction of 12 independent chains. GFLOP/s per core =
    /// 2 * lanes / (ns per operation): lanes 8 for Vector256, 16 for Vector512. The quick mode's --peak prints GFLOP/s directly.
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
