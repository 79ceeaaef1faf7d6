using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Emitting;
using NnGen.Generator.Emitting.Gpu;
using NnGen.Generator.Model;
using NnGen.Generator.Parsing;
using NnGen.Generator.Planning;

namespace NnGen.Generator
{
    /// <summary>
    /// Compiles each class marked [Network] into specialized C#: parse the attributes into a value model,
    /// then emit source from the model. Diagnostics travel apart from the model.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NetworkGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeNames.Network,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    static (syntax, cancellationToken) => NetworkParser.Parse(syntax, cancellationToken))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValuesProvider<NetworkModel> models = parsed
                .Select(static (result, _) => result.Model)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.Model);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .Where(static list => list.Count > 0)
                .WithTrackingName(TrackingNames.Diagnostics);

            // Hint names must be unique ignoring case, and Net and NET are two valid types: each output sees the
            // full names of all networks (a list that changes only when networks come, go or are renamed).
            IncrementalValueProvider<EquatableArray<string>> fullNames = models
                .Select(static (model, _) => model.FullName)
                .Collect()
                .Select(static (names, _) => names.ToEquatableArray());

            context.RegisterSourceOutput(models.Combine(fullNames), static (output, pair) =>
            {
                string? hintName = NetworkEmitter.HintName(pair.Left, pair.Right);
                if (hintName is not null) output.AddSource(hintName, NetworkEmitter.Emit(pair.Left));
            });

            // GPU kernels only when the consumer references NnGen.Gpu (which brings ILGPU): a bool from the references,
            // combined last, so that without it nothing GPU-related is emitted and the CPU file's steps are untouched.
            IncrementalValueProvider<bool> referencesGpu = context.CompilationProvider
                .Select(static (compilation, _) => GpuDetection.ReferencesNnGenGpu(compilation))
                .WithTrackingName(TrackingNames.ReferencesNnGenGpu);

            IncrementalValuesProvider<(NetworkModel Model, EquatableArray<string> FullNames)> gpuModels = models.Combine(fullNames)
                .Combine(referencesGpu)
                .Where(static pair => pair.Right && GpuShape.Unsupported(pair.Left.Left) is null)
                .Select(static (pair, _) => (pair.Left.Left, pair.Left.Right))
                .WithTrackingName(TrackingNames.GpuModel);

            // the GPU lowering: kernel shape, kernels, buffers and launch sequences, a value (equatable) that caches
            IncrementalValuesProvider<(NetworkModel Model, EquatableArray<string> FullNames, GpuKernelPlan Plan)> gpuPlans = gpuModels
                .Select(static (pair, _) => (pair.Model, pair.FullNames, GpuKernelPlanner.Plan(pair.Model)))
                .WithTrackingName(TrackingNames.GpuPlan);

            context.RegisterSourceOutput(gpuPlans, static (output, item) =>
            {
                string? hintName = NetworkEmitter.HintName(item.Model, item.FullNames);
                if (hintName is not null) output.AddSource(GpuEmitter.HintName(hintName), GpuEmitter.Emit(item.Model, item.Plan));
            });

            IncrementalValuesProvider<DiagnosticInfo> gpuNotes = parsed
                .Select(static (result, _) => result.GpuNote)
                .Where(static note => note is not null)
                .Select(static (note, _) => note!)
                .Combine(referencesGpu)
                .Where(static pair => pair.Right)
                .Select(static (pair, _) => pair.Left);

            context.RegisterSourceOutput(gpuNotes, static (output, note) => output.ReportDiagnostic(note.ToDiagnostic()));

            context.RegisterSourceOutput(diagnostics, static (output, list) =>
            {
                foreach (DiagnosticInfo diagnostic in list)
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
            });
        }
    }

    /// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
    public static class TrackingNames
    {
        public const string Parse = "NnGen.Parse";
        public const string Model = "NnGen.Model";
        public const string Diagnostics = "NnGen.Diagnostics";
        public const string ReferencesNnGenGpu = "NnGen.ReferencesNnGenGpu";
        public const string GpuModel = "NnGen.GpuModel";
        public const string GpuPlan = "NnGen.GpuPlan";
    }
}
