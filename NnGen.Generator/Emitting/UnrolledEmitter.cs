using System.Collections.Generic;
using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The code shape of small networks: per sample, every multiply gate, add gate and activation gate of the
    /// forward pass is a named local, and the backward pass applies the chain rule to them one by one in
    /// reverse order, so the generated file reads as the network's computational graph.
    /// </summary>
    internal static class UnrolledEmitter
    {
        public static void Write(IndentedWriter writer, NetworkModel model)
        {
            WritePredict(writer, model);
            writer.Line();
            WriteComputeLoss(writer, model);
            writer.Line();
            WriteComputeGradients(writer, model);
        }

        private static void WritePredict(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("/// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize).</summary>");
            using (writer.Open("public void Predict(global::System.ReadOnlySpan<float> inputs, global::System.Span<float> outputs)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("float[] p = Parameters;");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    WriteForward(writer, model);
                    writer.Line("global::System.Span<float> y = outputs.Slice(s * OutputSize, OutputSize);");
                    LayerModel last = model.OutputLayer;
                    for (int k = 0; k < last.Units; k++)
                        writer.Line($"y[{k}] = {A(last, k)};");
                }
            }
        }

        private static void WriteComputeLoss(IndentedWriter writer, NetworkModel model)
        {
            writer.Line($"/// <summary>Returns the {model.Loss} of a batch of n samples (a mean, as PyTorch's default reduction).</summary>");
            using (writer.Open("public float ComputeLoss(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("float[] p = Parameters;")
                    .Line("double loss = 0;");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    WriteForward(writer, model);
                    writer.Line("global::System.ReadOnlySpan<float> t = targets.Slice(s * OutputSize, OutputSize);");
                    LossGate.WriteUnrolled(writer, model, withGradient: false);
                }
                writer.Line($"return (float)(loss / {LossGate.Count(model)}{(model.HasPenalty ? " + NnPenalty(withGradient: false)" : "")});");
            }
        }

        private static void WriteComputeGradients(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("/// <summary>Returns the loss of a batch and overwrites <see cref=\"Gradients\"/> with its gradient (a mean over the batch).</summary>");
            using (writer.Open("public float ComputeGradients(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("float[] p = Parameters;")
                    .Line("float[] g = Gradients;")
                    .Line("global::System.Array.Clear(g);")
                    .Line($"float invCount = 1f / {LossGate.Count(model)};")
                    .Line("double loss = 0;");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    WriteForward(writer, model);
                    writer.Line("global::System.ReadOnlySpan<float> t = targets.Slice(s * OutputSize, OutputSize);");
                    LossGate.WriteUnrolled(writer, model, withGradient: true);
                    for (int l = model.Layers.Count - 1; l >= 0; l--)
                        WriteBackward(writer, model, l);
                }
                writer.Line($"return (float)(loss / {LossGate.Count(model)}{(model.HasPenalty ? " + NnPenalty(withGradient: true)" : "")});");
            }
        }

        private static void WriteForward(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("global::System.ReadOnlySpan<float> x = inputs.Slice(s * InputSize, InputSize);");
            var inputs = new List<string>();
            for (int i = 0; i < model.InputSize; i++) inputs.Add($"x{i} = x[{i}]");
            writer.Line("float " + string.Join(", ", inputs) + ";");
            foreach (LayerModel layer in model.Layers)
            {
                writer.Line($"// forward, layer {layer.Number} ({layer.FanIn} -> {layer.Units}, {layer.Activation}): multiply gates summed by an add gate, then the activation gate");
                for (int o = 0; o < layer.Units; o++)
                {
                    var terms = new List<string>();
                    for (int i = 0; i < layer.FanIn; i++)
                        terms.Add($"p[{layer.WeightOffset + o * layer.FanIn + i}] * {In(model, layer, i)}");
                    terms.Add($"p[{layer.BiasOffset + o}]");
                    writer.Line($"float {Z(layer, o)} = {string.Join(" + ", terms)};");
                    if (layer.Activation is not (Activation.Identity or Activation.Softmax))
                        writer.Line($"float {A(layer, o)} = {ActivationEmitter.Forward(layer, Z(layer, o))};");
                }
                if (layer.Activation == Activation.Softmax)
                    WriteSoftmax(writer, layer);
            }
        }

        private static void WriteSoftmax(IndentedWriter writer, LayerModel layer)
        {
            int l = layer.Number;
            string max = Z(layer, 0);
            for (int k = 1; k < layer.Units; k++) max = $"global::System.MathF.Max({max}, {Z(layer, k)})";
            writer.Line($"// softmax gate: shifted by the row maximum m{l} so that no exponential overflows")
                .Line($"float m{l} = {max};");
            var exps = new List<string>();
            for (int k = 0; k < layer.Units; k++)
            {
                writer.Line($"float e{l}_{k} = global::System.MathF.Exp({Z(layer, k)} - m{l});");
                exps.Add($"e{l}_{k}");
            }
            writer.Line($"float sum{l} = {string.Join(" + ", exps)};");
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"float {A(layer, k)} = e{l}_{k} / sum{l};");
        }

        /// <summary>
        /// The backward gates of one layer. <paramref name="gradientRow"/> prefixes each index into g (the GPU's fused
        /// kernel writes a row per sample) and <paramref name="assign"/> is how a gate's term lands there.
        /// </summary>
        internal static void WriteBackward(IndentedWriter writer, NetworkModel model, int index, string gradientRow = "", string assign = "+=")
        {
            LayerModel layer = model.Layers[index];
            writer.Line($"// backward, layer {layer.Number}: the add gate hands each dz{layer.Number}_o to the bias and to every multiply gate; each multiply gate switches in its other input");
            for (int o = 0; o < layer.Units; o++)
            {
                writer.Line($"g[{gradientRow}{layer.BiasOffset + o}] {assign} {DZ(layer, o)};");
                for (int i = 0; i < layer.FanIn; i++)
                    writer.Line($"g[{gradientRow}{layer.WeightOffset + o * layer.FanIn + i}] {assign} {DZ(layer, o)} * {In(model, layer, i)};");
            }
            if (index == 0) return;

            LayerModel below = model.Layers[index - 1];
            writer.Line($"// the gradient reaching each output of layer {below.Number}: one term per multiply gate it feeds");
            for (int i = 0; i < layer.FanIn; i++)
            {
                var terms = new List<string>();
                for (int o = 0; o < layer.Units; o++)
                    terms.Add($"{DZ(layer, o)} * p[{layer.WeightOffset + o * layer.FanIn + i}]");
                writer.Line($"float {DA(below, i)} = {string.Join(" + ", terms)};");
            }
            WriteActivationBackward(writer, below);
        }

        /// <summary>Turns the gradients da at the layer's outputs into gradients dz at its pre-activations.</summary>
        internal static void WriteActivationBackward(IndentedWriter writer, LayerModel layer)
        {
            writer.Line($"// backward, layer {layer.Number} activation gate ({layer.Activation}): multiply by its local derivative");
            if (layer.Activation == Activation.Softmax)
            {
                var dot = new List<string>();
                for (int k = 0; k < layer.Units; k++) dot.Add($"{DA(layer, k)} * {A(layer, k)}");
                writer.Line($"float dot{layer.Number} = {string.Join(" + ", dot)};");
                for (int k = 0; k < layer.Units; k++)
                    writer.Line($"float {DZ(layer, k)} = {A(layer, k)} * ({DA(layer, k)} - dot{layer.Number});");
                return;
            }
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"float {DZ(layer, k)} = {ActivationEmitter.Backward(layer, DA(layer, k), Z(layer, k), A(layer, k))};");
        }

        internal static string In(NetworkModel model, LayerModel layer, int i)
            => layer.Number == 1 ? $"x{i}" : A(model.Layers[layer.Number - 2], i);

        internal static string Z(LayerModel layer, int k) => $"z{layer.Number}_{k}";

        internal static string A(LayerModel layer, int k) => layer.Activation == Activation.Identity ? Z(layer, k) : $"a{layer.Number}_{k}";

        internal static string DA(LayerModel layer, int k) => $"da{layer.Number}_{k}";

        internal static string DZ(LayerModel layer, int k) => $"dz{layer.Number}_{k}";
    }
}
