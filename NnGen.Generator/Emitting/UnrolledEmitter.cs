using System.Collections.Generic;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.Gates.GateLocals;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The code shape of small networks: per sample, every multiply gate, add gate and activation gate of the
    /// forward pass is a named local, and the backward pass applies the chain rule to them one by one in
    /// reverse order, so the generated file reads as the network's computational graph.
    /// </summary>
    internal static class UnrolledEmitter
    {
        private static readonly Dialect Cpu = Dialect.CpuScalar;

        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            WritePredict(writer, plan);
            writer.Line();
            WriteComputeLoss(writer, plan);
            writer.Line();
            WriteComputeGradients(writer, plan);
            writer.Line();
            UnrolledVectorEmitter.Write(writer, plan);
        }

        private const string VectorsFirst = "// whole vectors of samples first, one gate per vector (the block method), then the rest one sample at a time";

        private static void WritePredict(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// Predict's work, under the guard of the public Predict");
            using (writer.Open("private void NnPredict(global::System.ReadOnlySpan<float> inputs, global::System.Span<float> outputs)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));")
                    .Line("float[] p = Parameters;")
                    .Line(VectorsFirst)
                    .Line(UnrolledVectorEmitter.FirstScalarSample(plan, "NnPredictVectors(inputs, outputs, n)"));
                using (writer.Open("for (; s < n; s++)"))
                {
                    WriteForward(writer, plan);
                    writer.Line("global::System.Span<float> y = outputs.Slice(s * OutputSize, OutputSize);");
                    LayerPlan last = plan.OutputLayer;
                    for (int k = 0; k < last.Units; k++)
                        writer.Line($"y[{k}] = {A(last, k)};");
                }
            }
        }

        private static void WriteComputeLoss(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// ComputeLoss's work, under the guard of the public ComputeLoss");
            using (writer.Open("private float NnComputeLoss(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("float[] p = Parameters;")
                    .Line("double loss = 0;")
                    .Line(VectorsFirst)
                    .Line(UnrolledVectorEmitter.FirstScalarSample(plan, "NnLossVectors(inputs, targets, n, ref loss)"));
                using (writer.Open("for (; s < n; s++)"))
                {
                    SoftmaxLocals? softmax = WriteForward(writer, plan);
                    writer.Line("global::System.ReadOnlySpan<float> t = targets.Slice(s * OutputSize, OutputSize);");
                    WriteLossGate(writer, plan, softmax, withGradient: false);
                }
                writer.Line($"return (float)(loss / {LossGates.Count(plan.Loss)}{(plan.HasPenalty ? " + NnPenalty(withGradient: false)" : "")});");
            }
        }

        private static void WriteComputeGradients(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// ComputeGradients' work, under the writer flag of ComputeGradients and TrainStep");
            using (writer.Open("private float NnComputeGradients(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)"))
            {
                writer.Line("int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));")
                    .Line("float[] p = Parameters;")
                    .Line("float[] g = Gradients;")
                    .Line("global::System.Array.Clear(g);")
                    .Line($"float invCount = 1f / {LossGates.Count(plan.Loss)};")
                    .Line("double loss = 0;")
                    .Line(VectorsFirst)
                    .Line(UnrolledVectorEmitter.FirstScalarSample(plan, "NnGradientsVectors(inputs, targets, n, invCount, ref loss)"));
                using (writer.Open("for (; s < n; s++)"))
                {
                    SoftmaxLocals? softmax = WriteForward(writer, plan);
                    writer.Line("global::System.ReadOnlySpan<float> t = targets.Slice(s * OutputSize, OutputSize);");
                    WriteLossGate(writer, plan, softmax, withGradient: true);
                    for (int l = plan.Layers.Count - 1; l >= 0; l--)
                        WriteBackward(writer, plan, plan.Layers[l]);
                }
                writer.Line($"return (float)(loss / {LossGates.Count(plan.Loss)}{(plan.HasPenalty ? " + NnPenalty(withGradient: true)" : "")});");
            }
        }

        private static void WriteLossGate(IndentedWriter writer, NetworkPlan plan, SoftmaxLocals? softmax, bool withGradient)
        {
            writer.Line($"// loss gate ({plan.Loss}){(withGradient ? ": its local gradient starts the backward pass" : "")}");
            LossGates.WriteUnrolled(writer, Cpu, plan, k => $"t[{k}]", softmax, withGradient);
        }

        /// <summary>The forward gates of one sample read from x; returns the locals of a softmax output gate, if any.</summary>
        private static SoftmaxLocals? WriteForward(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("global::System.ReadOnlySpan<float> x = inputs.Slice(s * InputSize, InputSize);");
            var inputs = new List<string>();
            for (int i = 0; i < plan.InputSize; i++) inputs.Add($"{Input(i)} = x[{i}]");
            writer.Line("float " + string.Join(", ", inputs) + ";");
            return WriteForwardGates(writer, Cpu, plan);
        }

        /// <summary>
        /// The forward gates of every layer over named locals (inputs x0, x1, ... already read), in a dialect: the GPU's
        /// fused kernel writes the same gates. Returns the locals of a softmax output gate, if any.
        /// </summary>
        internal static SoftmaxLocals? WriteForwardGates(IndentedWriter writer, Dialect dialect, NetworkPlan plan)
        {
            SoftmaxLocals? softmax = null;
            foreach (LayerPlan layer in plan.Layers)
            {
                if (layer.Layer is MaxoutLayer)
                {
                    writer.Line($"// forward, layer {layer.Number} (Maxout {layer.FanIn} -> {layer.Units} units of {layer.Pieces} pieces): multiply gates summed by an add gate for each piece,")
                        .Line($"// then a max gate per unit over its consecutive pieces (a later piece wins only when greater: the first of equal pieces wins)");
                    for (int o = 0; o < layer.AffineOutputs; o++)
                        writer.Line($"{dialect.ValueType} {Z(layer, o)} = {DenseGate.Sum(layer, o, i => In(plan, layer, i), dialect: dialect)};");
                    MaxoutGate.WriteUnrolledForward(writer, layer, dialect);
                    continue;
                }
                writer.Line($"// forward, layer {layer.Number} ({layer.FanIn} -> {layer.Units}, {layer.Activation}): multiply gates summed by an add gate, then the activation gate");
                for (int o = 0; o < layer.Units; o++)
                {
                    writer.Line($"{dialect.ValueType} {Z(layer, o)} = {DenseGate.Sum(layer, o, i => In(plan, layer, i), dialect: dialect)};");
                    if (layer.ActivationStep == ActivationStep.FusedIntoKernel)
                        writer.Line($"{dialect.ValueType} {A(layer, o)} = {ActivationGates.Forward(dialect, layer.Activation, layer.Alpha, Z(layer, o))};");
                }
                if (layer.ActivationStep == ActivationStep.OwnPass)
                    softmax = SoftmaxGate.WriteUnrolled(writer, dialect, layer);
            }
            return softmax;
        }

        /// <summary>
        /// The backward gates of one layer. <paramref name="gradientRow"/> prefixes each index into the gradients
        /// <paramref name="g"/> (the GPU's fused kernel writes a row per sample) and <paramref name="assign"/> is how a
        /// gate's term lands there; in the vector dialect g holds a vector of per-lane sums per parameter.
        /// </summary>
        internal static void WriteBackward(IndentedWriter writer, NetworkPlan plan, LayerPlan layer, string gradientRow = "", string assign = "+=", Dialect? dialect = null, string g = "g")
        {
            Dialect d = dialect ?? Cpu;
            writer.Line($"// backward, layer {layer.Number}: the add gate hands each dz{layer.Number}_o to the bias and to every multiply gate; each multiply gate switches in its other input");
            for (int o = 0; o < layer.AffineOutputs; o++)
            {
                writer.Line($"{g}[{gradientRow}{layer.BiasOffset + o}] {assign} {DZ(layer, o)};");
                for (int i = 0; i < layer.FanIn; i++)
                    writer.Line($"{g}[{gradientRow}{layer.WeightOffset + o * layer.FanIn + i}] {assign} {DZ(layer, o)} * {In(plan, layer, i)};");
            }
            if (plan.Below(layer) is not { } below) return;

            writer.Line($"// the gradient reaching each output of layer {below.Number}: one term per multiply gate it feeds");
            for (int i = 0; i < layer.FanIn; i++)
                writer.Line($"{d.ValueType} {DA(below, i)} = {DenseGate.InputGradient(layer, i, o => DZ(layer, o))};");
            if (below.Layer is MaxoutLayer) MaxoutGate.WriteUnrolledBackward(writer, below, d);
            else ActivationGates.WriteUnrolledBackward(writer, below, d);
        }
    }
}
