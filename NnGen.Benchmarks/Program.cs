using System;
using System.Linq;
using BenchmarkDotNet.Running;
using NnGen.Benchmarks.Peak;
using NnGen.Benchmarks.Quick;

namespace NnGen.Benchmarks
{
    public static class Program
    {
        public const string Usage =
            "Usage: NnGen.Benchmarks --quick [--json] [--net NAME[,NAME]]... [--impl nngen|baseline|both] [--repeats N] [--no-check]\n"
            + "       NnGen.Benchmarks --check                  (the baseline self-check alone)\n"
            + "       NnGen.Benchmarks --peak [--json]          (this core's FMA peak, GFLOP/s, at each accelerated width)\n"
            + "       NnGen.Benchmarks --width                  (the vector width the kernels run at, in bits, and FMA)\n"
            + "       NnGen.Benchmarks --kernels [--json] [--cpu-time] (GFLOP/s of the dense-layer products, 1 and 2 cores)\n"
            + "       NnGen.Benchmarks --gpu [--accelerator cuda|cpu] [--net NAME[,NAME]] [--batch N] [--batches N] [--epochs N]\n"
            + "                                                 (GPU training samples/s: mnist128, fashion, tiny, digits; batch 4096)\n"
            + "       NnGen.Benchmarks [BenchmarkDotNet arguments, e.g. --filter '*Mnist128*']\n"
            + "Networks: seed231, toy42, xor, mnist128, fashion.";

        public static int Main(string[] args)
        {
#if DEBUG
            Console.Error.WriteLine("warning: a Debug build; timings mean nothing. Run with -c Release.");
#endif
            try
            {
                if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(Usage); return 0; }
                if (args.Contains("--quick")) return QuickMode.Run(args);
                if (args.Contains("--peak")) return FmaPeak.RunMode(args);
                if (args.Contains("--kernels")) return KernelThroughput.RunMode(args);
                if (args.Contains("--gpu")) return Gpu.GpuMode.Run(args);
                if (args.Contains("--check")) return Check();
                if (args.Contains("--width")) { Console.WriteLine(FmaPeak.WidthLine()); return 0; }
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        }

        private static int Check()
        {
            var results = BaselineCheck.RunAll();
            foreach (CheckResult r in results) Console.WriteLine(r);
            int failed = results.Count(r => !r.Passed);
            Console.WriteLine(failed == 0 ? "The baseline matches the generated networks." : $"{failed} of {results.Count} checks failed.");
            return failed == 0 ? 0 : 1;
        }
    }
}
