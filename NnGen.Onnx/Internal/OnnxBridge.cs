using System;
using System.ComponentModel;
using System.IO;
using NnGen.Internal;

namespace NnGen.Onnx.Internal
{
    /// <summary>What each network's generated ExportOnnx, LoadOnnx and FromOnnx call; not for use by hand.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class OnnxBridge
    {
        /// <summary>A limit on what LoadOnnx reads from a stream, far beyond any network NnGen generates (50M parameters).</summary>
        private const int MaximumFileBytes = 1 << 30;

        /// <summary>Writes the network's inference graph as an ONNX model to <paramref name="stream"/>.</summary>
        public static void Export(Stream stream, string networkName, int inputSize, OnnxLayer[] layers, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
        {
            ArgumentNullException.ThrowIfNull(stream);
            stream.Write(Serialize(networkName, inputSize, layers, parameters, state));
        }

        /// <summary>Writes through a temporary file renamed over <paramref name="path"/>, so a crash never leaves a broken file.</summary>
        public static void Export(string path, string networkName, int inputSize, OnnxLayer[] layers, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
            => AtomicFile.Write(path, Serialize(networkName, inputSize, layers, parameters, state));

        /// <summary>Reads the model, checks it against the declaration, and only then replaces the parameters and state.</summary>
        /// <exception cref="OnnxImportException">The file is damaged, unsupported or another network's; nothing changed.</exception>
        public static void Import(Stream stream, string networkName, int inputSize, OnnxLayer[] layers, Span<float> parameters, Span<float> state)
        {
            ArgumentNullException.ThrowIfNull(stream);
            Import(ReadAll(stream), networkName, inputSize, layers, parameters, state);
        }

        /// <summary>Reads the ONNX model at <paramref name="path"/>; see the stream overload.</summary>
        public static void Import(string path, string networkName, int inputSize, OnnxLayer[] layers, Span<float> parameters, Span<float> state)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Import(file, networkName, inputSize, layers, parameters, state);
        }

        private static void Import(byte[] bytes, string networkName, int inputSize, OnnxLayer[] layers, Span<float> parameters, Span<float> state)
        {
            OnnxImportResult result = OnnxGraphReader.Read(bytes, inputSize, layers);
            if (result.Problem != OnnxProblem.None)
                throw new OnnxImportException(result.Problem, $"The ONNX model does not fit {networkName}: {result.Message}.");
            if (result.Parameters!.Length != parameters.Length || result.State!.Length != state.Length)
                throw new InvalidOperationException($"{networkName}'s ONNX layer table gives {result.Parameters.Length} parameters and {result.State!.Length} state values, the network has {parameters.Length} and {state.Length}.");
            result.Parameters.CopyTo(parameters);
            result.State.CopyTo(state);
        }

        private static byte[] Serialize(string networkName, int inputSize, OnnxLayer[] layers, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
        {
            int parameterCount = 0, stateCount = 0;
            foreach (OnnxLayer layer in layers)
            {
                parameterCount += layer.ParameterCount;
                stateCount += layer.StateCount;
            }
            if (parameterCount != parameters.Length || stateCount != state.Length)
                throw new InvalidOperationException($"{networkName}'s ONNX layer table gives {parameterCount} parameters and {stateCount} state values, the network has {parameters.Length} and {state.Length}.");
            return Google.Protobuf.MessageExtensions.ToByteArray(OnnxGraphWriter.Write(networkName, inputSize, layers, parameters, state));
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaximumFileBytes)
                    throw new OnnxImportException(OnnxProblem.Unsupported, $"The ONNX model is larger than {MaximumFileBytes >> 20} MiB, beyond any network NnGen generates.");
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }
}
