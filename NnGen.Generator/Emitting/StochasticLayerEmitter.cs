using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// Dropout and Gaussian noise: random in training calls, the identity in inference calls. Both draw from the
    /// network's own seeded generator, so a training run is reproducible from the constructor's seed.
    /// </summary>
    internal static class StochasticLayerEmitter
    {
        public const string RandomField = "_nnRandom";

        public static void WriteForward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units;
            var dropout = layer.Layer as DropoutLayer;
            float noise = layer.Layer is GaussianNoiseLayer gaussian ? gaussian.StandardDeviation : 0f;
            writer.Line(dropout is not null
                ? $"// forward, layer {layer.Number} (Dropout, rate {Numbers.Text(dropout.Rate)}): in training each value is dropped with that probability and the rest scaled by 1 / (1 - rate)"
                : $"// forward, layer {layer.Number} (GaussianNoise, sd {Numbers.Text(noise)}): in training each value gets an add gate of normal noise");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{Span} y = new({layer.Output.Name}, 0, n * {u});")
                    .Line($"x.Slice(0, n * {u}).CopyTo(y);")
                    .Line("if (!training) return;");
                if (dropout is not null)
                {
                    float keep = 1f - dropout.Rate;
                    writer.Line($"{Span} mask = new({layer.BufferOf(BufferRole.DropoutMask).Name}, 0, n * {u});");
                    using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                    {
                        writer.Line($"mask[j] = {RandomField}.NextDouble() < {Numbers.Literal(dropout.Rate)} ? 0f : {Numbers.Literal(1f / keep)};")
                            .Line("y[j] *= mask[j];");
                    }
                }
                else
                {
                    writer.Line($"for (int j = 0; j < n * {u}; j++) y[j] += {Numbers.Literal(noise)} * (float){RandomField}.NextNormal();");
                }
            }
        }

        public static void WriteBackward(IndentedWriter writer, LayerPlan layer)
        {
            if (layer.GradientBelow is not { } below) return;
            int u = layer.Units;
            writer.Line($"{ReadOnlySpan} d = new({layer.Gradient.Name}, 0, n * {u});")
                .Line($"{Span} da = new({below.Name}, 0, n * {u});");
            if (layer.Layer is DropoutLayer)
                writer.Line("// the multiply gate of the mask switches in the mask")
                    .Line($"{ReadOnlySpan} mask = new({layer.BufferOf(BufferRole.DropoutMask).Name}, 0, n * {u});")
                    .Line($"for (int j = 0; j < n * {u}; j++) da[j] = d[j] * mask[j];");
            else
                writer.Line("// the add gate of the noise passes the gradient through unchanged")
                    .Line("d.CopyTo(da);");
        }
    }
}
