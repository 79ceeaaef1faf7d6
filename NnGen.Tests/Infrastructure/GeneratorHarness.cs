extern alias NnGenGenerator;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NnGenGenerator::NnGen.Generator;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="NetworkGenerator"/> in memory, the way the compiler does: a consumer compilation of the
/// given sources (files Source0.cs, Source1.cs, ...) against the framework and the NnGen runtime, a
/// <see cref="CSharpGeneratorDriver"/> that tracks the incremental steps, and the compilation after generation.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Documentation comments are parsed and checked, so malformed XML docs in generated code are warnings.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Nullable on and every warning wave on: "zero warnings" means the strictest setting.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    public const string ConsumerAssemblyName = "NnGen.Consumer";

    public static string PathOf(int index) => $"Source{index}.cs";

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(TestReferences.All, sources);

    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            ConsumerAssemblyName,
            sources.Select((text, index) => CSharpSyntaxTree.ParseText(text, ParseOptions, PathOf(index))),
            references,
            CompilationOptions);

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            additionalTexts: null,
            parseOptions: ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles the sources, runs the generator once and returns what it produced.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    /// <summary>
    /// As <see cref="Run(string[])"/>, with NnGen.Gpu and the ILGPU it brings referenced (as the NnGen.Gpu package
    /// gives them): the generator also emits the GPU files.
    /// </summary>
    public static GeneratorRun RunWithIlgpu(params string[] sources) => Run(CreateDriver(), CreateCompilation(TestReferences.WithIlgpu, sources));

    /// <summary>As <see cref="Run(string[])"/>, with NnGen.Onnx referenced: the generator also emits the ONNX files.</summary>
    public static GeneratorRun RunWithOnnx(params string[] sources) => Run(CreateDriver(), CreateCompilation(TestReferences.WithOnnx, sources));

    /// <summary>As <see cref="Run(string[])"/>, with ILGPU referenced but not NnGen.Gpu: no GPU files.</summary>
    public static GeneratorRun RunWithIlgpuOnly(params string[] sources) => Run(CreateDriver(), CreateCompilation(TestReferences.IlgpuOnly, sources));

    /// <summary>Runs <paramref name="driver"/> (fresh, or one that ran before, to observe caching) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(next, compilation, output, diagnostics);
    }
}

/// <summary>What one generator run produced, and the consumer compilation with the generated sources added.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        InputCompilation = input;
        OutputCompilation = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Result = driver.GetRunResult().Results.Single();
        GeneratedSources = Result.GeneratedSources
            .OrderBy(source => source.HintName, System.StringComparer.Ordinal)
            .ToDictionary(source => source.HintName, source => source.SourceText.ToString());
    }

    public GeneratorDriver Driver { get; }

    public Compilation InputCompilation { get; }

    public Compilation OutputCompilation { get; }

    public GeneratorRunResult Result { get; }

    /// <summary>Generated source text by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources { get; }

    /// <summary>The diagnostics the generator reported (NNG...), and the driver's own (CS8784/CS8785) if it crashed.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The compiler's diagnostics of the consumer compilation after the generated sources were added.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics => OutputCompilation.GetDiagnostics();

    /// <summary>Compiler diagnostics of warning or error severity.</summary>
    public IEnumerable<Diagnostic> CompilationProblems
        => CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
