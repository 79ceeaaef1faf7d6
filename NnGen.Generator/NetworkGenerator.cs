using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Emitting;
using NnGen.Generator.Model;
using NnGen.Generator.Parsing;

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
    }
}
