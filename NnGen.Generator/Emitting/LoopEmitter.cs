using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.LoopNames;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The code shape of larger networks and of every network with non-dense layers: each layer is a loop nest
    /// with compile-time bounds over the batch, keeping its values in scratch buffers that grow to the largest
    /// batch seen (steady-state calls allocate nothing). Backward runs the layers in reverse order.
    /// </summary>
    internal static class LoopEmitter
    {
        public static void Write(IndentedWriter writer, NetworkModel model)
        {
            WriteBuffers(writer, model);
            WritePublicMembers(writer, model);
            foreach (LayerModel layer in model.Layers)
            {
                writer.Line();
                WriteForwardLayer(writer, model, layer);
            }
            writer.Line();
            LossGate.WriteLoops(writer, model);
            for (int l = model.Layers.Count - 1; l >= 0; l--)
            {
                writer.Line();
                WriteBackwardLayer(writer, model, model.Layers[l]);
            }
        }

        private static void WriteBuffers(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("// Scratch buffers per layer (see the layer methods), grown to the largest batch seen.")
                .Line("private int _nnCapacity;");
            foreach (LayerModel layer in model.Layers)
                foreach ((string name, _) in Buffers(layer))
                    writer.Line($"private float[] {name} = global::System.Array.Empty<float>();");
            writer.Line();
            using (writer.Open("private void NnEnsureCapacity(int n)"))
            {
                writer.Line("if (n <= _nnCapacity) return;");
                foreach (LayerModel layer in model.Layers)
                    foreach ((string name, string length) in Buffers(layer))
                        writer.Line($"{name} = new float[{length}];");
                writer.Line("_nnCapacity = n;");
            }
            writer.Line();
            using (writer.Open($"private void NnForward({ReadOnlySpan} inputs, int n, bool training)"))
            {
                writer.Line("NnEnsureCapacity(n);");
                foreach (LayerModel layer in model.Layers)
                {
                    writer.Line($"NnForwardLayer{layer.Number}({Input(model, layer)}, n, training);");
                    if (HasActivationLoop(layer)) writer.Line($"NnActivate{layer.Number}(n);");
                }
            }
        }

        /// <summary>The buffers a layer keeps, with their lengths for a batch of n.</summary>
        private static System.Collections.Generic.IEnumerable<(string Name, string Length)> Buffers(LayerModel layer)
        {
            string rows = $"n * {layer.Units}";
            if (layer.HasActivation) yield return (Z(layer), rows);
            if (Out(layer) != Z(layer)) yield return (Out(layer), rows);
            if (layer.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm)
            {
                yield return (XHat(layer), rows);
                yield return (InvStd(layer), layer.Kind == LayerKind.BatchNorm ? IndentedWriter.Int(layer.Units) : "n");
            }
            if (layer.Kind == LayerKind.Dropout) yield return (Mask(layer), rows);
            yield return (D(layer), rows);
        }

        private static void WritePublicMembers(IndentedWriter writer, NetworkModel model)
        {
            string penalty = model.HasPenalty ? " + NnPenalty(withGradient: false)" : "";
            writer.Line()
                .Line("/// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize).</summary>");
            using (writer.Open($"public void Predict({ReadOnlySpan} inputs, {Span} outputs)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"new {ReadOnlySpan}({Out(model.OutputLayer)}, 0, n * OutputSize).CopyTo(outputs);");
            }
            writer.Line()
                .Line($"/// <summary>Returns the {model.Loss} of a batch of n samples (a mean, as PyTorch's default reduction){(model.HasPenalty ? " plus the L1/L2 penalty" : "")}, in inference mode.</summary>");
            using (writer.Open($"public float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"return (float)(NnLossGate(targets, n, withGradient: false) / {LossGate.Count(model)}{penalty});");
            }
            writer.Line()
                .Line("/// <summary>Returns the loss of a batch in training mode and overwrites <see cref=\"Gradients\"/> with its gradient (a mean over the batch).</summary>");
            using (writer.Open($"public float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));");
                foreach (LayerModel layer in model.Layers)
                    if (layer.Kind == LayerKind.BatchNorm)
                    {
                        writer.Line($"if (n < 2) throw new global::System.ArgumentException(\"BatchNorm (layer {layer.Number}) uses batch statistics in training and needs at least 2 samples per batch, but got 1.\", nameof(inputs));");
                        break;
                    }
                writer.Line("NnForward(inputs, n, training: true);")
                    .Line("global::System.Array.Clear(Gradients);")
                    .Line($"double loss = NnLossGate(targets, n, withGradient: true) / {LossGate.Count(model)};");
                for (int l = model.Layers.Count; l >= 1; l--)
                    writer.Line($"NnBackwardLayer{l}({Input(model, model.Layers[l - 1])}, n);");
                if (model.HasPenalty) writer.Line("loss += NnPenalty(withGradient: true);");
                writer.Line("return (float)loss;");
            }
        }

        private static void WriteForwardLayer(IndentedWriter writer, NetworkModel model, LayerModel layer)
        {
            switch (layer.Kind)
            {
                case LayerKind.Dense: DenseLoopEmitter.WriteForward(writer, layer); break;
                case LayerKind.BatchNorm: NormalizationEmitter.WriteBatchNormForward(writer, layer); break;
                case LayerKind.LayerNorm: NormalizationEmitter.WriteLayerNormForward(writer, layer); break;
                default: StochasticLayerEmitter.WriteForward(writer, layer); break;
            }
            if (HasActivationLoop(layer))
            {
                writer.Line();
                WriteActivationForward(writer, layer);
            }
        }

        /// <summary>Whether the layer's activation gate is a loop of its own (not identity, not fused into the kernel).</summary>
        private static bool HasActivationLoop(LayerModel layer)
            => layer.HasActivation && layer.Activation != Activation.Identity && !DenseLoopEmitter.FusesActivation(layer);

        /// <summary>The activation gate over the layer's pre-activations, as its own loop after the layer.</summary>
        private static void WriteActivationForward(IndentedWriter writer, LayerModel layer)
        {
            writer.Line($"// activation gate of layer {layer.Number} ({layer.Activation})");
            using (writer.Open($"private void NnActivate{layer.Number}(int n)"))
            {
                writer.Line($"{ReadOnlySpan} z = new({Z(layer)}, 0, n * {layer.Units});")
                    .Line($"{Span} a = new({Out(layer)}, 0, n * {layer.Units});");
                if (layer.Activation == Activation.Softmax)
                {
                    using (writer.Open("for (int s = 0; s < n; s++)"))
                    {
                        int u = layer.Units;
                        writer.Line("// softmax over the row, shifted by its maximum so that no exponential overflows")
                            .Line($"{ReadOnlySpan} zs = z.Slice(s * {u}, {u});")
                            .Line($"{Span} @as = a.Slice(s * {u}, {u});")
                            .Line("float max = zs[0];")
                            .Line($"for (int k = 1; k < {u}; k++) max = global::System.MathF.Max(max, zs[k]);")
                            .Line("float total = 0f;")
                            .Line($"for (int k = 0; k < {u}; k++) total += @as[k] = global::System.MathF.Exp(zs[k] - max);")
                            .Line($"for (int k = 0; k < {u}; k++) @as[k] /= total;");
                    }
                    return;
                }
                using (writer.Open($"for (int j = 0; j < n * {layer.Units}; j++)"))
                {
                    writer.Line("float zj = z[j];")
                        .Line($"a[j] = {ActivationEmitter.Forward(layer, "zj")};");
                }
            }
        }

        private static void WriteBackwardLayer(IndentedWriter writer, NetworkModel model, LayerModel layer)
        {
            bool isLast = layer.Number == model.Layers.Count;
            LayerModel? below = layer.Number > 1 ? model.Layers[layer.Number - 2] : null;
            writer.Line($"// backward, layer {layer.Number} ({layer.Kind}): {D(layer)} holds dL/d(output); {(below is null ? "the inputs need no gradient" : $"writes dL/d(output) of layer {below.Number} into {D(below)}")}");
            using (writer.Open($"private void NnBackwardLayer{layer.Number}({ReadOnlySpan} x, int n)"))
            {
                if (!isLast && layer.HasActivation && layer.Activation != Activation.Identity)
                {
                    writer.Line($"// the activation gate ({layer.Activation}) multiplies by its local derivative, turning dL/da into dL/dz")
                        .Line($"{Span} dz = new({D(layer)}, 0, n * {layer.Units});");
                    if (ActivationEmitter.BackwardReadsZ(layer.Activation)) writer.Line($"{ReadOnlySpan} z = new({Z(layer)}, 0, n * {layer.Units});");
                    if (ActivationEmitter.BackwardReadsA(layer.Activation)) writer.Line($"{ReadOnlySpan} a = new({Out(layer)}, 0, n * {layer.Units});");
                    writer.Line($"for (int j = 0; j < n * {layer.Units}; j++) dz[j] = {ActivationEmitter.Backward(layer, "dz[j]", "z[j]", "a[j]")};");
                }
                switch (layer.Kind)
                {
                    case LayerKind.Dense: DenseLoopEmitter.WriteBackward(writer, layer, below); break;
                    case LayerKind.BatchNorm: NormalizationEmitter.WriteBatchNormBackward(writer, layer, below); break;
                    case LayerKind.LayerNorm: NormalizationEmitter.WriteLayerNormBackward(writer, layer, below); break;
                    default: StochasticLayerEmitter.WriteBackward(writer, layer, below); break;
                }
            }
        }
    }
}
