using System;
using System.Collections.Generic;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The kernels of a tiny network: one thread per sample runs the whole forward pass, the loss gate and the
    /// backward pass in registers (networks the CPU unrolls: every gate a named local, as in the CPU's unrolled code)
    /// or in local memory (loops with constant bounds), and writes the sample's gradient row; the batch reduction
    /// follows in its own kernels.
    /// </summary>
    internal static class GpuFusedKernelEmitter
    {
        private enum Mode { Predict, Loss, Gradients }

        public static void Write(IndentedWriter writer, NetworkPlan plan, GpuKernel kernel)
        {
            bool unrolled = plan.GpuShape == GpuCodeShape.FusedRegisters;
            Mode mode = kernel.Kind switch
            {
                GpuKernelKind.FusedPredict => Mode.Predict,
                GpuKernelKind.FusedLoss => Mode.Loss,
                GpuKernelKind.FusedGradients => Mode.Gradients,
                _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel.Kind, "not a fused kernel"),
            };
            if (mode == Mode.Predict)
                writer.Line($"// the fused kernels: one thread per sample, {(unrolled ? "every gate a named local (registers)" : "each layer's values in local memory, loops with constant bounds")}");
            if (mode == Mode.Gradients)
                writer.Line("// each sample writes its own gradient row g[s * ParameterCount + k]: every entry once, so no atomics and no clearing");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
                WriteBody(writer, plan, unrolled, mode);
        }

        private static void WriteBody(IndentedWriter writer, NetworkPlan plan, bool unrolled, Mode mode)
        {
            writer.Line($"int s = index.X, xr = s * {plan.InputSize}, tr = s * {plan.OutputSize};");
            if (mode == Mode.Gradients) writer.Line($"int gr = s * {plan.ParameterCount};");
            if (unrolled) WriteUnrolled(writer, plan, mode);
            else WriteLoops(writer, plan, mode);
        }

        private static void WriteUnrolled(IndentedWriter writer, NetworkPlan plan, Mode mode)
        {
            var inputs = new List<string>();
            for (int i = 0; i < plan.InputSize; i++) inputs.Add($"x{i} = x[xr + {i}]");
            writer.Line("float " + string.Join(", ", inputs) + ";");
            SoftmaxLocals? softmax = UnrolledEmitter.WriteForwardGates(writer, Dialect.Gpu, plan);

            LayerPlan last = plan.OutputLayer;
            if (mode == Mode.Predict)
            {
                for (int k = 0; k < last.Units; k++) writer.Line($"y[tr + {k}] = {GateLocals.A(last, k)};");
                return;
            }
            var targets = new List<string>();
            for (int k = 0; k < last.Units; k++) targets.Add($"t{k} = t[tr + {k}]");
            writer.Line("float " + string.Join(", ", targets) + ";");
            bool withGradient = mode == Mode.Gradients;
            writer.Line($"// loss gate ({plan.Loss}){(withGradient ? ": its local gradient starts the backward pass" : "")}")
                .Line("float loss = 0f;");
            LossGates.WriteUnrolled(writer, Dialect.Gpu, plan, k => $"t{k}", softmax, withGradient);
            writer.Line("sampleLoss[s] = loss;");
            if (!withGradient) return;

            for (int index = plan.Layers.Count - 1; index >= 0; index--)
                UnrolledEmitter.WriteBackward(writer, plan, plan.Layers[index], gradientRow: "gr + ", assign: "=");
        }

        // The loop form: per layer local arrays z{l}, a{l} (z{l} itself for Identity) and, backward, dz{l}.
        private static string LocalZ(LayerPlan layer) => $"z{layer.Number}";

        private static string LocalOut(LayerPlan layer) => layer.OutputIsPreActivation ? LocalZ(layer) : $"a{layer.Number}";

        private static string LocalIn(NetworkPlan plan, LayerPlan layer, string i)
            => plan.Below(layer) is { } below ? $"{LocalOut(below)}[{i}]" : $"x[xr + {i}]";

        private static void WriteLoops(IndentedWriter writer, NetworkPlan plan, Mode mode)
        {
            const string Allocate = "global::ILGPU.LocalMemory.Allocate1D<float>";
            foreach (LayerPlan layer in plan.Layers)
            {
                int f = layer.FanIn, u = layer.Units;
                writer.Line($"// forward, layer {layer.Number} ({f} -> {u}, {layer.Activation}): multiply gates summed by an add gate, then the activation gate")
                    .Line($"var {LocalZ(layer)} = {Allocate}({u});");
                if (LocalOut(layer) != LocalZ(layer)) writer.Line($"var {LocalOut(layer)} = {Allocate}({u});");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    DenseGate.WriteLoopSum(writer, layer, i => LocalIn(plan, layer, i));
                    writer.Line($"{LocalZ(layer)}[o] = sum;");
                    if (layer.ActivationStep == ActivationStep.FusedIntoKernel)
                        writer.Line($"{LocalOut(layer)}[o] = {ActivationGates.Forward(Dialect.Gpu, layer.Activation, layer.Alpha, "sum")};");
                }
                if (layer.ActivationStep == ActivationStep.OwnPass)
                {
                    string z = LocalZ(layer), a = LocalOut(layer);
                    writer.Line("// softmax gate: shifted by the row maximum so that no exponential overflows");
                    SoftmaxGate.WriteRow(writer, Dialect.Gpu, layer, k => $"{z}[{k}]", k => $"{a}[{k}]");
                }
            }

            LayerPlan last = plan.OutputLayer;
            if (mode == Mode.Predict)
            {
                writer.Line($"for (int k = 0; k < {last.Units}; k++) y[tr + k] = {LocalOut(last)}[k];");
                return;
            }
            if (mode == Mode.Gradients) writer.Line($"var dz{last.Number} = {Allocate}({last.Units});");
            var access = new LoopLossAccess(k => $"{LocalZ(last)}[{k}]", k => $"{LocalOut(last)}[{k}]", RowAccess.Element("t", "tr"), k => $"dz{last.Number}[{k}]");
            GpuLossGateEmitter.WriteLoops(writer, plan, access, mode == Mode.Gradients ? "" : null);
            writer.Line("sampleLoss[s] = loss;");
            if (mode != Mode.Gradients) return;

            for (int index = plan.Layers.Count - 1; index >= 0; index--)
            {
                LayerPlan layer = plan.Layers[index];
                int f = layer.FanIn, u = layer.Units, l = layer.Number;
                writer.Line($"// backward, layer {l}: the add gate hands dz{l}[o] to the bias and to every multiply gate; each multiply gate switches in its other input");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    writer.Line($"float d = dz{l}[o];")
                        .Line($"int w = {layer.WeightOffset} + o * {f};")
                        .Line($"g[gr + {layer.BiasOffset} + o] = d;")
                        .Line($"for (int i = 0; i < {f}; i++) g[gr + w + i] = d * {LocalIn(plan, layer, "i")};");
                }
                if (plan.Below(layer) is not { } below) break;
                writer.Line($"// the gradient reaching layer {below.Number}'s outputs, then its activation gate ({below.Activation})")
                    .Line($"var dz{below.Number} = {Allocate}({f});");
                using (writer.Open($"for (int i = 0; i < {f}; i++)"))
                {
                    DenseGate.WriteLoopInputGradient(writer, layer, o => $"dz{l}[{o}]");
                    writer.Line($"dz{below.Number}[i] = {ActivationGates.Backward(Dialect.Gpu, below.Activation, below.Alpha, "da", $"{LocalZ(below)}[i]", $"{LocalOut(below)}[i]")};");
                }
            }
        }
    }
}
