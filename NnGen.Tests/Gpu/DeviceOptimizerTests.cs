using System;
using NnGen.Internal;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>
/// A few optimizer steps on the device move the parameters as the same optimizer does on the CPU: SGD (plain, with
/// momentum, Nesterov and weight decay), Adam and AdamW as kernels, RMSprop through the host fallback.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class DeviceOptimizerTests
{
    private readonly CpuAccelerator _accelerator;

    public DeviceOptimizerTests(CpuAccelerator accelerator) => _accelerator = accelerator;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        // one network per kernel shape: fused unrolled, fused loops, per layer
        foreach (string network in new[] { "UnrolledTanhCce", "Boundary65Loop", "DeepLoopCce" })
            foreach (string optimizer in new[] { "adam", "adam-decay", "adamw", "sgd", "sgd-momentum", "sgd-nesterov-decay", "rmsprop" })
                data.Add(network, optimizer);
        return data;
    }

    private static IOptimizer Create(string name) => name switch
    {
        "adam" => new Adam(0.01f),
        "adam-decay" => new Adam(0.01f, weightDecay: 0.1f),
        "adamw" => new AdamW(0.01f),
        "sgd" => new Sgd(0.1f),
        "sgd-momentum" => new Sgd(0.1f, momentum: 0.9f),
        "sgd-nesterov-decay" => new Sgd(0.1f, momentum: 0.9f, nesterov: true, weightDecay: 0.01f),
        "rmsprop" => new RmsProp(0.01f),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>
    /// The device's update is the CPU optimizer's, operation for operation: from the same parameters and the same
    /// (device) gradient, four steps give the same floats, bit for bit, on the CPU accelerator.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_on_the_device_equal_the_CPU_optimizer_on_the_same_gradient(string network, string optimizer)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData first = CaseData.For(c, 17), second = CaseData.For(c, 5);
        INetwork host = c.Create();
        first.LoadInto(host);
        float[] expected = (float[])host.Parameters.Clone();
        var gradient = new float[expected.Length];
        var actual = new float[expected.Length];
        IOptimizer cpuOptimizer = Create(optimizer), gpuOptimizer = Create(optimizer);
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        // four steps on two batches: momentum and the moments see the earlier steps' state
        for (int step = 0; step < 4; step++)
        {
            CaseData batch = step % 2 == 0 ? first : second;
            float loss = gpu.ComputeGradients(batch.Inputs, batch.Targets);
            gpu.Gradients.CopyTo(gradient, 0);
            cpuOptimizer.Step(expected, gradient);
            Assert.Equal(loss, gpu.TrainStep(batch.Inputs, batch.Targets, gpuOptimizer));
            gpu.FinishEpoch(Span<float>.Empty); // copies the device parameters into the host network
            host.Parameters.CopyTo(actual, 0);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{network}, {optimizer}, step {step}: the device parameters differ from the CPU optimizer's");
        }
    }

    /// <summary>And end to end, where the update is linear in the gradient: CPU gradients and steps against the device's.</summary>
    [Theory]
    [InlineData("UnrolledTanhCce", "sgd-nesterov-decay")]
    [InlineData("Boundary65Loop", "sgd-momentum")]
    [InlineData("DeepLoopCce", "sgd")]
    public void Sgd_steps_on_the_device_match_the_CPU_path(string network, string optimizer)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData first = CaseData.For(c, 17), second = CaseData.For(c, 5);
        INetwork cpu = c.Create(), host = c.Create();
        first.LoadInto(cpu);
        first.LoadInto(host);
        float[] before = (float[])cpu.Parameters.Clone();
        IOptimizer cpuOptimizer = Create(optimizer), gpuOptimizer = Create(optimizer);
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        for (int step = 0; step < 4; step++)
        {
            CaseData batch = step % 2 == 0 ? first : second;
            DeviceAssert.Close($"{network}, {optimizer}, step {step}: loss", cpu.TrainStep(batch.Inputs, batch.Targets, cpuOptimizer), gpu.TrainStep(batch.Inputs, batch.Targets, gpuOptimizer));
        }
        gpu.FinishEpoch(Span<float>.Empty);
        DeviceAssert.CloseChanges($"{network}, {optimizer}: the change of the parameters", before, cpu.Parameters, host.Parameters);
    }

    [Fact]
    public void A_new_optimizer_starts_from_fresh_state_as_on_the_CPU()
    {
        NetworkCase c = NetworkCatalog.Get("UnrolledTanhCce");
        CaseData data = CaseData.For(c, 17);
        INetwork cpu = c.Create(), host = c.Create();
        data.LoadInto(cpu);
        data.LoadInto(host);
        float[] before = (float[])cpu.Parameters.Clone();
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        cpu.TrainStep(data.Inputs, data.Targets, new Sgd(0.1f, momentum: 0.9f));
        cpu.TrainStep(data.Inputs, data.Targets, new Sgd(0.1f, momentum: 0.9f));
        gpu.TrainStep(data.Inputs, data.Targets, new Sgd(0.1f, momentum: 0.9f));
        gpu.TrainStep(data.Inputs, data.Targets, new Sgd(0.1f, momentum: 0.9f));
        gpu.FinishEpoch(Span<float>.Empty);

        DeviceAssert.CloseChanges("two fresh momentum optimizers", before, cpu.Parameters, host.Parameters);
    }
}
