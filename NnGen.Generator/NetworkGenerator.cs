using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Emitting;
using NnGen.Generator.Emitting.Gpu;
using NnGen.Generator.Emitting.Onnx;
using NnGen.Generator.Model;
using NnGen.Generator.Parsing;
using NnGen.Generator.Parsing.Weights;
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

            // GPU kernels only when the consumer references NnGen.Gpu (which brings ILGPU): a bool from the references,
            // combined last, so that without it nothing GPU-related is emitted and the CPU file's steps are untouched.
            IncrementalValueProvider<bool> referencesGpu = context.CompilationProvider
                .Select(static (compilation, _) => GpuDetection.ReferencesNnGenGpu(compilation))
                .WithTrackingName(TrackingNames.ReferencesNnGenGpu);

            IncrementalValuesProvider<(NetworkPlan Plan, EquatableArray<string> FullNames)> gpuModels = plans.Combine(fullNames)
                .Combine(referencesGpu)
                .Where(static pair => pair.Right && pair.Left.Left.Gpu is not null)
                .Select(static (pair, _) => (pair.Left.Left, pair.Left.Right))
                .WithTrackingName(TrackingNames.GpuModel);

            // the GPU part of the plan (kernel shape, kernels, buffers and launch sequences) on its own, so that tests can
            // see it cached apart from the CPU file's plan
            IncrementalValuesProvider<(NetworkPlan Plan, EquatableArray<string> FullNames, GpuKernelPlan Kernels)> gpuPlans = gpuModels
                .Select(static (pair, _) => (pair.Plan, pair.FullNames, pair.Plan.Gpu!))
                .WithTrackingName(TrackingNames.GpuPlan);

            context.RegisterSourceOutput(gpuPlans, static (output, item) =>
            {
                string? hintName = NetworkEmitter.HintName(item.Plan.FullName, item.FullNames);
                if (hintName is not null) output.AddSource(GpuEmitter.HintName(hintName), GpuEmitter.Emit(item.Plan));
            });

            // ExportOnnx, LoadOnnx and FromOnnx only when the consumer references NnGen.Onnx (which brings Google.Protobuf).
            IncrementalValueProvider<bool> referencesOnnx = context.CompilationProvider
                .Select(static (compilation, _) => OnnxDetection.ReferencesNnGenOnnx(compilation))
                .WithTrackingName(TrackingNames.ReferencesNnGenOnnx);

            IncrementalValuesProvider<(NetworkPlan Plan, EquatableArray<string> FullNames)> onnxPlans = plans.Combine(fullNames)
                .Combine(referencesOnnx)
                .Where(static pair => pair.Right)
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(TrackingNames.OnnxPlan);

            context.RegisterSourceOutput(onnxPlans, static (output, item) =>
            {
                string? hintName = NetworkEmitter.HintName(item.Plan.FullName, item.FullNames);
                if (hintName is not null) output.AddSource(OnnxEmitter.HintName(hintName), OnnxEmitter.Emit(item.Plan));
            });

            // NNG0023 at the class name: the plan's reason that the network gets no GPU kernels, reported only when the
            // compilation references NnGen.Gpu. The names' sites travel apart from the plans (a site moves with every edit
            // above the class, which must not plan the network again) and meet them by full name.
            IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<(string FullName, string Reason)>> gpuReasons = plans
                .Where(static plan => plan.GpuUnsupportedReason is not null)
                .Select(static (plan, _) => (plan.FullName, plan.GpuUnsupportedReason!))
                .Collect();
            IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<(string FullName, DiagnosticSite Site)>> nameSites = parsed
                .Where(static result => result.Model is not null && result.NameSite is not null)
                .Select(static (result, _) => (result.Model!.FullName, result.NameSite!))
                .Collect();
            IncrementalValuesProvider<DiagnosticInfo> gpuNotes = nameSites.Combine(gpuReasons)
                .SelectMany(static (pair, _) => GpuNotes(pair.Left, pair.Right))
                .Combine(referencesGpu)
                .Where(static pair => pair.Right)
                .Select(static (pair, _) => pair.Left);

            context.RegisterSourceOutput(gpuNotes, static (output, note) => output.ReportDiagnostic(note.ToDiagnostic()));

            // Weights embedded at build time: the AdditionalFiles that may hold weights, read as bytes (values, so an edited
            // file re-runs only what reads it), and each network that names one, checked against its plan.
            IncrementalValueProvider<EquatableArray<WeightsFile>> weightsFiles = context.AdditionalTextsProvider
                .Where(static text => WeightsFile.IsWeightsPath(text.Path))
                .Select(static (text, cancellationToken) => WeightsFile.Read(text.Path, cancellationToken))
                .WithTrackingName(TrackingNames.WeightsFile)
                .Collect()
                .Select(static (files, _) => files.ToEquatableArray());

            IncrementalValuesProvider<WeightsOutcome> weights = parsed
                .Where(static result => result.Model is { EmbedsWeights: true } && result.WeightsSite is not null)
                .Select(static (result, _) => new WeightsRequest(NetworkPlanner.Plan(result.Model!), result.WeightsSite!))
                .Combine(weightsFiles)
                .Combine(fullNames)
                .Select(static (pair, _) => WeightsResolver.Resolve(pair.Left.Left, pair.Left.Right, NetworkEmitter.HintName(pair.Left.Left.Plan.FullName, pair.Right)))
                .WithTrackingName(TrackingNames.Weights);

            context.RegisterSourceOutput(weights, static (output, outcome) =>
            {
                if (outcome.Diagnostic is not null) output.ReportDiagnostic(outcome.Diagnostic.ToDiagnostic());
                else if (outcome.HintName is not null) output.AddSource(WeightsEmitter.HintName(outcome.HintName), WeightsEmitter.Emit(outcome));
            });

            context.RegisterSourceOutput(diagnostics, static (output, list) =>
            {
                foreach (DiagnosticInfo diagnostic in list)
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
            });
        }

        /// <summary>NNG0023 at each class name whose network's plan gives a reason it gets no GPU kernels, in parse order.</summary>
        private static System.Collections.Generic.IEnumerable<DiagnosticInfo> GpuNotes(
            System.Collections.Immutable.ImmutableArray<(string FullName, DiagnosticSite Site)> sites,
            System.Collections.Immutable.ImmutableArray<(string FullName, string Reason)> reasons)
        {
            foreach ((string fullName, DiagnosticSite site) in sites)
                foreach ((string planned, string reason) in reasons)
                    if (planned == fullName)
                    {
                        yield return DiagnosticInfo.At(Diagnostics.DiagnosticDescriptors.NoGpuKernels, site, site.Name, reason);
                        break;
                    }
        }
    }

    /// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
    public static class TrackingNames
    {
        public const string Parse = "NnGen.Parse";
        public const string Model = "NnGen.Model";
        public const string Plan = "NnGen.Plan";
        public const string Diagnostics = "NnGen.Diagnostics";
        public const string ReferencesNnGenGpu = "NnGen.ReferencesNnGenGpu";
        public const string GpuModel = "NnGen.GpuModel";
        public const string GpuPlan = "NnGen.GpuPlan";
        public const string ReferencesNnGenOnnx = "NnGen.ReferencesNnGenOnnx";
        public const string OnnxPlan = "NnGen.OnnxPlan";
        public const string WeightsFile = "NnGen.WeightsFile";
        public const string Weights = "NnGen.Weights";
    }
}
