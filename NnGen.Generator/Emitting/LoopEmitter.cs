using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The code shape of larger networks and of every network with non-dense layers: each layer is a loop nest
    /// with compile-time bounds over the batch, keeping its values in the plan's scratch buffers, grown to the
    /// largest batch seen (steady-state calls allocate nothing). Backward runs the layers in reverse order.
    /// </summary>
    internal static class LoopEmitter
    {
        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            WriteBuffers(writer, plan);
            WritePublicMembers(writer, plan);
            foreach (LayerPlan layer in plan.Layers)
            {
                writer.Line();
                WriteForwardLayer(writer, layer);
            }
            writer.Line();
            LoopLossGateEmitter.Write(writer, plan);
            for (int l = plan.Layers.Count - 1; l >= 0; l--)
            {
                writer.Line();
                WriteBackwardLayer(writer, plan.Layers[l]);
            }
        }

        private static void WriteBuffers(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// Scratch buffers per layer (see the layer methods), grown to the largest batch seen.")
                .Line("private int _nnCapacity;");
            foreach (LayerPlan layer in plan.Layers)
                foreach (BufferPlan buffer in layer.Buffers)
                    writer.Line($"private float[] {buffer.Buffer.Name} = global::System.Array.Empty<float>();");
            writer.Line();
            using (writer.Open("private void NnEnsureCapacity(int n)"))
            {
                writer.Line("if (n <= _nnCapacity) return;");
                foreach (LayerPlan layer in plan.Layers)
                    foreach (BufferPlan buffer in layer.Buffers)
                        writer.Line($"{buffer.Buffer.Name} = new float[{buffer.LengthFor("n")}];");
                writer.Line("_nnCapacity = n;");
            }
            writer.Line();
            using (writer.Open($"private void NnForward({ReadOnlySpan} inputs, int n, bool training)"))
            {
                writer.Line("NnEnsureCapacity(n);");
                foreach (LayerPlan layer in plan.Layers)
                {
                    writer.Line($"NnForwardLayer{layer.Number}({layer.Input.Name}, n, training);");
                    if (layer.ActivationStep == ActivationStep.OwnPass) writer.Line($"NnActivate{layer.Number}(n);");
                }
            }
        }

        private static void WritePublicMembers(IndentedWriter writer, NetworkPlan plan)
        {
            string penalty = plan.HasPenalty ? " + NnPenalty(withGradient: false)" : "";
            string count = LossGates.Count(plan.Loss);
            writer.Line()
                .Line("/// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize).</summary>");
            using (writer.Open($"public void Predict({ReadOnlySpan} inputs, {Span} outputs)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"new {ReadOnlySpan}({plan.OutputLayer.Output.Name}, 0, n * OutputSize).CopyTo(outputs);");
            }
            writer.Line()
                .Line($"/// <summary>Returns the {plan.Loss} of a batch of n samples (a mean, as PyTorch's default reduction){(plan.HasPenalty ? " plus the L1/L2 penalty" : "")}, in inference mode.</summary>");
            using (writer.Open($"public float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"return (float)(NnLossGate(targets, n, withGradient: false) / {count}{penalty});");
            }
            writer.Line()
                .Line("/// <summary>Returns the loss of a batch in training mode and overwrites <see cref=\"Gradients\"/> with its gradient (a mean over the batch).</summary>");
            using (writer.Open($"public float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));");
                if (plan.FirstBatchNorm is { } batchNorm)
                    writer.Line($"if (n < 2) throw new global::System.ArgumentException(\"BatchNorm (layer {batchNorm.Number}) uses batch statistics in training and needs at least 2 samples per batch, but got 1.\", nameof(inputs));");
                writer.Line("NnForward(inputs, n, training: true);")
                    .Line("global::System.Array.Clear(Gradients);")
                    .Line($"double loss = NnLossGate(targets, n, withGradient: true) / {count};");
                for (int l = plan.Layers.Count - 1; l >= 0; l--)
                    writer.Line($"NnBackwardLayer{plan.Layers[l].Number}({plan.Layers[l].Input.Name}, n);");
                if (plan.HasPenalty) writer.Line("loss += NnPenalty(withGradient: true);");
                writer.Line("return (float)loss;");
            }
        }

        private static void WriteForwardLayer(IndentedWriter writer, LayerPlan layer)
        {
            switch (layer.Layer)
            {
                case DenseLayer: DenseLoopEmitter.WriteForward(writer, layer); break;
                case MaxoutLayer: MaxoutLoopEmitter.WriteForward(writer, layer); break;
                case BatchNormLayer batchNorm: NormalizationEmitter.WriteBatchNormForward(writer, layer, batchNorm); break;
                case LayerNormLayer layerNorm: NormalizationEmitter.WriteLayerNormForward(writer, layer, layerNorm); break;
                default: StochasticLayerEmitter.WriteForward(writer, layer); break;
            }
            if (layer.ActivationStep == ActivationStep.OwnPass)
            {
                writer.Line();
                WriteActivationForward(writer, layer);
            }
        }

        /// <summary>The runtime's element-wise passes over a batch (vectorized; the bits of the scalar gates).</summary>
        private const string ActivationFunctions = "global::NnGen.Internal.ActivationFunctions";

        /// <summary>The activation gate over the layer's pre-activations, as its own pass after the layer.</summary>
        private static void WriteActivationForward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units;
            writer.Line($"// activation gate of layer {layer.Number} ({layer.Activation})");
            using (writer.Open($"private void NnActivate{layer.Number}(int n)"))
            {
                writer.Line($"{ReadOnlySpan} z = new({layer.PreActivation!.Value.Name}, 0, n * {u});")
                    .Line($"{Span} a = new({layer.Output.Name}, 0, n * {u});");
                if (layer.Activation == Activation.Softmax)
                {
                    writer.Line("// softmax over each row, shifted by its maximum so that no exponential overflows; the exponentials vectorized over the batch")
                        .Line($"{ActivationFunctions}.Softmax(z, a, n, {u});");
                    return;
                }
                writer.Line($"// the gate over the whole batch in vectors, each element the bits of ActivationMath.{layer.Activation}")
                    .Line($"{ActivationFunctions}.Apply(global::NnGen.Activation.{layer.Activation}, {Numbers.Literal(layer.Alpha)}, z, a);");
            }
        }

        /// <summary>
        /// dz = f'(z) da over the batch, in place: whole vectors (the vector dialect of the same gate, the same bits),
        /// then the scalar tail.
        /// </summary>
        private static void WriteActivationBackward(IndentedWriter writer, LayerPlan layer)
        {
            Dialect vector = Dialect.CpuVector;
            string type = vector.VectorType!, count = $"{type}.Count";
            bool readsZ = ActivationGates.BackwardReadsZ(layer.Activation), readsA = ActivationGates.BackwardReadsA(layer.Activation);
            writer.Line("int e = 0;");
            using (writer.Open($"for (; e <= n * {layer.Units} - {count}; e += {count})"))
            {
                writer.Line($"var dzv = new {type}(dz.Slice(e));");
                if (readsZ) writer.Line($"var zv = new {type}(z.Slice(e));");
                if (readsA) writer.Line($"var av = new {type}(a.Slice(e));");
                writer.Line($"({ActivationGates.Backward(vector, layer.Activation, layer.Alpha, "dzv", "zv", "av")}).CopyTo(dz.Slice(e));");
            }
            writer.Line($"for (; e < n * {layer.Units}; e++) dz[e] = {ActivationGates.Backward(Dialect.CpuScalar, layer.Activation, layer.Alpha, "dz[e]", "z[e]", "a[e]")};");
        }

        private static void WriteBackwardLayer(IndentedWriter writer, LayerPlan layer)
        {
            string d = layer.Gradient.Name;
            writer.Line($"// backward, layer {layer.Number} ({layer.Layer.Kind}): {d} holds dL/d(output); {(layer.GradientBelow is { } below ? $"writes dL/d(output) of layer {below.Layer} into {below.Name}" : "the inputs need no gradient")}");
            using (writer.Open($"private void NnBackwardLayer{layer.Number}({ReadOnlySpan} x, int n)"))
            {
                if (layer.BackwardStartsWithActivation)
                {
                    int u = layer.Units;
                    writer.Line($"// the activation gate ({layer.Activation}) multiplies by its local derivative, turning dL/da into dL/dz")
                        .Line($"{Span} dz = new({d}, 0, n * {u});");
                    if (ActivationGates.BackwardReadsZ(layer.Activation)) writer.Line($"{ReadOnlySpan} z = new({layer.PreActivation!.Value.Name}, 0, n * {u});");
                    if (ActivationGates.BackwardReadsA(layer.Activation)) writer.Line($"{ReadOnlySpan} a = new({layer.Output.Name}, 0, n * {u});");
                    WriteActivationBackward(writer, layer);
                }
                switch (layer.Layer)
                {
                    case DenseLayer: DenseLoopEmitter.WriteBackward(writer, layer); break;
                    case MaxoutLayer: MaxoutLoopEmitter.WriteBackward(writer, layer); break;
                    case BatchNormLayer: NormalizationEmitter.WriteBatchNormBackward(writer, layer); break;
                    case LayerNormLayer: NormalizationEmitter.WriteLayerNormBackward(writer, layer); break;
                    default: StochasticLayerEmitter.WriteBackward(writer, layer); break;
                }
            }
        }
    }
}
