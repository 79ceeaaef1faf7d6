// Compiled into NnGen.Onnx and into the generator (see OnnxLayer.cs).
namespace NnGen.Onnx.Internal
{
    /// <summary>The parameters and state read from an ONNX model, or why there are none.</summary>
    internal sealed class OnnxImportResult
    {
        private OnnxImportResult(OnnxProblem problem, string? message, float[]? parameters, float[]? state)
        {
            Problem = problem;
            Message = message;
            Parameters = parameters;
            State = state;
        }

        public OnnxProblem Problem { get; }

        /// <summary>The first thing wrong, in words for the user; null when the read succeeded.</summary>
        public string? Message { get; }

        public float[]? Parameters { get; }

        public float[]? State { get; }

        public static OnnxImportResult Success(float[] parameters, float[] state) => new(OnnxProblem.None, null, parameters, state);

        public static OnnxImportResult Failure(OnnxProblem problem, string message) => new(problem, message, null, null);
    }
}
