using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// The metadata references of an in-memory consumer compilation: the framework's trusted platform
/// assemblies and the NnGen runtime, and nothing of the test project's own output (so that networks the
/// tests themselves declare never collide with the ones a test compiles).
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Create);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_ilgpuOnly = new(() =>
        s_all.Value.Add(MetadataReference.CreateFromFile(typeof(ILGPU.Context).Assembly.Location)));

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_withIlgpu = new(() =>
        s_ilgpuOnly.Value.Add(MetadataReference.CreateFromFile(typeof(NnGen.Gpu.GpuNetwork).Assembly.Location)));

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_withOnnx = new(() => s_all.Value
        .Add(MetadataReference.CreateFromFile(typeof(NnGen.Onnx.IOnnxNetwork).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location)));

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    /// <summary><see cref="All"/>, NnGen.Onnx and the Google.Protobuf it brings: the generator also emits the ONNX members.</summary>
    public static ImmutableArray<MetadataReference> WithOnnx => s_withOnnx.Value;

    /// <summary>
    /// <see cref="All"/>, the NnGen.Gpu assembly and the ILGPU assembly it brings (as a consumer of the NnGen.Gpu package
    /// references both), so that the generator also emits the GPU code.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithIlgpu => s_withIlgpu.Value;

    /// <summary><see cref="All"/> and ILGPU without NnGen.Gpu: not enough for GPU code.</summary>
    public static ImmutableArray<MetadataReference> IlgpuOnly => s_ilgpuOnly.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        string runtimePath = typeof(NnGen.NetworkAttribute).Assembly.Location;
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));

        var paths = new SortedSet<string>(trusted, StringComparer.Ordinal) { runtimePath };
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
