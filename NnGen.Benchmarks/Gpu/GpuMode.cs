using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using NnGen.Benchmarks.Networks;
using NnGen.Internal;
using NnGen.Training;

namespace NnGen.Benchmarks.Gpu
{
    /// <summary>
    /// <c>--gpu [--accelerator cuda|cpu] [--net NAME[,NAME]] [--batch N] [--batches N] [--epochs N]</c>: training
    /// samples/s of the generated GPU classes with the training set on the device (Trainer's device path: one upload,
    /// every batch gathered, trained and stepped on the device, losses and parameters read once per epoch), Adam 1e-3,
    /// batch 4096 by default. Before timing, each network's batch gradient on the device is checked against the CPU
    /// code. Without a CUDA device it says so and skips; <c>--accelerator cpu</c> runs ILGPU's CPU accelerator instead
    /// (to try the mode, not to time anything).
    /// </summary>
    public static class GpuMode
    {
        private sealed record Net(string Name, Func<INetwork> Create, Func<INetwork, Accelerator, IDeviceTraining> ToGpu);

        private static readonly Net[] Nets =
        {
            new("mnist128", () => new Mnist128Net(1), (n, a) => ((Mnist128Net)n).ToGpu(a)),
            new("fashion", () => new FashionNet(1), (n, a) => ((FashionNet)n).ToGpu(a)),
            new("tiny", () => new TinyNet(1), (n, a) => ((TinyNet)n).ToGpu(a)),
            new("digits", () => new DigitsDenseNet(1), (n, a) => ((DigitsDenseNet)n).ToGpu(a)),
        };

        public static int Run(IReadOnlyList<string> args)
        {
            string accelerator = "cuda";
            var names = new List<string>();
            int batch = 4096, batches = 8, epochs = 5;
            for (int i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--gpu": break;
                    case "--accelerator": accelerator = Value(args, ref i); break;
                    case "--net": names.AddRange(Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                    case "--batch": batch = Positive(args, ref i); break;
                    case "--batches": batches = Positive(args, ref i); break;
                    case "--epochs": epochs = Positive(args, ref i); break;
                    default: throw new ArgumentException($"Unknown GPU-mode argument '{args[i]}'. {Program.Usage}");
                }
            }
            if (accelerator is not ("cuda" or "cpu")) throw new ArgumentException("--accelerator must be cuda or cpu.");
            Net[] nets = names.Count == 0 ? Nets : names.Select(n => Nets.FirstOrDefault(x => x.Name == n) ?? throw new ArgumentException($"Unknown GPU net '{n}': {string.Join(", ", Nets.Select(x => x.Name))}.")).ToArray();

            using Context context = Context.Create(builder => builder.Cuda().CPU());
            AcceleratorType wanted = accelerator == "cuda" ? AcceleratorType.Cuda : AcceleratorType.CPU;
            Device? device = context.Devices.FirstOrDefault(d => d.AcceleratorType == wanted);
            if (device is null)
            {
                Console.WriteLine("GPU benchmark: no CUDA device, skipped. (--accelerator cpu runs the same code on ILGPU's CPU accelerator.)");
                return 0;
            }
            using Accelerator acc = device.CreateAccelerator(context);
            Console.WriteLine($"GPU benchmark on {acc.Name} ({acc.AcceleratorType}), batch {batch}, {batches} batches per epoch, {epochs} timed epochs after one warm-up, Adam 1e-3.");
            int failures = 0;
            foreach (Net net in nets)
                if (!RunOne(net, acc, batch, batches, epochs)) failures++;
            return failures == 0 ? 0 : 1;
        }

        private static bool RunOne(Net net, Accelerator accelerator, int batch, int batches, int epochs)
        {
            INetwork host = net.Create(), cpu = net.Create();
            Dataset data = Synthetic(host.InputSize, host.OutputSize, batch * batches, seed: 1);
            IDeviceTraining gpu = net.ToGpu(host, accelerator);
            try
            {
                // the device gradient of the first batch against the CPU code's
                ReadOnlySpan<float> x = data.Features[..(batch * host.InputSize)], t = data.Targets[..(batch * host.OutputSize)];
                float cpuLoss = cpu.ComputeGradients(x, t), gpuLoss = gpu.ComputeGradients(x, t);
                double worst = WorstRelativeError(cpu.Gradients, host.Gradients);
                bool agrees = worst <= 1e-4 && Math.Abs(cpuLoss - gpuLoss) <= 1e-4 * Math.Abs(cpuLoss);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{net.Name,-9} check: loss {gpuLoss:G6} (CPU {cpuLoss:G6}), worst gradient error {worst:E2} relative -> {(agrees ? "agrees" : "DISAGREES")} with the CPU path"));

                var order = new int[data.Count];
                for (int i = 0; i < order.Length; i++) order[i] = i;
                var losses = new float[batches];
                var optimizer = new Adam(1e-3f);
                gpu.UploadTrainingSet(data);
                var times = new List<double>();
                for (int epoch = 0; epoch <= epochs; epoch++)
                {
                    new SeededRandom(epoch).Shuffle<int>(order);
                    long start = Stopwatch.GetTimestamp();
                    gpu.UploadOrder(order);
                    for (int b = 0; b < batches; b++) gpu.QueueTrainStep(b, b * batch, batch, optimizer);
                    gpu.FinishEpoch(losses);
                    if (epoch > 0) times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                }
                times.Sort();
                double median = times[times.Count / 2];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{net.Name,-9} train: {batch * batches / median,12:N0} samples/s (median epoch {median * 1e3:F1} ms; last loss {losses[^1]:G5})"));
                return agrees;
            }
            finally
            {
                ((IDisposable)gpu).Dispose();
            }
        }

        private static Dataset Synthetic(int inputs, int outputs, int count, int seed)
        {
            var random = new Random(seed);
            var features = new float[count * inputs];
            var targets = new float[count * outputs];
            for (int i = 0; i < features.Length; i++) features[i] = (float)random.NextDouble();
            for (int s = 0; s < count; s++) targets[s * outputs + random.Next(outputs)] = 1f;
            return new Dataset(features, targets, inputs, outputs);
        }

        /// <summary>As the tests measure it: relative to each element, or to 1 % of the largest for elements below that.</summary>
        private static double WorstRelativeError(float[] expected, float[] actual)
        {
            double scale = expected.Max(v => Math.Abs(v)), worst = 0;
            for (int j = 0; j < expected.Length; j++)
                worst = Math.Max(worst, Math.Abs(actual[j] - expected[j]) / Math.Max(Math.Abs(expected[j]), 0.01 * scale));
            return worst;
        }

        private static string Value(IReadOnlyList<string> args, ref int i)
            => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

        private static int Positive(IReadOnlyList<string> args, ref int i)
        {
            string name = args[i];
            int value = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
            return value >= 1 ? value : throw new ArgumentException($"{name} must be at least 1.");
        }
    }
}
