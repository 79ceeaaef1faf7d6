using System;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The kernels of a network too wide to fuse, one set per dense layer, every size but the batch a constant:
    /// forward with the bias and activation fused, the loss gate, the weight and bias gradients as partial sums over
    /// chunks of the batch, and the gradient reaching the layer below with that layer's activation gate fused in.
    /// Each is written for its descriptor in the plan: the declaration from its parameters, the body by its kind.
    /// </summary>
    internal static class GpuLayerKernelEmitter
    {
        /// <summary>The name the per-layer kernels give NnGen.Gpu.SharedKernels.Chunk (a constant of NnKernels).</summary>
        public const string Chunk = "Chunk";

        public static void Write(IndentedWriter writer, NetworkPlan plan, GpuKernel kernel)
        {
            LayerPlan layer = plan.Layers[kernel.Layer - 1];
            switch (kernel.Kind)
            {
                case GpuKernelKind.Forward: WriteForward(writer, layer, kernel); break;
                case GpuKernelKind.Softmax: WriteSoftmax(writer, layer, kernel); break;
                case GpuKernelKind.LossGate: WriteLossGate(writer, plan, kernel); break;
                case GpuKernelKind.WeightGradients: WriteWeightGradients(writer, plan, layer, kernel); break;
                case GpuKernelKind.BackwardInput: WriteBackwardInput(writer, layer, plan.Below(layer)!, kernel); break;
                default: throw new ArgumentOutOfRangeException(nameof(kernel), kernel.Kind, "not a per-layer kernel");
            }
        }

        private static void WriteForward(IndentedWriter writer, LayerPlan layer, GpuKernel kernel)
        {
            int f = layer.FanIn, u = layer.Units;
            bool fusedActivation = layer.ActivationStep == ActivationStep.FusedIntoKernel;
            writer.Line($"// forward, layer {layer.Number} (Dense {f} -> {u}, {layer.Activation}): one thread per (sample, unit); multiply gates")
                .Line($"// summed by an add gate with the bias{(fusedActivation ? ", then the activation gate" : layer.Activation == Activation.Softmax ? "; softmax follows row by row" : "")}");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
            {
                writer.Line($"int j = index.X, s = j / {u}, o = j - s * {u};");
                DenseGate.WriteLoopSum(writer, layer, RowAccess.Element("x", "xr"), alsoDeclare: $", xr = s * {f}");
                writer.Line("z[j] = sum;");
                if (fusedActivation) writer.Line($"a[j] = {ActivationGates.Forward(Dialect.Gpu, layer.Activation, layer.Alpha, "sum")};");
            }
        }

        private static void WriteSoftmax(IndentedWriter writer, LayerPlan layer, GpuKernel kernel)
        {
            int u = layer.Units;
            writer.Line($"// softmax gate of layer {layer.Number}: one thread per sample, shifted by the row maximum so that no exponential overflows");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
            {
                writer.Line($"int r = index.X * {u};");
                SoftmaxGate.WriteRow(writer, Dialect.Gpu, layer, RowAccess.Element("z", "r"), RowAccess.Element("a", "r"));
            }
        }

        private static void WriteLossGate(IndentedWriter writer, NetworkPlan plan, GpuKernel kernel)
        {
            writer.Line("// the loss gate, one thread per sample: the sample's loss and, when withGradient is 1, dL/dz of the last layer");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
            {
                writer.Line($"int s = index.X, r = s * {plan.OutputSize};");
                var access = new LoopLossAccess(RowAccess.Element("z", "r"), RowAccess.Element("a", "r"), RowAccess.Element("t", "r"), RowAccess.Element("dz", "r"));
                GpuLossGateEmitter.WriteLoops(writer, plan, access, "withGradient != 0");
                writer.Line("sampleLoss[s] = loss;");
            }
        }

        private static void WriteWeightGradients(IndentedWriter writer, NetworkPlan plan, LayerPlan layer, GpuKernel kernel)
        {
            int f = layer.FanIn, u = layer.Units, weights = layer.WeightCount;
            writer.Line($"// backward, layer {layer.Number}: the add gate hands dz to the bias and each multiply gate W[o,i] * x[i] switches in")
                .Line($"// its other input; one thread per (chunk of samples, parameter) sums its chunk in sample order");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
            {
                writer.Line($"int c = index.X / {weights + u}, j = index.X - c * {weights + u};")
                    .Line($"int s0 = c * {Chunk}, s1 = global::System.Math.Min(n, s0 + {Chunk});")
                    .Line("float sum = 0f;");
                using (writer.Open($"if (j < {weights})"))
                {
                    writer.Line($"int o = j / {f}, i = j - o * {f};")
                        .Line($"for (int s = s0; s < s1; s++) sum += dz[s * {u} + o] * x[s * {f} + i];");
                }
                using (writer.Open("else"))
                {
                    writer.Line($"for (int s = s0; s < s1; s++) sum += dz[s * {u} + j - {weights}];");
                }
                writer.Line($"partials[c * {plan.ParameterCount} + {layer.WeightOffset} + j] = sum;");
            }
        }

        private static void WriteBackwardInput(IndentedWriter writer, LayerPlan layer, LayerPlan below, GpuKernel kernel)
        {
            int f = layer.FanIn, u = layer.Units;
            writer.Line($"// the gradient reaching layer {below.Number}'s outputs, one thread per (sample, input): da[i] = sum over o of dz[o] * W[o,i];")
                .Line($"// then layer {below.Number}'s activation gate ({below.Activation}) multiplies by its local derivative");
            using (writer.Open(GpuKernelRenderer.Declaration(kernel)))
            {
                writer.Line($"int j = index.X, s = j / {f}, i = j - s * {f};")
                    .Line($"int r = s * {u};");
                DenseGate.WriteLoopInputGradient(writer, layer, RowAccess.Element("dz", "r"));
                writer.Line($"dzBelow[j] = {ActivationGates.Backward(Dialect.Gpu, below.Activation, below.Alpha, "da", "zBelow[j]", "aBelow[j]")};");
            }
        }
    }
}
