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

        public Diagnostic ToDiagnostic()
        {
            Location location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            object[] arguments = new object[Arguments.Count];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = Arguments[i];
            return Diagnostic.Create(Descriptor, location, arguments);
        }
    }

    /// <summary>
    /// What the parse step hands on: the model (null when the declaration has errors), its diagnostics, and the note
    /// that the network gets no GPU kernels (reported only when the compilation references ILGPU).
    /// </summary>
    internal sealed record ParseResult(NetworkModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, DiagnosticInfo? GpuNote = null);
}
