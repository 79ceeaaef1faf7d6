using System.Runtime.InteropServices;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using NnGen.Onnx;
using NnGen.Onnx.Internal;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>
    /// Reads the weights of an .onnx file against a network's plan with the graph reader NnGen.Onnx's LoadOnnx uses
    /// (compiled into the generator too): a file that does not fit the declaration, or uses what NnGen does not read,
    /// is another network's (NNG0025); a file that is not a readable model is damaged (NNG0026).
    /// </summary>
    internal static class OnnxWeights
    {
        public static WeightsReadResult Read(byte[] bytes, NetworkPlan plan)
        {
            OnnxImportResult result = OnnxGraphReader.Read(bytes, plan.InputSize, OnnxLayers.Of(plan));
            return result.Problem switch
            {
                OnnxProblem.None => WeightsReadResult.Read(Bits(result.Parameters!), Bits(result.State!)),
                OnnxProblem.Damaged => WeightsReadResult.Damaged(result.Message!),
                _ => WeightsReadResult.WrongNetwork(result.Message!),
            };
        }

        private static EquatableArray<uint> Bits(float[] values)
            => MemoryMarshal.Cast<float, uint>(values).ToArray().ToEquatableArray();
    }
}
