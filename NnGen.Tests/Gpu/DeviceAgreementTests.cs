using System;
using System.Linq;
using NnGen.Internal;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>
/// Every network of the gradient-check catalog (every activation with every loss, in the fused unrolled, fused loop
/// and per-layer kernel shapes) gives on ILGPU's CPU accelerator the outputs, loss and gradients of its CPU code.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class DeviceAgreementTests
{
    private readonly CpuAccelerator _accelerator;

    public DeviceAgreementTests(CpuAccelerator accelerator) => _accelerator = accelerator;

    /// <summary>A few samples, and more than one chunk of the device's batch reduction.</summary>
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (NetworkCase c in NetworkCatalog.All)
        {
            data.Add(c.Name, 5);
            data.Add(c.Name, 70);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_loss_and_gradients_agree_with_the_CPU(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        INetwork cpu = c.Create(), host = c.Create();
        data.LoadInto(cpu);
        data.LoadInto(host);
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;
        int outputs = batch * c.Spec.Output.Units;

        var expected = new float[outputs];
        var actual = new float[outputs];
        cpu.Predict(data.Inputs, expected);
        gpu.Predict(data.Inputs, actual);
        DeviceAssert.Close($"{c}, batch {batch}: outputs", expected, actual);

        DeviceAssert.Close($"{c}, batch {batch}: loss", cpu.ComputeLoss(data.Inputs, data.Targets), gpu.ComputeLoss(data.Inputs, data.Targets));

        float cpuLoss = cpu.ComputeGradients(data.Inputs, data.Targets);
        Array.Fill(host.Gradients, float.NaN);
        float gpuLoss = gpu.ComputeGradients(data.Inputs, data.Targets);
        DeviceAssert.Close($"{c}, batch {batch}: loss with gradients", cpuLoss, gpuLoss);
        DeviceAssert.Close($"{c}, batch {batch}: gradients", cpu.Gradients, host.Gradients);
        Assert.True(cpu.Gradients.Any(g => g != 0f), "a case whose gradient is all zero checks nothing");
    }
}
