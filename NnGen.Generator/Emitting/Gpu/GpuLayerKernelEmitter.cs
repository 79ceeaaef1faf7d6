using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.Gpu.GpuKernelCatalog;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The kernels of a network too wide to fuse, one set per dense layer, every size but the batch a constant:
    /// forward with the bias and activation fused, the loss gate, the weight and bias gradients as partial sums over
    /// chunks of the batch, and the gradient reaching the layer below with that layer's activation gate fused in.
    /// </summary>
    internal static class GpuLayerKernelEmitter
    {
        public static void Write(IndentedWriter writer, NetworkPlan plan, GpuKernelCatalog kernels)
        {
            foreach (LayerPlan layer in plan.Layers)
            {
                WriteForward(writer, layer, kernels);
                if (layer.Activation == Activation.Softmax) WriteSoftmax(writer, layer, kernels);
            }
            WriteLossGate(writer, plan, kernels);
            for (int l = plan.Layers.Count - 1; l >= 0; l--)
            {
                LayerPlan layer = plan.Layers[l];
                WriteWeightGradients(writer, plan, layer, kernels);
                if (plan.Below(layer) is { } below) WriteBackwardInput(writer, layer, below, kernels);
            }
        }

        private static void WriteForward(IndentedWriter writer, LayerPlan layer, GpuKernelCatalog kernels)
        {
            int f = layer.FanIn, u = layer.Units;
            bool fusedActivation = layer.ActivationStep == ActivationStep.FusedIntoKernel;
            writer.Line($"// forward, layer {layer.Number} (Dense {f} -> {u}, {layer.Activation}): one thread per (sample, unit); multiply gates")
                .Line($"// summed by an add gate with the bias{(fusedActivation ? ", then the activation gate" : layer.Activation == Activation.Softmax ? "; softmax follows row by row" : "")}");
            string[] parameters = fusedActivation
                ? new[] { $"{View} x", $"{View} p", $"{View} z", $"{View} a" }
                : new[] { $"{View} x", $"{View} p", $"{View} z" };
            using (kernels.Open(writer, $"ForwardLayer{layer.Number}", parameters))
            {
                writer.Line($"int j = index.X, s = j / {u}, o = j - s * {u};")
                    .Line($"int w = {layer.WeightOffset} + o * {f}, xr = s * {f};")
                    .Line("float sum = 0f;")
                    .Line($"for (int i = 0; i < {f}; i++) sum += p[w + i] * x[xr + i];")
                    .Line($"sum += p[{layer.BiasOffset} + o];")
                    .Line("z[j] = sum;");
                if (fusedActivation) writer.Line($"a[j] = {ActivationGates.Forward(Dialect.Gpu, layer.Activation, layer.Alpha, "sum")};");
            }
            writer.Line();
        }

        private static void WriteSoftmax(IndentedWriter writer, LayerPlan layer, GpuKernelCatalog kernels)
        {
            int u = layer.Units;
            writer.Line($"// softmax gate of layer {layer.Number}: one thread per sample, shifted by the row maximum so that no exponential overflows");
            using (kernels.Open(writer, $"SoftmaxLayer{layer.Number}", $"{View} z", $"{View} a"))
            {
                writer.Line($"int r = index.X * {u};");
                SoftmaxGate.WriteRow(writer, Dialect.Gpu, layer, RowAccess.Element("z", "r"), RowAccess.Element("a", "r"));
            }
            writer.Line();
        }

        private static void WriteLossGate(IndentedWriter writer, NetworkPlan plan, GpuKernelCatalog kernels)
        {
            writer.Line("// the loss gate, one thread per sample: the sample's loss and, when withGradient is 1, dL/dz of the last layer");
            using (kernels.Open(writer, "LossGate", $"{View} z", $"{View} a", $"{View} t", $"{View} dz", $"{View} sampleLoss", "float invCount", "int withGradient"))
            {
                writer.Line($"int s = index.X, r = s * {plan.OutputSize};");
                var access = new GpuLossGateEmitter.Access(RowAccess.Element("z", "r"), RowAccess.Element("a", "r"), RowAccess.Element("t", "r"), RowAccess.Element("dz", "r"));
                GpuLossGateEmitter.WriteLoops(writer, plan, access, "withGradient != 0");
                writer.Line("sampleLoss[s] = loss;");
            }
            writer.Line();
        }

        private static void WriteWeightGradients(IndentedWriter writer, NetworkPlan plan, LayerPlan layer, GpuKernelCatalog kernels)
        {
            int f = layer.FanIn, u = layer.Units, weights = layer.WeightCount;
            writer.Line($"// backward, layer {layer.Number}: the add gate hands dz to the bias and each multiply gate W[o,i] * x[i] switches in")
                .Line($"// its other input; one thread per (chunk of {GpuShape.Chunk} samples, parameter) sums its chunk in sample order");
            using (kernels.Open(writer, $"WeightGradientsLayer{layer.Number}", $"{View} dz", $"{View} x", $"{View} partials", "int n"))
            {
                writer.Line($"int c = index.X / {weights + u}, j = index.X - c * {weights + u};")
                    .Line($"int s0 = c * {GpuShape.Chunk}, s1 = global::System.Math.Min(n, s0 + {GpuShape.Chunk});")
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
            writer.Line();
        }

        private static void WriteBackwardInput(IndentedWriter writer, LayerPlan layer, LayerPlan below, GpuKernelCatalog kernels)
        {
            int f = layer.FanIn, u = layer.Units;
            writer.Line($"// the gradient reaching layer {below.Number}'s outputs, one thread per (sample, input): da[i] = sum over o of dz[o] * W[o,i];")
                .Line($"// then layer {below.Number}'s activation gate ({below.Activation}) multiplies by its local derivative");
            using (kernels.Open(writer, $"BackwardInputLayer{layer.Number}", $"{View} dz", $"{View} p", $"{View} zBelow", $"{View} aBelow", $"{View} dzBelow"))
            {
                writer.Line($"int j = index.X, s = j / {f}, i = j - s * {f};")
                    .Line($"int r = s * {u};")
                    .Line("float da = 0f;")
                    .Line($"for (int o = 0; o < {u}; o++) da += dz[r + o] * p[{layer.WeightOffset} + o * {f} + i];")
                    .Line($"dzBelow[j] = {ActivationGates.Backward(Dialect.Gpu, below.Activation, below.Alpha, "da", "zBelow[j]", "aBelow[j]")};");
            }
            writer.Line();
        }
    }
}
