using System.Collections.Generic;
using NnGen.Generator.Model;
using NnGen.Onnx.Internal;

namespace NnGen.Generator.Planning
{
    /// <summary>
    /// The network as the ONNX reader and writer see it: one row per declared layer, in the order its parameters and
    /// state sit in the plan's vectors. The generated ONNX members pass the same rows to NnGen.Onnx at run time, and the
    /// generator reads build-time ONNX weights with them.
    /// </summary>
    internal static class OnnxLayers
    {
        public static OnnxLayer[] Of(NetworkPlan plan)
        {
            var layers = new List<OnnxLayer>(plan.Layers.Count);
            foreach (LayerPlan layer in plan.Layers)
                layers.Add(Of(layer.Layer));
            return layers.ToArray();
        }

        private static OnnxLayer Of(LayerModel layer) => layer switch
        {
            DenseLayer dense => new(dense.Number, OnnxLayerKind.Dense, dense.FanIn, dense.Units, dense.Activation, dense.Alpha, 0, 0f),
            MaxoutLayer maxout => new(maxout.Number, OnnxLayerKind.Maxout, maxout.FanIn, maxout.Units, Activation.Identity, 0f, maxout.Pieces, 0f),
            BatchNormLayer batch => new(batch.Number, OnnxLayerKind.BatchNorm, batch.FanIn, batch.Units, batch.Activation, batch.Alpha, 0, batch.Epsilon),
            LayerNormLayer norm => new(norm.Number, OnnxLayerKind.LayerNorm, norm.FanIn, norm.Units, norm.Activation, norm.Alpha, 0, norm.Epsilon),
            _ => new(layer.Number, OnnxLayerKind.TrainingOnly, layer.FanIn, layer.Units, Activation.Identity, 0f, 0, 0f),
        };
    }
}
