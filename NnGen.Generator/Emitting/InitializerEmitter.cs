using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>Writes the constructor: parameters filled layer by layer from one seeded random sequence.</summary>
    internal static class InitializerEmitter
    {
        public static void WriteConstructor(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("/// <summary>Creates the network with parameters initialized deterministically from <paramref name=\"seed\"/>.</summary>");
            using (writer.Open($"public {model.TypeName}(int seed = 0)"))
            {
                writer.Line("Parameters = new float[ParameterCount];")
                    .Line("Gradients = new float[ParameterCount];")
                    .Line("var random = new global::NnGen.SeededRandom(seed);");
                foreach (LayerModel layer in model.Layers)
                {
                    writer.Line($"// layer {layer.Number}: W {layer.Units}x{layer.FanIn} by {layer.Init}; b stays 0")
                        .Line($"global::NnGen.WeightInitializer.Fill(global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.WeightCount}), global::NnGen.Init.{layer.Init}, {layer.FanIn}, {layer.Units}, {IndentedWriter.Float(layer.InitScale)}, random);");
                }
            }
        }
    }
}
