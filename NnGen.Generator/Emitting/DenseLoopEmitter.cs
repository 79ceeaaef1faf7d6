using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>The loop form of a dense layer: z = W x + b forward; the weight, bias and input gradients backward.</summary>
    internal static class DenseLoopEmitter
    {
        private const string Kernels = "global::NnGen.Internal.DenseKernels";

        public static void WriteForward(IndentedWriter writer, LayerPlan layer)
        {
            int f = layer.FanIn, u = layer.Units;
            bool fused = layer.ActivationStep == ActivationStep.FusedIntoKernel;
            writer.Line($"// forward, layer {layer.Number} (Dense {f} -> {u}): z = W x + b for the batch: multiply gates summed by an add gate,")
                .Line(fused
                    ? $"// as a register-blocked matrix product, with the activation gate ({layer.Activation}) a = f(z) fused into the same pass"
                    : "// as a register-blocked matrix product");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                string common = $"x.Slice(0, n * {f}), new {ReadOnlySpan}(Parameters, {layer.WeightOffset}, {layer.WeightCount}), new {ReadOnlySpan}(Parameters, {layer.BiasOffset}, {u}), new {Span}({layer.PreActivation!.Value.Name}, 0, n * {u})";
                writer.Line(fused
                    ? $"{Kernels}.Forward({common}, new {Span}({layer.Output.Name}, 0, n * {u}), n, {f}, {u}, global::NnGen.Activation.{layer.Activation}, {Numbers.Literal(layer.Alpha)});"
                    : $"{Kernels}.Forward({common}, n, {f}, {u});");
            }
        }

        public static void WriteBackward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units;
            writer.Line("// the add gate passes dz to the bias; each multiply gate W[o,i] * x[i] switches in its other input: gW += dz^T x")
                .Line($"{ReadOnlySpan} d = new({layer.Gradient.Name}, 0, n * {u});");
            WriteAffineGradients(writer, layer, "d", u);
        }

        /// <summary>
        /// The weight and bias gradients of an affine map x -> W x + b with <paramref name="outputs"/> rows (a dense
        /// layer's units, a maxout layer's pieces) from its dz span <paramref name="dz"/>, and the gradient it hands down.
        /// </summary>
        internal static void WriteAffineGradients(IndentedWriter writer, LayerPlan layer, string dz, int outputs)
        {
            int f = layer.FanIn;
            writer.Line($"{Kernels}.AccumulateWeightGradients({dz}, x.Slice(0, n * {f}), new {Span}(Gradients, {layer.WeightOffset}, {layer.WeightCount}), new {Span}(Gradients, {layer.BiasOffset}, {outputs}), n, {f}, {outputs});");
            if (layer.GradientBelow is not { } below) return;
            writer.Line($"// the gradient reaching layer {below.Layer}'s outputs: da[i] = sum over o of dz[o] * W[o,i], that is da = dz W")
                .Line($"{Kernels}.BackwardInput({dz}, new {ReadOnlySpan}(Parameters, {layer.WeightOffset}, {layer.WeightCount}), new {Span}({below.Name}, 0, n * {f}), n, {f}, {outputs});");
        }
    }
}
