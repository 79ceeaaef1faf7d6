using System;
using NnGen.Onnx.Internal;

namespace NnGen.Onnx
{
    /// <summary>
    /// An ONNX model could not give a network its parameters: the file is damaged, uses an operator or form NnGen does
    /// not read, or is another network's. The message names the first mismatch; the network is unchanged.
    /// </summary>
    public sealed class OnnxImportException : Exception
    {
        /// <summary>A file with <paramref name="problem"/>, described by <paramref name="message"/>.</summary>
        public OnnxImportException(OnnxProblem problem, string message) : base(message) => Problem = problem;

        /// <summary>What kind of problem the file has.</summary>
        public OnnxProblem Problem { get; }
    }
}
