using System;
using System.Linq;
using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>
/// No CUDA device is needed to know that the kernels compile for one: ILGPU's PTX backend compiles every kernel of
/// a network (its own and NnGen.Gpu's shared ones, with the NnGen.Gpu.DeviceMath they call) to PTX here, in a plain
/// context (without ILGPU.Algorithms or LibDevice, as a consumer's may be).
/// </summary>
public sealed class PtxCompilationTests
{
    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        // every activation and loss, in every kernel shape: the catalog's networks whose hidden activation varies
        foreach (NetworkCase c in NetworkCatalog.All.Where(c => c.Name.StartsWith("Loop", StringComparison.Ordinal) || c.Name.StartsWith("Unrolled", StringComparison.Ordinal) || c.Name.StartsWith("Boundary", StringComparison.Ordinal)))
            data.Add(c.Name);
        return data;
    }

    private static MethodInfo[] EntryPoints(Type kernels)
        => kernels.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D))
            .ToArray();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_kernel_compiles_to_PTX(string network)
    {
        Type gpu = NetworkCatalog.Get(network).Type.GetNestedType("Gpu")!;
        Type kernels = gpu.GetNestedType("NnKernels", BindingFlags.NonPublic)!;
        // the network's own kernels, and the shared ones of NnGen.Gpu it launches (through its base class)
        MethodInfo[] own = EntryPoints(kernels);
        MethodInfo[] entryPoints = own.Concat(EntryPoints(typeof(global::NnGen.Gpu.SharedKernels))).ToArray();
        Assert.True(own.Length >= 3, $"{network}: only {own.Length} kernels of its own found");
        Assert.True(entryPoints.Length >= 9, $"{network}: only {entryPoints.Length} kernels found");

        using var context = Context.Create(builder => builder.CPU());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_70), CudaArchitecture.SM_70, CudaInstructionSet.ISA_70, nvvmAPI: null);
        foreach (MethodInfo kernel in entryPoints)
        {
            var entry = EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
            var specialization = new KernelSpecialization();
            var compiled = (PTXCompiledKernel)backend.Compile(entry, specialization);
            Assert.Contains(".entry", compiled.PTXAssembly, StringComparison.Ordinal);
        }
    }
}
