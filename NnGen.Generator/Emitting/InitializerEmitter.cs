using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>Writes the constructor: parameters filled layer by layer from one seeded random sequence.</summary>
    internal static class InitializerEmitter
    {
        public static bool HasStochasticLayer(NetworkModel model)
        {
            foreach (LayerModel layer in model.Layers)
                if (layer.Kind is LayerKind.Dropout or LayerKind.GaussianNoise) return true;
            return false;
        }

        /// <summary>The generator dropout and noise draw from, declared only when the network has such a layer.</summary>
        public static void WriteRandomField(IndentedWriter writer, NetworkModel model)
        {
            if (HasStochasticLayer(model))
                writer.Line($"private readonly global::NnGen.Internal.SeededRandom {StochasticLayerEmitter.RandomField};").Line();
        }

        public static void WriteConstructor(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("/// <summary>Creates the network with parameters initialized deterministically from <paramref name=\"seed\"/>.</summary>");
            using (writer.Open($"public {model.TypeName}(int seed = 0)"))
            {
                writer.Line("Parameters = new float[ParameterCount];")
                    .Line("Gradients = new float[ParameterCount];")
                    .Line("State = new float[StateCount];")
                    .Line("var random = new global::NnGen.Internal.SeededRandom(seed);");
                foreach (LayerModel layer in model.Layers)
                {
                    switch (layer.Kind)
                    {
                        case LayerKind.Dense:
                            writer.Line($"// layer {layer.Number}: W {layer.Units}x{layer.FanIn} by {layer.Init}; b stays 0")
                                .Line($"global::NnGen.Internal.WeightInitializer.Fill(global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.WeightCount}), global::NnGen.Init.{layer.Init}, {layer.FanIn}, {layer.Units}, {IndentedWriter.Float(layer.InitScale)}, random);");
                            break;
                        case LayerKind.BatchNorm:
                        case LayerKind.LayerNorm:
                            writer.Line($"// layer {layer.Number} ({layer.Kind}): gamma 1, beta 0{(layer.Kind == LayerKind.BatchNorm ? "; running mean 0, running variance 1" : "")}")
                                .Line($"global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.Units}).Fill(1f);");
                            if (layer.Kind == LayerKind.BatchNorm)
                                writer.Line($"global::System.MemoryExtensions.AsSpan(State, {layer.StateOffset + layer.Units}, {layer.Units}).Fill(1f);");
                            break;
                    }
                }
                if (HasStochasticLayer(model))
                    writer.Line($"// dropout and noise draw from their own sequence, so they do not shift the initialization")
                        .Line($"{StochasticLayerEmitter.RandomField} = global::NnGen.Internal.SeededRandom.ForStochasticLayers(seed);");
            }
        }
    }
}
