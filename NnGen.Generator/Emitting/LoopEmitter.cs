using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The code shape of larger networks: each layer is a loop nest with compile-time bounds over the batch,
    /// keeping z, the activations and the backward deltas of every layer in scratch buffers that grow to the
    /// largest batch seen (steady-state calls allocate nothing).
    /// </summary>
    internal static class LoopEmitter
    {
        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
        private const string Span = "global::System.Span<float>";

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
            WriteLossGate(writer, model);
            for (int l = model.Layers.Count - 1; l >= 0; l--)
            {
                writer.Line();
                WriteBackwardLayer(writer, model, l);
            }
        }

        private static void WriteBuffers(IndentedWriter writer, NetworkModel model)
        {
            writer.Line("// Scratch buffers per layer, [n][units] row-major: pre-activations z, activations a (z itself for Identity), deltas dL/dz.")
                .Line("private int _nnCapacity;");
            foreach (LayerModel layer in model.Layers)
            {
                writer.Line($"private float[] {Z(layer)} = global::System.Array.Empty<float>();");
                if (layer.Activation != Activation.Identity) writer.Line($"private float[] {A(layer)} = global::System.Array.Empty<float>();");
                writer.Line($"private float[] {DZ(layer)} = global::System.Array.Empty<float>();");
            }
            writer.Line();
            using (writer.Open("private void NnEnsureCapacity(int n)"))
            {
                writer.Line("if (n <= _nnCapacity) return;");
                foreach (LayerModel layer in model.Layers)
                {
                    writer.Line($"{Z(layer)} = new float[n * {layer.Units}];");
                    if (layer.Activation != Activation.Identity) writer.Line($"{A(layer)} = new float[n * {layer.Units}];");
                    writer.Line($"{DZ(layer)} = new float[n * {layer.Units}];");
                }
                writer.Line("_nnCapacity = n;");
            }
            writer.Line();
            using (writer.Open($"private void NnForward({ReadOnlySpan} inputs, int n)"))
            {
                writer.Line("NnEnsureCapacity(n);");
                foreach (LayerModel layer in model.Layers)
                    writer.Line($"NnForwardLayer{layer.Number}({Input(model, layer)}, n);");
            }
        }

        private static void WritePublicMembers(IndentedWriter writer, NetworkModel model)
        {
            LayerModel last = model.OutputLayer;
            writer.Line()
                .Line("/// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize).</summary>");
            using (writer.Open($"public void Predict({ReadOnlySpan} inputs, {Span} outputs)"))
            {
                writer.Line("int n = global::NnGen.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("NnForward(inputs, n);")
                    .Line($"new {ReadOnlySpan}({A(last)}, 0, n * OutputSize).CopyTo(outputs);");
            }
            writer.Line()
                .Line($"/// <summary>Returns the {model.Loss} of a batch of n samples (a mean, as PyTorch's default reduction).</summary>");
            using (writer.Open($"public float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("NnForward(inputs, n);")
                    .Line($"return (float)(NnLossGate(targets, n, withGradient: false) / {LossGate.Count(model)});");
            }
            writer.Line()
                .Line("/// <summary>Returns the loss of a batch and overwrites <see cref=\"Gradients\"/> with its gradient (a mean over the batch).</summary>");
            using (writer.Open($"public float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("NnForward(inputs, n);")
                    .Line("global::System.Array.Clear(Gradients);")
                    .Line("double loss = NnLossGate(targets, n, withGradient: true);");
                for (int l = model.Layers.Count; l >= 1; l--)
                    writer.Line($"NnBackwardLayer{l}({Input(model, model.Layers[l - 1])}, n);");
                writer.Line($"return (float)(loss / {LossGate.Count(model)});");
            }
        }

        private static void WriteForwardLayer(IndentedWriter writer, NetworkModel model, LayerModel layer)
        {
            int f = layer.FanIn, u = layer.Units;
            writer.Line($"// forward, layer {layer.Number} ({f} -> {u}, {layer.Activation}): z = W x + b per sample, then the activation gate");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n)"))
            {
                writer.Line($"{ReadOnlySpan} w = new(Parameters, {layer.WeightOffset}, {layer.WeightCount});")
                    .Line($"{ReadOnlySpan} b = new(Parameters, {layer.BiasOffset}, {u});")
                    .Line($"{Span} z = new({Z(layer)}, 0, n * {u});");
                if (layer.Activation != Activation.Identity) writer.Line($"{Span} a = new({A(layer)}, 0, n * {u});");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    writer.Line($"{ReadOnlySpan} xs = x.Slice(s * {f}, {f});");
                    using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                    {
                        writer.Line($"{ReadOnlySpan} wo = w.Slice(o * {f}, {f});")
                            .Line("float sum = 0f;")
                            .Line($"for (int i = 0; i < {f}; i++) sum += wo[i] * xs[i];")
                            .Line($"float zo = sum + b[o];")
                            .Line($"z[s * {u} + o] = zo;");
                        if (layer.Activation is not (Activation.Identity or Activation.Softmax))
                            writer.Line($"a[s * {u} + o] = {ActivationEmitter.Forward(layer, "zo")};");
                    }
                    if (layer.Activation == Activation.Softmax)
                        WriteSoftmaxRow(writer, u);
                }
            }
        }

        private static void WriteSoftmaxRow(IndentedWriter writer, int units)
        {
            writer.Line("// softmax gate over the row, shifted by its maximum so that no exponential overflows")
                .Line($"{ReadOnlySpan} zs = z.Slice(s * {units}, {units});")
                .Line($"{Span} @as = a.Slice(s * {units}, {units});")
                .Line("float max = zs[0];")
                .Line($"for (int k = 1; k < {units}; k++) max = global::System.MathF.Max(max, zs[k]);")
                .Line("float total = 0f;")
                .Line($"for (int k = 0; k < {units}; k++) total += @as[k] = global::System.MathF.Exp(zs[k] - max);")
                .Line($"for (int k = 0; k < {units}; k++) @as[k] /= total;");
        }

        private static void WriteLossGate(IndentedWriter writer, NetworkModel model)
        {
            LayerModel last = model.OutputLayer;
            int u = last.Units;
            writer.Line($"// loss gate ({model.Loss}): returns the summed loss; with the gradient it writes dL/dz of the last layer, which starts the backward pass")
                .Line("// (the cross-entropies fuse with their output activation and start from p - t).");
            using (writer.Open($"private double NnLossGate({ReadOnlySpan} targets, int n, bool withGradient)"))
            {
                writer.Line($"{ReadOnlySpan} z = new({Z(last)}, 0, n * {u});")
                    .Line($"{ReadOnlySpan} a = new({A(last)}, 0, n * {u});")
                    .Line($"{Span} dz = new({DZ(last)}, 0, n * {u});")
                    .Line($"{ReadOnlySpan} t = targets;")
                    .Line($"float invCount = 1f / {LossGate.Count(model)};")
                    .Line("double loss = 0;");
                switch (model.Loss)
                {
                    case Loss.MeanSquaredError:
                    case Loss.MeanAbsoluteError:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line("float d = a[j] - t[j];");
                            if (model.Loss == Loss.MeanSquaredError)
                                writer.Line("loss += d * d;").Line("float da = 2f * d * invCount;");
                            else
                                writer.Line("loss += global::System.MathF.Abs(d);").Line("float da = d > 0f ? invCount : d < 0f ? -invCount : 0f;");
                            writer.Line(last.Activation == Activation.Softmax
                                ? "if (withGradient) dz[j] = da;"
                                : $"if (withGradient) dz[j] = {ActivationEmitter.Backward(last, "da", "z[j]", "a[j]")};");
                        }
                        if (last.Activation == Activation.Softmax)
                        {
                            writer.Line("// softmax gate backward: dz = a * (da - sum(da * a)) per row");
                            using (writer.Open("if (withGradient)"))
                            using (writer.Open("for (int s = 0; s < n; s++)"))
                            {
                                writer.Line($"{Span} ds = dz.Slice(s * {u}, {u});")
                                    .Line($"{ReadOnlySpan} @as = a.Slice(s * {u}, {u});")
                                    .Line("float dot = 0f;")
                                    .Line($"for (int k = 0; k < {u}; k++) dot += ds[k] * @as[k];")
                                    .Line($"for (int k = 0; k < {u}; k++) ds[k] = @as[k] * (ds[k] - dot);");
                            }
                        }
                        break;

                    case Loss.BinaryCrossEntropy:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line($"loss += {LossGate.BinaryCrossEntropyFromLogit("z[j]", "t[j]")};")
                                .Line("if (withGradient) dz[j] = (a[j] - t[j]) * invCount;");
                        }
                        break;

                    case Loss.CategoricalCrossEntropy:
                        using (writer.Open("for (int s = 0; s < n; s++)"))
                        {
                            writer.Line($"int row = s * {u};")
                                .Line("float max = z[row];")
                                .Line($"for (int k = 1; k < {u}; k++) max = global::System.MathF.Max(max, z[row + k]);")
                                .Line("double total = 0;")
                                .Line($"for (int k = 0; k < {u}; k++) total += global::System.Math.Exp(z[row + k] - max);")
                                .Line("double logSumExp = max + global::System.Math.Log(total);")
                                .Line("float sumT = 0f;")
                                .Line($"for (int k = 0; k < {u}; k++) {{ loss += t[row + k] * (logSumExp - z[row + k]); sumT += t[row + k]; }}")
                                .Line("if (!withGradient) continue;")
                                .Line($"for (int k = 0; k < {u}; k++) dz[row + k] = (a[row + k] * sumT - t[row + k]) * invCount;");
                        }
                        break;
                }
                writer.Line("return loss;");
            }
        }

        private static void WriteBackwardLayer(IndentedWriter writer, NetworkModel model, int index)
        {
            LayerModel layer = model.Layers[index];
            int f = layer.FanIn, u = layer.Units;
            writer.Line($"// backward, layer {layer.Number}: the add gate passes dz to the bias; each multiply gate W[o,i] * x[i] switches in its other input");
            using (writer.Open($"private void NnBackwardLayer{layer.Number}({ReadOnlySpan} x, int n)"))
            {
                writer.Line($"{ReadOnlySpan} w = new(Parameters, {layer.WeightOffset}, {layer.WeightCount});")
                    .Line($"{Span} gw = new(Gradients, {layer.WeightOffset}, {layer.WeightCount});")
                    .Line($"{Span} gb = new(Gradients, {layer.BiasOffset}, {u});")
                    .Line($"{ReadOnlySpan} dz = new({DZ(layer)}, 0, n * {u});");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    writer.Line($"{ReadOnlySpan} xs = x.Slice(s * {f}, {f});");
                    using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                    {
                        writer.Line($"float d = dz[s * {u} + o];")
                            .Line("gb[o] += d;")
                            .Line($"{Span} gwo = gw.Slice(o * {f}, {f});")
                            .Line($"for (int i = 0; i < {f}; i++) gwo[i] += d * xs[i];");
                    }
                }
                if (index == 0) return;

                LayerModel below = model.Layers[index - 1];
                writer.Line($"// the gradient reaching layer {below.Number}'s outputs: da[i] = sum over o of dz[o] * W[o,i]; then its activation gate")
                    .Line($"{Span} da = new({DZ(below)}, 0, n * {f});")
                    .Line("da.Clear();");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    writer.Line($"{Span} das = da.Slice(s * {f}, {f});");
                    using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                    {
                        writer.Line($"float d = dz[s * {u} + o];")
                            .Line($"{ReadOnlySpan} wo = w.Slice(o * {f}, {f});")
                            .Line($"for (int i = 0; i < {f}; i++) das[i] += d * wo[i];");
                    }
                }
                if (below.Activation == Activation.Identity) return;
                writer.Line($"{ReadOnlySpan} zb = new({Z(below)}, 0, n * {f});")
                    .Line($"{ReadOnlySpan} ab = new({A(below)}, 0, n * {f});")
                    .Line($"for (int j = 0; j < n * {f}; j++) da[j] = {ActivationEmitter.Backward(below, "da[j]", "zb[j]", "ab[j]")};");
            }
        }

        private static string Input(NetworkModel model, LayerModel layer)
            => layer.Number == 1 ? "inputs" : A(model.Layers[layer.Number - 2]);

        private static string Z(LayerModel layer) => $"_nnZ{layer.Number}";

        private static string A(LayerModel layer) => layer.Activation == Activation.Identity ? Z(layer) : $"_nnA{layer.Number}";

        private static string DZ(LayerModel layer) => $"_nnDz{layer.Number}";
    }
}
