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
            WriteEntryPoints(writer, plan);
            writer.Line()
                .Line("/// <summary>")
                .Line("/// The layers' scratch buffers and the compute methods over them. One per thread (calls on one thread never overlap),")
                .Line("/// shared by every instance of the network on that thread, so that concurrent inference never shares a buffer; grown")
                .Line("/// to the largest batch seen on the thread, never shrunk, so that steady-state calls allocate nothing.")
                .Line("/// </summary>");
            using (writer.Open("private sealed class NnScratch"))
            {
                WriteScratchAccess(writer, plan);
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
        }

        /// <summary>The network's NnPredict, NnComputeLoss and NnComputeGradients: each runs on the calling thread's scratch.</summary>
        private static void WriteEntryPoints(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// the work of Predict, ComputeLoss and ComputeGradients, on the scratch buffers of the calling thread");
            using (writer.Open($"private void NnPredict({ReadOnlySpan} inputs, {Span} outputs)"))
                writer.Line("NnScratch scratch = NnScratch.Enter(this);").Line("scratch.NnPredict(inputs, outputs);").Line("scratch.Leave();");
            writer.Line();
            using (writer.Open($"private float NnComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
                writer.Line("NnScratch scratch = NnScratch.Enter(this);").Line("float loss = scratch.NnComputeLoss(inputs, targets);").Line("scratch.Leave();").Line("return loss;");
            writer.Line();
            using (writer.Open($"private float NnComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
                writer.Line("NnScratch scratch = NnScratch.Enter(this);").Line("float loss = scratch.NnComputeGradients(inputs, targets);").Line("scratch.Leave();").Line("return loss;");
        }

        /// <summary>The thread's scratch, and the network it computes for: its arrays under the names the layer methods use.</summary>
        private static void WriteScratchAccess(IndentedWriter writer, NetworkPlan plan)
        {
            string type = plan.TypeName;
            writer.Line("[global::System.ThreadStatic] private static NnScratch? t_nnCurrent;")
                .Line()
                .Line("// the network of the call in progress; cleared after it, so that a thread's scratch keeps no network alive")
                .Line($"private {type} _nnNetwork = default!;")
                .Line();
            using (writer.Open($"internal static NnScratch Enter({type} network)"))
            {
                writer.Line("NnScratch scratch = t_nnCurrent ??= new NnScratch();")
                    .Line("scratch._nnNetwork = network;")
                    .Line("return scratch;");
            }
            writer.Line()
                .Line("internal void Leave() => _nnNetwork = default!;")
                .Line()
                .Line("private float[] Parameters => _nnNetwork.Parameters;")
                .Line("private float[] State => _nnNetwork.State;")
                .Line("private float[] Gradients => _nnNetwork.Gradients;");
            if (plan.HasStochasticLayer)
                writer.Line($"private global::NnGen.Internal.SeededRandom {StochasticLayerEmitter.RandomField} => _nnNetwork.{StochasticLayerEmitter.RandomField};");
            if (plan.HasPenalty)
                writer.Line("private double NnPenalty(bool withGradient) => _nnNetwork.NnPenalty(withGradient);");
            writer.Line();
        }

        private static void WriteBuffers(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// scratch buffers per layer (see the layer methods), grown to the largest batch seen on this thread")
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
                .Line("// Predict's work");
            using (writer.Open($"internal void NnPredict({ReadOnlySpan} inputs, {Span} outputs)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"new {ReadOnlySpan}({plan.OutputLayer.Output.Name}, 0, n * OutputSize).CopyTo(outputs);");
            }
            writer.Line()
                .Line("// ComputeLoss's work, in inference mode");
            using (writer.Open($"internal float NnComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("NnForward(inputs, n, training: false);")
                    .Line($"return (float)(NnLossGate(targets, n, withGradient: false) / {count}{penalty});");
            }
            writer.Line()
                .Line("// ComputeGradients' work, in training mode");
            using (writer.Open($"internal float NnComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
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
