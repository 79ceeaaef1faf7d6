// The program .ci/package-and-aot.sh builds against the packed NnGen and NnGen.Gpu packages, in a fresh
// `dotnet new console` project (JIT only: ILGPU compiles its kernels at run time). For a fused network (every gate a
// named local) and a per-layer one, it runs ToGpu on ILGPU's CPU accelerator, one TrainStep and a Predict, and
// checks loss, parameters and outputs against the same network trained on the CPU.
using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using NnGen;
using NnGen.Gpu;

using Context context = Context.Create(builder => builder.CPU());
using Accelerator accelerator = context.CreateCPUAccelerator(0);
Console.WriteLine($"NnGen GPU consumer: ILGPU {typeof(Context).Assembly.GetName().Version} on {accelerator.Name}");

int failures = 0;
failures += Check("tiny (fused)", new TinyGpuNet(seed: 3), new TinyGpuNet(seed: 3), (net, a) => ((TinyGpuNet)net).ToGpu(a));
failures += Check("wide (per layer)", new WideGpuNet(seed: 5), new WideGpuNet(seed: 5), (net, a) => ((WideGpuNet)net).ToGpu(a));
if (failures > 0) return 1;
Console.WriteLine("gpu consumer ok");
return 0;

int Check(string name, INetwork cpu, INetwork host, Func<INetwork, Accelerator, GpuNetwork> toGpu)
{
    const int Samples = 9;
    var random = new Random(11);
    var inputs = new float[Samples * cpu.InputSize];
    var targets = new float[Samples * cpu.OutputSize];
    for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 2 - 1);
    for (int s = 0; s < Samples; s++) targets[s * cpu.OutputSize + random.Next(cpu.OutputSize)] = 1f;
    float[] before = (float[])cpu.Parameters.Clone();

    using GpuNetwork gpu = toGpu(host, accelerator);
    float cpuLoss = cpu.TrainStep(inputs, targets, new Sgd(0.1f, momentum: 0.9f));
    float gpuLoss = gpu.TrainStep(inputs, targets, new Sgd(0.1f, momentum: 0.9f));
    var cpuOutputs = new float[Samples * cpu.OutputSize];
    var gpuOutputs = new float[Samples * cpu.OutputSize];
    cpu.Predict(inputs, cpuOutputs);
    gpu.Predict(inputs, gpuOutputs);
    gpu.CopyParametersTo(host.Parameters); // the device parameters into the host network

    double moved = 0, parameterError = 0, outputError = 0;
    for (int j = 0; j < before.Length; j++)
    {
        moved = Math.Max(moved, Math.Abs(cpu.Parameters[j] - before[j]));
        parameterError = Math.Max(parameterError, Math.Abs(cpu.Parameters[j] - host.Parameters[j]));
    }
    for (int k = 0; k < cpuOutputs.Length; k++) outputError = Math.Max(outputError, Math.Abs(cpuOutputs[k] - gpuOutputs[k]));
    double lossError = Math.Abs(cpuLoss - gpuLoss) / Math.Abs(cpuLoss);
    Console.WriteLine(Invariant($"{name}: {cpu.ParameterCount} parameters; loss {cpuLoss:R} (CPU) vs {gpuLoss:R} (device), relative {lossError:E2}; step moved parameters up to {moved:E2}, CPU and device differ by {parameterError:E2}; outputs differ by {outputError:E2}"));
    bool ok = lossError <= 1e-4 && moved > 1e-4 && parameterError <= 1e-5 && outputError <= 1e-5;
    if (!ok) Console.Error.WriteLine($"{name}: the device disagrees with the CPU");
    return ok ? 0 : 1;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

/// <summary>Every layer small: one fused kernel per sample, every gate a named local.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(4)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class TinyGpuNet;

/// <summary>A layer wider than the fused limit: kernels per layer, gradients reduced over chunks of samples.</summary>
[Network(Loss.CategoricalCrossEntropy)]
[Input(16)]
[Dense(40, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class WideGpuNet;
