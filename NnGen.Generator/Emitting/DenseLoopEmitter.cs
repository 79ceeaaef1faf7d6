using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.LoopNames;

namespace NnGen.Generator.Emitting
{
    /// <summary>The loop form of a dense layer: z = W x + b forward; the weight, bias and input gradients backward.</summary>
    internal static class DenseLoopEmitter
    {
        public static void WriteForward(IndentedWriter writer, LayerModel layer)
        {
            int f = layer.FanIn, u = layer.Units;
            writer.Line($"// forward, layer {layer.Number} (Dense {f} -> {u}): z = W x + b per sample: multiply gates summed by an add gate");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{ReadOnlySpan} w = new(Parameters, {layer.WeightOffset}, {layer.WeightCount});")
                    .Line($"{ReadOnlySpan} b = new(Parameters, {layer.BiasOffset}, {u});")
                    .Line($"{Span} z = new({Z(layer)}, 0, n * {u});");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    writer.Line($"{ReadOnlySpan} xs = x.Slice(s * {f}, {f});");
                    using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                    {
                        writer.Line($"{ReadOnlySpan} wo = w.Slice(o * {f}, {f});")
                            .Line("float sum = 0f;")
                            .Line($"for (int i = 0; i < {f}; i++) sum += wo[i] * xs[i];")
                            .Line($"z[s * {u} + o] = sum + b[o];");
                    }
                }
            }
        }

        public static void WriteBackward(IndentedWriter writer, LayerModel layer, LayerModel? below)
        {
            int f = layer.FanIn, u = layer.Units;
            writer.Line("// the add gate passes dz to the bias; each multiply gate W[o,i] * x[i] switches in its other input")
                .Line($"{Span} gw = new(Gradients, {layer.WeightOffset}, {layer.WeightCount});")
                .Line($"{Span} gb = new(Gradients, {layer.BiasOffset}, {u});")
                .Line($"{ReadOnlySpan} d = new({D(layer)}, 0, n * {u});");
            using (writer.Open("for (int s = 0; s < n; s++)"))
            {
                writer.Line($"{ReadOnlySpan} xs = x.Slice(s * {f}, {f});");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    writer.Line($"float dzo = d[s * {u} + o];")
                        .Line("gb[o] += dzo;")
                        .Line($"{Span} gwo = gw.Slice(o * {f}, {f});")
                        .Line($"for (int i = 0; i < {f}; i++) gwo[i] += dzo * xs[i];");
                }
            }
            if (below is null) return;

            writer.Line($"// the gradient reaching layer {below.Number}'s outputs: da[i] = sum over o of dz[o] * W[o,i]")
                .Line($"{ReadOnlySpan} w = new(Parameters, {layer.WeightOffset}, {layer.WeightCount});")
                .Line($"{Span} da = new({D(below)}, 0, n * {f});")
                .Line("da.Clear();");
            using (writer.Open("for (int s = 0; s < n; s++)"))
            {
                writer.Line($"{Span} das = da.Slice(s * {f}, {f});");
                using (writer.Open($"for (int o = 0; o < {u}; o++)"))
                {
                    writer.Line($"float dzo = d[s * {u} + o];")
                        .Line($"{ReadOnlySpan} wo = w.Slice(o * {f}, {f});")
                        .Line($"for (int i = 0; i < {f}; i++) das[i] += dzo * wo[i];");
                }
            }
        }
    }
}
