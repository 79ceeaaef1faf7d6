using System;
using System.Collections.Generic;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.UnrolledEmitter;

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

        public static void Write(IndentedWriter writer, NetworkModel model, GpuKernelPlan plan, GpuKernel kernel)
        {
            bool unrolled = plan.Shape == GpuKernelShape.FusedRegisters;
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
                WriteBody(writer, model, unrolled, mode);
        }

        private static void WriteBody(IndentedWriter writer, NetworkModel model, bool unrolled, Mode mode)
        {
            writer.Line($"int s = index.X, xr = s * {model.InputSize}, tr = s * {model.OutputSize};");
            if (mode == Mode.Gradients) writer.Line($"int gr = s * {model.ParameterCount};");
            if (unrolled) WriteUnrolled(writer, model, mode);
            else WriteLoops(writer, model, mode);
        }

        private static void WriteUnrolled(IndentedWriter writer, NetworkModel model, Mode mode)
        {
            var inputs = new List<string>();
            for (int i = 0; i < model.InputSize; i++) inputs.Add($"x{i} = x[xr + {i}]");
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
                        writer.Line($"float {A(layer, o)} = {ActivationEmitter.Forward(layer, Z(layer, o), device: true)};");
                }
                if (layer.Activation == Activation.Softmax) WriteUnrolledSoftmax(writer, layer);
            }

            LayerModel last = model.OutputLayer;
            if (mode == Mode.Predict)
            {
                for (int k = 0; k < last.Units; k++) writer.Line($"y[tr + {k}] = {A(last, k)};");
                return;
            }
            var targets = new List<string>();
            for (int k = 0; k < last.Units; k++) targets.Add($"t{k} = t[tr + {k}]");
            writer.Line("float " + string.Join(", ", targets) + ";");
            GpuLossGateEmitter.WriteUnrolled(writer, model, withGradient: mode == Mode.Gradients);
            writer.Line("sampleLoss[s] = loss;");
            if (mode != Mode.Gradients) return;

            for (int index = model.Layers.Count - 1; index >= 0; index--)
                WriteBackward(writer, model, index, gradientRow: "gr + ", assign: "=");
        }

        private static void WriteUnrolledSoftmax(IndentedWriter writer, LayerModel layer)
        {
            int l = layer.Number;
            string max = Z(layer, 0);
            for (int k = 1; k < layer.Units; k++) max = $"global::System.MathF.Max({max}, {Z(layer, k)})";
            writer.Line($"// softmax gate: shifted by the row maximum m{l} so that no exponential overflows")
                .Line($"float m{l} = {max};");
            var exps = new List<string>();
            for (int k = 0; k < layer.Units; k++)
            {
                writer.Line($"float e{l}_{k} = {GpuDeviceMath.Exp}({Z(layer, k)} - m{l});");
                exps.Add($"e{l}_{k}");
            }
            writer.Line($"float sum{l} = {string.Join(" + ", exps)};");
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"float {A(layer, k)} = e{l}_{k} / sum{l};");
        }

        // The loop form: per layer local arrays z{l}, a{l} (z{l} itself for Identity) and, backward, dz{l}.
        private static string LocalZ(LayerModel layer) => $"z{layer.Number}";

        private static string LocalOut(LayerModel layer) => layer.Activation == Activation.Identity ? LocalZ(layer) : $"a{layer.Number}";

        private static string LocalIn(NetworkModel model, LayerModel layer, string i)
            => layer.Number == 1 ? $"x[xr + {i}]" : $"{LocalOut(model.Layers[layer.Number - 2])}[{i}]";

        private static void WriteLoops(IndentedWriter writer, NetworkModel model, Mode mode)
        {
            const string Allocate = "global::ILGPU.LocalMemory.Allocate1D<float>";
            foreach (LayerModel layer in model.Layers)
            {
                int f = layer.FanIn, u = layer.Units;
                writer.Line($"// forward, layer {layer.Number} ({f} -> {u}, {layer.Activation}): multiply gates summed by an add gate, then the activation gate")
                    .Line($"var {LocalZ(layer)} = {Allocate}({u});");
                if (LocalOut(layer) != LocalZ(layer)) writer.Line($"var {LocalOut(layer)} = {Allocate}({u});");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    writer.Line($"int w = {layer.WeightOffset} + o * {f};")
                        .Line("float sum = 0f;")
                        .Line($"for (int i = 0; i < {f}; i++) sum += p[w + i] * {LocalIn(model, layer, "i")};")
                        .Line($"sum += p[{layer.BiasOffset} + o];")
                        .Line($"{LocalZ(layer)}[o] = sum;");
                    if (layer.Activation is not (Activation.Identity or Activation.Softmax))
                        writer.Line($"{LocalOut(layer)}[o] = {ActivationEmitter.Forward(layer, "sum", device: true)};");
                }
                if (layer.Activation == Activation.Softmax)
                {
                    string z = LocalZ(layer), a = LocalOut(layer);
                    writer.Line("// softmax gate: shifted by the row maximum so that no exponential overflows")
                        .Line($"float m{layer.Number} = {z}[0];")
                        .Line($"for (int k = 1; k < {u}; k++) m{layer.Number} = global::System.MathF.Max(m{layer.Number}, {z}[k]);")
                        .Line($"float total{layer.Number} = 0f;")
                        .Line($"for (int k = 0; k < {u}; k++) {{ float e = {GpuDeviceMath.Exp}({z}[k] - m{layer.Number}); {a}[k] = e; total{layer.Number} += e; }}")
                        .Line($"for (int k = 0; k < {u}; k++) {a}[k] = {a}[k] / total{layer.Number};");
                }
            }

            LayerModel last = model.OutputLayer;
            if (mode == Mode.Predict)
            {
                writer.Line($"for (int k = 0; k < {last.Units}; k++) y[tr + k] = {LocalOut(last)}[k];");
                return;
            }
            if (mode == Mode.Gradients) writer.Line($"var dz{last.Number} = {Allocate}({last.Units});");
            var access = new GpuLossGateEmitter.Access(k => $"{LocalZ(last)}[{k}]", k => $"{LocalOut(last)}[{k}]", k => $"t[tr + {k}]", k => $"dz{last.Number}[{k}]");
            GpuLossGateEmitter.WriteLoops(writer, model, access, mode == Mode.Gradients ? "" : null);
            writer.Line("sampleLoss[s] = loss;");
            if (mode != Mode.Gradients) return;

            for (int index = model.Layers.Count - 1; index >= 0; index--)
            {
                LayerModel layer = model.Layers[index];
                int f = layer.FanIn, u = layer.Units, l = layer.Number;
                writer.Line($"// backward, layer {l}: the add gate hands dz{l}[o] to the bias and to every multiply gate; each multiply gate switches in its other input");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    writer.Line($"float d = dz{l}[o];")
                        .Line($"int w = {layer.WeightOffset} + o * {f};")
                        .Line($"g[gr + {layer.BiasOffset} + o] = d;")
                        .Line($"for (int i = 0; i < {f}; i++) g[gr + w + i] = d * {LocalIn(model, layer, "i")};");
                }
                if (index == 0) break;
                LayerModel below = model.Layers[index - 1];
                writer.Line($"// the gradient reaching layer {below.Number}'s outputs, then its activation gate ({below.Activation})")
                    .Line($"var dz{below.Number} = {Allocate}({f});");
                using (writer.Open($"for (int i = 0; i < {f}; i++)"))
                {
                    writer.Line("float da = 0f;")
                        .Line($"for (int o = 0; o < {u}; o++) da += dz{l}[o] * p[{layer.WeightOffset} + o * {f} + i];")
                        .Line($"dz{below.Number}[i] = {ActivationEmitter.Backward(below, "da", $"{LocalZ(below)}[i]", $"{LocalOut(below)}[i]")};");
                }
            }
        }
    }
}
