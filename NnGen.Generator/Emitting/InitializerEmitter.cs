using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>Writes the constructor: parameters filled layer by layer from one seeded random sequence.</summary>
    internal static class InitializerEmitter
    {
        /// <summary>The generator dropout and noise draw from, declared only when the network has such a layer.</summary>
        public static void WriteRandomField(IndentedWriter writer, NetworkPlan plan)
        {
            if (plan.HasStochasticLayer)
                writer.Line($"private readonly global::NnGen.Internal.SeededRandom {StochasticLayerEmitter.RandomField};").Line();
        }

        public static void WriteConstructor(IndentedWriter writer, NetworkPlan plan)
        {
            if (plan.Network.EmbedsWeights) WriteEmbeddedWeightsConstructor(writer, plan);
            writer.Line("/// <summary>Creates the network with parameters initialized deterministically from <paramref name=\"seed\"/>.</summary>");
            using (writer.Open(plan.Network.EmbedsWeights ? $"public {plan.TypeName}(int seed)" : $"public {plan.TypeName}(int seed = 0)"))
            {
                writer.Line("Parameters = new float[ParameterCount];")
                    .Line("Gradients = new float[ParameterCount];")
                    .Line("State = new float[StateCount];")
                    .Line("var random = new global::NnGen.Internal.SeededRandom(seed);");
                foreach (LayerPlan layer in plan.Layers)
                {
                    switch (layer.Layer)
                    {
                        case DenseLayer dense:
                            writer.Line($"// layer {layer.Number}: W {layer.Units}x{layer.FanIn} by {dense.Init}; b stays 0")
                                .Line($"global::NnGen.Internal.WeightInitializer.Fill(global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.WeightCount}), global::NnGen.Init.{dense.Init}, {layer.FanIn}, {layer.Units}, {Numbers.Literal(dense.InitScale)}, random);");
                            break;
                        case MaxoutLayer maxout:
                            writer.Line($"// layer {layer.Number} (Maxout): W {layer.AffineOutputs}x{layer.FanIn} (units x pieces rows, fanOut {layer.AffineOutputs}) by {maxout.Init}; b stays 0")
                                .Line($"global::NnGen.Internal.WeightInitializer.Fill(global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.WeightCount}), global::NnGen.Init.{maxout.Init}, {layer.FanIn}, {layer.AffineOutputs}, {Numbers.Literal(maxout.InitScale)}, random);");
                            break;
                        case NormalizationLayer normalization:
                            bool batch = normalization is BatchNormLayer;
                            writer.Line($"// layer {layer.Number} ({normalization.Kind}): gamma 1, beta 0{(batch ? "; running mean 0, running variance 1" : "")}")
                                .Line($"global::System.MemoryExtensions.AsSpan(Parameters, {layer.WeightOffset}, {layer.Units}).Fill(1f);");
                            if (batch)
                                writer.Line($"global::System.MemoryExtensions.AsSpan(State, {layer.StateOffset + layer.Units}, {layer.Units}).Fill(1f);");
                            break;
                    }
                }
                if (plan.HasStochasticLayer)
                    writer.Line($"// dropout and noise draw from their own sequence, so they do not shift the initialization")
                        .Line($"{StochasticLayerEmitter.RandomField} = global::NnGen.Internal.SeededRandom.ForStochasticLayers(seed);");
            }
        }

        /// <summary>
        /// With <c>Weights = "..."</c>: <c>N()</c> starts from the parameters and state embedded at build time (copied by the
        /// partial method of the weights file, which is emitted once the file has been read and checked), dropout and noise
        /// drawing from seed 0's sequence; <c>N(int seed)</c>, written after it, stays the fresh initialization.
        /// </summary>
        private static void WriteEmbeddedWeightsConstructor(IndentedWriter writer, NetworkPlan plan)
        {
            string path = plan.Network.Weights!.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace('\r', ' ').Replace('\n', ' ');
            writer.Line($"/// <summary>Creates the trained network: parameters and state from '{path}', embedded at build time (no file is read at run time).</summary>");
            using (writer.Open($"public {plan.TypeName}()"))
            {
                writer.Line("Parameters = new float[ParameterCount];")
                    .Line("Gradients = new float[ParameterCount];")
                    .Line("State = new float[StateCount];")
                    .Line($"{WeightsEmitter.CopyMethod}();");
                if (plan.HasStochasticLayer)
                    writer.Line($"{StochasticLayerEmitter.RandomField} = global::NnGen.Internal.SeededRandom.ForStochasticLayers(0);");
            }
            writer.Line()
                .Line("/// <summary>Copies the embedded parameters and state into <see cref=\"Parameters\"/> and <see cref=\"State\"/> (in the network's weights file).</summary>")
                .Line($"partial void {WeightsEmitter.CopyMethod}();")
                .Line();
        }
    }
}
