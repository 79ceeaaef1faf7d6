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
    /// Compiles each class marked [Network] into specialized C#: parse the attributes into a value model, lower the
    /// model once to a plan of every decision its code needs, then render the plan to source. Diagnostics travel apart
    /// from the model.
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

            IncrementalValuesProvider<NetworkPlan> plans = models
                .Select(static (model, _) => NetworkPlanner.Plan(model))
                .WithTrackingName(TrackingNames.Plan);

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

            context.RegisterSourceOutput(plans.Combine(fullNames), static (output, pair) =>
            {
                string? hintName = NetworkEmitter.HintName(pair.Left.FullName, pair.Right);
                if (hintName is not null) output.AddSource(hintName, NetworkEmitter.Emit(pair.Left));
            });

            // GPU kernels only when the consumer references ILGPU: a bool from the references, combined last, so that
            // without ILGPU nothing GPU-related is emitted and the CPU file's steps are untouched.
            IncrementalValueProvider<bool> referencesIlgpu = context.CompilationProvider
                .Select(static (compilation, _) => GpuDetection.ReferencesIlgpu(compilation))
                .WithTrackingName(TrackingNames.ReferencesIlgpu);

            IncrementalValuesProvider<(NetworkPlan Plan, EquatableArray<string> FullNames)> gpuPlans = plans.Combine(fullNames)
                .Combine(referencesIlgpu)
                .Where(static pair => pair.Right && pair.Left.Left.GpuShape != GpuCodeShape.Unsupported)
                .Select(static (pair, _) => (pair.Left.Left, pair.Left.Right))
                .WithTrackingName(TrackingNames.GpuModel);

            context.RegisterSourceOutput(gpuPlans, static (output, pair) =>
            {
                string? hintName = NetworkEmitter.HintName(pair.Plan.FullName, pair.FullNames);
                if (hintName is not null) output.AddSource(GpuEmitter.HintName(hintName), GpuEmitter.Emit(pair.Plan));
            });

            // NNG0023 at the class name: the plan's reason that the network gets no GPU kernels (from the model, the
            // decision the planner makes), reported only when the compilation references ILGPU.
            IncrementalValuesProvider<DiagnosticInfo> gpuNotes = parsed
                .Select(static (result, _) => result.Model is not null && result.NameSite is not null && CodeShapes.GpuUnsupportedReason(result.Model) is string reason
                    ? DiagnosticInfo.At(Diagnostics.DiagnosticDescriptors.NoGpuKernels, result.NameSite, result.NameSite.Name, reason)
                    : null)
                .Where(static note => note is not null)
                .Select(static (note, _) => note!)
                .Combine(referencesIlgpu)
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
        public const string Plan = "NnGen.Plan";
        public const string Diagnostics = "NnGen.Diagnostics";
        public const string ReferencesIlgpu = "NnGen.ReferencesIlgpu";
        public const string GpuModel = "NnGen.GpuModel";
    }
}
