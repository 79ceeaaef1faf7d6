using System;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>
/// One ILGPU context and CPU accelerator for every GPU test (the tests share one collection, so kernels never run
/// from two tests at once), and the generated ToGpu of any network, called by reflection.
/// </summary>
public sealed class CpuAccelerator : IDisposable
{
    public CpuAccelerator()
    {
        Context = Context.Create(builder => builder.CPU());
        Accelerator = Context.CreateCPUAccelerator(0);
    }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    /// <summary>The GPU copy of <paramref name="network"/> (its generated N.Gpu), which keeps network's arrays as its host copy.</summary>
    public IDeviceTraining ToGpu(INetwork network)
    {
        object gpu = network.GetType().GetMethod("ToGpu")!.Invoke(network, new object[] { Accelerator })!;
        return (IDeviceTraining)gpu;
    }

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GpuCollection : ICollectionFixture<CpuAccelerator>
{
    public const string Name = "GPU kernels on ILGPU's CPU accelerator";
}

/// <summary>Relative comparison of a device result with the CPU path's.</summary>
public static class DeviceAssert
{
    /// <summary>Relative tolerance of the GPU path against the CPU path.</summary>
    public const double Relative = 1e-4;

    /// <summary>
    /// Fails unless every element agrees to <see cref="Relative"/>, measured against the element itself or, for an
    /// element below 1 % of the vector's largest, against that 1 %: such elements are sums whose terms cancel, and the
    /// device sums them in another order (partial sums per chunk of the batch), so they can agree only at the
    /// scale of the terms.
    /// </summary>
    public static void Close(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (float e in expected) scale = Math.Max(scale, Math.Abs(e));
        var expectedDouble = new double[expected.Length];
        for (int j = 0; j < expected.Length; j++) expectedDouble[j] = expected[j];
        float[] expectedCopy = expected.ToArray();
        GradientChecks.ElementwiseAssert.Close(what, expectedDouble, actual.ToArray(),
            j => Relative * Math.Max(Math.Abs(expectedCopy[j]), 0.01 * scale));
    }

    /// <summary>
    /// Fails unless the parameters moved alike: each change after - before agrees as <see cref="Close(string, ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    /// asks, give or take one ulp of the parameter itself, the finest change a float parameter can show.
    /// </summary>
    public static void CloseChanges(string what, float[] before, float[] expectedAfter, float[] actualAfter)
    {
        Assert.Equal(before.Length, actualAfter.Length);
        var expected = new double[before.Length];
        var actual = new float[before.Length];
        double scale = 0;
        for (int j = 0; j < before.Length; j++)
        {
            expected[j] = (double)expectedAfter[j] - before[j];
            actual[j] = actualAfter[j] - before[j];
            scale = Math.Max(scale, Math.Abs(expected[j]));
        }
        GradientChecks.ElementwiseAssert.Close(what, expected, actual,
            j => Relative * Math.Max(Math.Abs(expected[j]), 0.01 * scale) + Ulp(expectedAfter[j]));
    }

    private static double Ulp(float value)
    {
        float magnitude = Math.Abs(value);
        return (double)MathF.BitIncrement(magnitude) - magnitude;
    }

    public static void Close(string what, float expected, float actual)
        => GradientChecks.ElementwiseAssert.Close(what, expected, actual, Relative * Math.Abs(expected));
}
