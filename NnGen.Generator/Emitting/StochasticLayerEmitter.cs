using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.LoopNames;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// Dropout and Gaussian noise: random in training calls, the identity in inference calls. Both draw from the
    /// network's own seeded generator, so a training run is reproducible from the constructor's seed.
    /// </summary>
    internal static class StochasticLayerEmitter
    {
        public const string RandomField = "_nnRandom";

        public static void WriteForward(IndentedWriter writer, LayerModel layer)
        {
            int u = layer.Units;
            bool dropout = layer.Kind == LayerKind.Dropout;
            writer.Line(dropout
                ? $"// forward, layer {layer.Number} (Dropout, rate {Describe(layer.Rate)}): in training each value is dropped with that probability and the rest scaled by 1 / (1 - rate)"
                : $"// forward, layer {layer.Number} (GaussianNoise, sd {Describe(layer.Rate)}): in training each value gets an add gate of normal noise");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{Span} y = new({Out(layer)}, 0, n * {u});")
                    .Line($"x.Slice(0, n * {u}).CopyTo(y);")
                    .Line("if (!training) return;");
                if (dropout)
                {
                    float keep = 1f - layer.Rate;
                    writer.Line($"{Span} mask = new({Mask(layer)}, 0, n * {u});");
                    using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                    {
                        writer.Line($"mask[j] = {RandomField}.NextDouble() < {IndentedWriter.Float(layer.Rate)} ? 0f : {IndentedWriter.Float(1f / keep)};")
                            .Line("y[j] *= mask[j];");
                    }
                }
                else
                {
                    writer.Line($"for (int j = 0; j < n * {u}; j++) y[j] += {IndentedWriter.Float(layer.Rate)} * (float){RandomField}.NextNormal();");
                }
            }
        }

        public static void WriteBackward(IndentedWriter writer, LayerModel layer, LayerModel? below)
        {
            if (below is null) return;
            int u = layer.Units;
            writer.Line($"{ReadOnlySpan} d = new({D(layer)}, 0, n * {u});")
                .Line($"{Span} da = new({D(below)}, 0, n * {u});");
            if (layer.Kind == LayerKind.Dropout)
                writer.Line("// the multiply gate of the mask switches in the mask")
                    .Line($"{ReadOnlySpan} mask = new({Mask(layer)}, 0, n * {u});")
                    .Line($"for (int j = 0; j < n * {u}; j++) da[j] = d[j] * mask[j];");
            else
                writer.Line("// the add gate of the noise passes the gradient through unchanged")
                    .Line("d.CopyTo(da);");
        }

        private static string Describe(float value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
