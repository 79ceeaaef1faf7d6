using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>
    /// An AdditionalFiles item that may hold weights (.nngen or .onnx), as plain values: its path and its bytes, or the
    /// reason it could not be read. Equal contents compare equal, so the steps after it cache.
    /// </summary>
    internal sealed record WeightsFile(string Path, EquatableArray<byte> Bytes, string? ReadError)
    {
        public const string NnGenExtension = ".nngen", OnnxExtension = ".onnx";

        /// <summary>Whether <paramref name="path"/> names a file the generator reads weights from (by extension, any case).</summary>
        public static bool IsWeightsPath(string path)
            => path.EndsWith(NnGenExtension, StringComparison.OrdinalIgnoreCase) || path.EndsWith(OnnxExtension, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Reads the file's bytes from disk. Roslyn hands additional files over only as text (dotnet/roslyn#47292), and
        /// decoding a binary file as text fails (CS2015), so the text is never asked for; an IO error becomes <see cref="ReadError"/>.
        /// </summary>
        public static WeightsFile Read(string path, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
#pragma warning disable RS1035 // a binary additional file has no text to read through Roslyn (dotnet/roslyn#47292): its bytes come from disk
                byte[] bytes = File.ReadAllBytes(path);
#pragma warning restore RS1035
                return new WeightsFile(path, new EquatableArray<byte>(ImmutableArray.Create(bytes)), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
            {
                return new WeightsFile(path, EquatableArray<byte>.Empty, $"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}
