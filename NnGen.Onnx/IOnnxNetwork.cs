using System.IO;

namespace NnGen.Onnx
{
    /// <summary>
    /// A network that reads and writes ONNX models: every generated network implements it when the compilation
    /// references NnGen.Onnx, so code can export or load any of them through one type.
    /// </summary>
    public interface IOnnxNetwork : INetwork
    {
        /// <summary>Writes the inference graph as an ONNX model (opset 17, input "input", output "output", [batch, features]).</summary>
        void ExportOnnx(Stream stream);

        /// <summary>Writes the ONNX model to <paramref name="path"/> through a temporary file renamed over it.</summary>
        void ExportOnnx(string path);

        /// <summary>Replaces the parameters and state with an ONNX model's weights; on an <see cref="OnnxImportException"/> nothing changes.</summary>
        void LoadOnnx(Stream stream);

        /// <summary>Replaces the parameters and state with the weights of the ONNX model at <paramref name="path"/>.</summary>
        void LoadOnnx(string path);
    }
}
