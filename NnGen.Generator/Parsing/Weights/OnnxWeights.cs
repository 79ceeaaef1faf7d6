using NnGen.Generator.Planning;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>Reads the weights of an .onnx file against a network's plan (not yet: every file is reported as unreadable).</summary>
    internal static class OnnxWeights
    {
        public static WeightsReadResult Read(byte[] bytes, NetworkPlan plan)
            => WeightsReadResult.Damaged("reading ONNX weights is not supported yet");
    }
}
