using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit.Sdk;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// A consumer compilation emitted to memory and loaded into a collectible <see cref="AssemblyLoadContext"/>,
/// so tests can run networks of any shape. NnGen.Runtime resolves to the test's own copy, so instances cast
/// to <see cref="INetwork"/>. Dispose to unload.
/// </summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/> (for example <see cref="GeneratorRun.OutputCompilation"/>) and loads it.</summary>
    public static LoadedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image);
        if (!result.Success)
            throw new XunitException("The compilation did not emit:\n" + GeneratorAssert.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        // The default Load returns null, so NnGen.Runtime and the framework come from the default context.
        var context = new AssemblyLoadContext($"NnGen.Tests.{compilation.AssemblyName}", isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>Generates, compiles and loads the sources in one step; the generated code must compile cleanly.</summary>
    public static LoadedAssembly Generate(params string[] sources)
    {
        GeneratorRun run = GeneratorHarness.Run(sources);
        GeneratorAssert.CompilesCleanly(run);
        return Load(run.OutputCompilation);
    }

    public Type GetNetworkType(string fullName)
        => Assembly.GetType(fullName, throwOnError: false) ?? throw new XunitException($"No type '{fullName}' in the compiled assembly.");

    /// <summary>Creates the network <paramref name="fullName"/> (metadata name: Outer+Inner for nested types) with its seed constructor.</summary>
    public INetwork CreateNetwork(string fullName, int seed = 0)
        => (INetwork)Activator.CreateInstance(GetNetworkType(fullName), seed)!;

    public void Dispose() => _context.Unload();
}
