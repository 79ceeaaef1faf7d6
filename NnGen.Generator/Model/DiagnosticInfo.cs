using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NnGen.Generator.Model
{
    /// <summary>
    /// A diagnostic as plain values (descriptor, file, span, message arguments), so that it can travel through
    /// the incremental pipeline apart from the model without holding a syntax tree.
    /// </summary>
    internal sealed record DiagnosticInfo(
        DiagnosticDescriptor Descriptor,
        string FilePath,
        TextSpan Span,
        LinePositionSpan LineSpan,
        EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
        {
            FileLinePositionSpan lineSpan = location.GetLineSpan();
            return new DiagnosticInfo(descriptor, lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span, arguments.ToEquatableArray());
        }

        /// <summary>A diagnostic at <paramref name="site"/>, decided after parsing (by the plan).</summary>
        public static DiagnosticInfo At(DiagnosticDescriptor descriptor, DiagnosticSite site, params string[] arguments)
            => new(descriptor, site.FilePath, site.Span, site.LineSpan, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic()
        {
            Location location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            object[] arguments = new object[Arguments.Count];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = Arguments[i];
            return Diagnostic.Create(Descriptor, location, arguments);
        }
    }

    /// <summary>A place in the source as plain values: where a diagnostic decided after parsing is reported.</summary>
    internal sealed record DiagnosticSite(string FilePath, TextSpan Span, LinePositionSpan LineSpan, string Name)
    {
        public static DiagnosticSite Of(Location location, string name)
        {
            FileLinePositionSpan lineSpan = location.GetLineSpan();
            return new DiagnosticSite(lineSpan.Path ?? string.Empty, location.SourceSpan, lineSpan.Span, name);
        }
    }

    /// <summary>
    /// What the parse step hands on: the model (null when the declaration has errors), its diagnostics, and the class
    /// name's site, where notes that the plan decides (NNG0023: no GPU kernels) are reported, and the site of the
    /// <c>Weights = "..."</c> argument, where the weights file's diagnostics (NNG0024 to NNG0026) are reported.
    /// </summary>
    internal sealed record ParseResult(NetworkModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, DiagnosticSite? NameSite = null, DiagnosticSite? WeightsSite = null);
}
