namespace NnGen.Generator.Emitting
{
    /// <summary>The span types the loop code shape passes its buffers as.</summary>
    internal static class LoopTypes
    {
        public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
        public const string Span = "global::System.Span<float>";
    }
}
