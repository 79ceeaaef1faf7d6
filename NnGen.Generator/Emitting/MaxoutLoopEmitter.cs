using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The loop form of a maxout layer: z = W x + b over units * pieces outputs (the dense kernels), then the max gate per
    /// unit forward; backward, the max gate scatters each unit's gradient to its winning piece, then the dense kernels'
    /// weight, bias and input gradients over the pieces.
    /// </summary>
    internal static class MaxoutLoopEmitter
    {
        private const string Kernels = "global::NnGen.Internal.DenseKernels";

        public static void WriteForward(IndentedWriter writer, LayerPlan layer)
        {
            int f = layer.FanIn, u = layer.Units, r = layer.AffineOutputs;
            string pieces = layer.BufferOf(BufferRole.Pieces).Name;
            writer.Line($"// forward, layer {layer.Number} (Maxout {f} -> {u} units of {layer.Pieces} pieces): z = W x + b over the {r} pieces, as a register-blocked")
                .Line($"// matrix product (multiply gates summed by an add gate), then the max gate of each unit over its {layer.Pieces} consecutive pieces")
                .Line("// (a later piece wins only when greater: the first of equal pieces wins)");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{Span} z = new({pieces}, 0, n * {r});")
                    .Line($"{Kernels}.Forward(x.Slice(0, n * {f}), new {ReadOnlySpan}(Parameters, {layer.WeightOffset}, {layer.WeightCount}), new {ReadOnlySpan}(Parameters, {layer.BiasOffset}, {r}), z, n, {f}, {r});")
                    .Line($"{Span} a = new({layer.Output.Name}, 0, n * {u});");
                MaxoutGate.WriteLoopForward(writer, layer, "z", "a", $"n * {u}");
            }
        }

        public static void WriteBackward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units, r = layer.AffineOutputs;
            writer.Line("// the max gate hands each unit's gradient to its winning piece (recomputed from z as forward chose it), 0 to the others")
                .Line($"{ReadOnlySpan} da = new({layer.Gradient.Name}, 0, n * {u});")
                .Line($"{ReadOnlySpan} z = new({layer.BufferOf(BufferRole.Pieces).Name}, 0, n * {r});")
                .Line($"{Span} dz = new({layer.BufferOf(BufferRole.PieceGradient).Name}, 0, n * {r});");
            MaxoutGate.WriteLoopBackward(writer, layer, "da", "z", "dz", $"n * {u}");
            writer.Line("// the add gate passes dz to the bias; each multiply gate W[o,i] * x[i] switches in its other input: gW += dz^T x");
            DenseLoopEmitter.WriteAffineGradients(writer, layer, "dz", r);
        }
    }
}
