using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using NnGen.Benchmarks.Peak;

namespace NnGen.Benchmarks.Quick
{
    /// <summary>
    /// <c>--quick [--json] [--net NAME]... [--impl nngen|baseline|both] [--repeats N] [--no-check]</c>: the Stopwatch
    /// harness over the five networks, NnGen's generated code and the baseline, after the baseline self-check.
    /// With --json, one line per network and implementation with torch_mlp.py's field names (plus "impl"); otherwise
    /// a readable table.
    /// </summary>
    public static class QuickMode
    {
        public static int Run(IReadOnlyList<string> args)
        {
            bool json = false, check = true;
            string impl = "both";
            var names = new List<string>();
            int repeats = 7;
            for (int i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--quick": break;
                    case "--json": json = true; break;
                    case "--no-check": check = false; break;
                    case "--net": names.AddRange(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                    case "--impl": impl = Value(args, ref i); break;
                    case "--repeats": repeats = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"Unknown quick-mode argument '{args[i]}'. {Program.Usage}");
                }
            }
            if (impl is not ("both" or "nngen" or "baseline")) throw new ArgumentException("--impl must be nngen, baseline or both.");
            if (repeats < 1) throw new ArgumentException("--repeats must be at least 1.");
            NetSpec[] specs = names.Count == 0 || names.Contains("all") ? NetSpecs.All.ToArray() : names.Select(NetSpecs.Get).ToArray();

            TextWriter log = json ? Console.Error : Console.Out;
            if (check)
            {
                bool ok = true;
                foreach (NetSpec spec in specs)
                    foreach (CheckResult result in BaselineCheck.Run(spec))
                        if (!result.Passed) { ok = false; Console.Error.WriteLine(result); }
                if (!ok)
                {
                    Console.Error.WriteLine("The baseline disagrees with the generated networks (see above); fix that before comparing speeds, or pass --no-check.");
                    return 1;
                }
                log.WriteLine($"baseline self-check: the baseline matches the generated networks ({string.Join(", ", specs.Select(s => s.Name))}).");
            }

            var options = new QuickOptions { Repeats = repeats };
            var all = new List<QuickResult>();
            if (!json) { log.WriteLine(MachineLine()); log.WriteLine(FmaPeak.WidthLine()); }
            foreach (NetSpec spec in specs)
            {
                BenchData data = BenchData.For(spec);
                GC.Collect();
                var results = new List<QuickResult>();
                if (impl != "baseline") results.Add(MeasureGenerated(spec, data, options));
                if (impl != "nngen") results.Add(QuickBench.Measure(new BaselineModel(spec, seed: 1), "baseline", spec, data, options));
                foreach (QuickResult r in results)
                {
                    if (json) WriteJson(Console.Out, r);
                    else log.WriteLine($"{r.Spec.Name} {r.Impl}: done");
                }
                all.AddRange(results);
            }
            if (!json) WriteTable(Console.Out, all);
            return 0;
        }

        private static QuickResult MeasureGenerated(NetSpec spec, BenchData data, QuickOptions options) => spec.Name switch
        {
            "seed231" => QuickBench.Measure(Seed231Model.Create(1), "nngen", spec, data, options),
            "toy42" => QuickBench.Measure(Toy42Model.Create(1), "nngen", spec, data, options),
            "xor" => QuickBench.Measure(XorModel.Create(1), "nngen", spec, data, options),
            "mnist128" => QuickBench.Measure(Mnist128Model.Create(1), "nngen", spec, data, options),
            "fashion" => QuickBench.Measure(FashionModel.Create(1), "nngen", spec, data, options),
            _ => throw new ArgumentException($"No generated network for '{spec.Name}'."),
        };

        private static string Value(IReadOnlyList<string> args, ref int i)
            => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. {Program.Usage}");

        /// <summary>The widest vector the kernels run at here (<see cref="NnGen.Internal.Simd.Width"/>): "Vector512" ... "scalar".</summary>
        public static string Simd => FmaPeak.Name(NnGen.Internal.Simd.Width);

        public static string MachineLine()
            => $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} cores, {Simd}, "
               + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";

        private static void WriteJson(TextWriter output, QuickResult r)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("net", r.Spec.Name);
                w.WriteString("impl", r.Impl);
                w.WriteStartArray("sizes");
                foreach (int size in r.Spec.Sizes) w.WriteNumberValue(size);
                w.WriteEndArray();
                w.WriteNumber("batch", r.Spec.Batch);
                w.WriteString("opt", r.Spec.OptimizerName);
                w.WriteNumber("lr", double.Parse(r.Spec.LearningRate.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                WriteStats(w, "train_samples_per_s", r.TrainSamplesPerSecond);
                w.WriteNumber("train_steps_per_repeat", r.TrainStepsPerRepeat);
                WriteStats(w, "infer_b1_ns", r.InferB1Nanoseconds);
                WriteStats(w, "infer_b256_samples_per_s", r.InferB256SamplesPerSecond);
                w.WriteNumber("train_alloc_bytes_per_step", Math.Round(r.TrainAllocatedBytesPerStep, 2));
                w.WriteNumber("infer_b1_alloc_bytes_per_call", Math.Round(r.InferB1AllocatedBytesPerCall, 2));
                w.WriteNumber("infer_b256_alloc_bytes_per_call", Math.Round(r.InferB256AllocatedBytesPerCall, 2));
                w.WriteString("data", r.DataSource);
                w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
                w.WriteString("simd", Simd);
                w.WriteNumber("width", NnGen.Internal.Simd.Width);
                w.WriteBoolean("fma", NnGen.Internal.Simd.Fused);
                w.WriteNumber("cores", System.Environment.ProcessorCount);
                w.WriteNumber("repeats", r.Repeats);
                w.WriteEndObject();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            output.Flush();
        }

        private static void WriteStats(Utf8JsonWriter w, string name, Stats s)
        {
            w.WriteStartObject(name);
            w.WriteNumber("median", s.Median);
            w.WriteNumber("min", s.Min);
            w.WriteNumber("max", s.Max);
            w.WriteEndObject();
        }

        private static void WriteTable(TextWriter output, IReadOnlyList<QuickResult> results)
        {
            static string F(Stats s) => string.Create(CultureInfo.InvariantCulture, $"{s.Median:N0} ({s.Min:N0}-{s.Max:N0})");
            static string A(double bytes) => bytes.ToString("0.#", CultureInfo.InvariantCulture);
            output.WriteLine();
            output.WriteLine($"{"net",-9} {"impl",-8} {"train samples/s",-36} {"infer b1 ns",-24} {"infer b256 samples/s",-36} {"alloc B/step, b1, b256",-22}");
            foreach (QuickResult r in results)
                output.WriteLine($"{r.Spec.Name,-9} {r.Impl,-8} {F(r.TrainSamplesPerSecond),-36} {F(r.InferB1Nanoseconds),-24} {F(r.InferB256SamplesPerSecond),-36} "
                                 + $"{A(r.TrainAllocatedBytesPerStep)}, {A(r.InferB1AllocatedBytesPerCall)}, {A(r.InferB256AllocatedBytesPerCall)}");
            output.WriteLine();
            output.WriteLine("NnGen speed-up over the baseline (medians; > 1: NnGen faster):");
            foreach (IGrouping<string, QuickResult> net in results.GroupBy(r => r.Spec.Name))
            {
                QuickResult? n = net.FirstOrDefault(r => r.Impl == "nngen"), b = net.FirstOrDefault(r => r.Impl == "baseline");
                if (n is null || b is null) continue;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {net.Key,-9} train x{n.TrainSamplesPerSecond.Median / b.TrainSamplesPerSecond.Median:0.00}, "
                    + $"infer b1 x{b.InferB1Nanoseconds.Median / n.InferB1Nanoseconds.Median:0.00}, "
                    + $"infer b256 x{n.InferB256SamplesPerSecond.Median / b.InferB256SamplesPerSecond.Median:0.00}"));
            }
        }
    }
}
