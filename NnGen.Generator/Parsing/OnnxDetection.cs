using Microsoft.CodeAnalysis;

namespace NnGen.Generator.Parsing
{
    /// <summary>Whether the consumer references NnGen.Onnx, so that its networks get ExportOnnx, LoadOnnx and FromOnnx.</summary>
    internal static class OnnxDetection
    {
        /// <summary>The assembly the generated ONNX members call (NnGen.Onnx.Internal.OnnxBridge); it brings Google.Protobuf.</summary>
        public const string OnnxAssemblyName = "NnGen.Onnx";

        /// <summary>Reads only the referenced assembly names (cheap on every edit); a bool, so later steps stay cached.</summary>
        public static bool ReferencesNnGenOnnx(Compilation compilation)
        {
            foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
                if (identity.Name == OnnxAssemblyName) return true;
            return false;
        }
    }
}
