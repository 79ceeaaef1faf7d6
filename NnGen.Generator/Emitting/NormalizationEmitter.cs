using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// BatchNorm (statistics per feature over the batch; running statistics in inference) and LayerNorm
    /// (statistics per sample over its features): y = gamma * xhat + beta with xhat = (x - mean) / sqrt(var + eps),
    /// the variance biased as in PyTorch. Backward uses the closed form
    /// dx = invStd / m * (m * dxhat - sum(dxhat) - xhat * sum(dxhat * xhat)) over the m values of one statistic.
    /// </summary>
    internal static class NormalizationEmitter
    {
        public static void WriteBatchNormForward(IndentedWriter writer, LayerPlan layer, BatchNormLayer batchNorm)
        {
            int u = layer.Units;
            string eps = Numbers.Literal(batchNorm.Epsilon), momentum = Numbers.Literal(batchNorm.Momentum);
            writer.Line($"// forward, layer {layer.Number} (BatchNorm over {u} features, eps {eps}, momentum {momentum})");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{ReadOnlySpan} gamma = new(Parameters, {layer.WeightOffset}, {u});")
                    .Line($"{ReadOnlySpan} beta = new(Parameters, {layer.BiasOffset}, {u});")
                    .Line($"{Span} runningMean = new(State, {layer.StateOffset}, {u});")
                    .Line($"{Span} runningVar = new(State, {layer.StateOffset + u}, {u});")
                    .Line($"{Span} y = new({layer.PreActivation!.Value.Name}, 0, n * {u});")
                    .Line($"{Span} xhat = new({layer.BufferOf(BufferRole.Normalized).Name}, 0, n * {u});")
                    .Line($"{Span} invStd = new({layer.BufferOf(BufferRole.InverseDeviation).Name}, 0, {u});");
                using (writer.Open($"for (int j = 0; j < {u}; j++)"))
                {
                    writer.Line("float mean, inv;");
                    using (writer.Open("if (training)"))
                    {
                        writer.Line("// batch statistics: the biased variance normalizes, the unbiased one enters the running variance")
                            .Line("double sum = 0;")
                            .Line($"for (int s = 0; s < n; s++) sum += x[s * {u} + j];")
                            .Line("double batchMean = sum / n, squares = 0;")
                            .Line($"for (int s = 0; s < n; s++) {{ double c = x[s * {u} + j] - batchMean; squares += c * c; }}")
                            .Line("double variance = squares / n;")
                            .Line("mean = (float)batchMean;")
                            .Line($"inv = (float)(1.0 / global::System.Math.Sqrt(variance + {eps}));")
                            .Line($"runningMean[j] = (1f - {momentum}) * runningMean[j] + {momentum} * mean;")
                            .Line($"runningVar[j] = (1f - {momentum}) * runningVar[j] + {momentum} * (float)(squares / (n - 1));");
                    }
                    using (writer.Open("else"))
                    {
                        writer.Line("mean = runningMean[j];")
                            .Line($"inv = (float)(1.0 / global::System.Math.Sqrt(runningVar[j] + (double){eps}));");
                    }
                    writer.Line("invStd[j] = inv;");
                    using (writer.Open("for (int s = 0; s < n; s++)"))
                    {
                        writer.Line($"float h = (x[s * {u} + j] - mean) * inv;")
                            .Line($"xhat[s * {u} + j] = h;")
                            .Line($"y[s * {u} + j] = gamma[j] * h + beta[j];");
                    }
                }
            }
        }

        public static void WriteBatchNormBackward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units;
            writer.Line($"{ReadOnlySpan} gamma = new(Parameters, {layer.WeightOffset}, {u});")
                .Line($"{Span} gGamma = new(Gradients, {layer.WeightOffset}, {u});")
                .Line($"{Span} gBeta = new(Gradients, {layer.BiasOffset}, {u});")
                .Line($"{ReadOnlySpan} d = new({layer.Gradient.Name}, 0, n * {u});")
                .Line($"{ReadOnlySpan} xhat = new({layer.BufferOf(BufferRole.Normalized).Name}, 0, n * {u});")
                .Line($"{ReadOnlySpan} invStd = new({layer.BufferOf(BufferRole.InverseDeviation).Name}, 0, {u});");
            if (layer.GradientBelow is { } below) writer.Line($"{Span} dx = new({below.Name}, 0, n * {u});");
            using (writer.Open($"for (int j = 0; j < {u}; j++)"))
            {
                writer.Line("// gamma is a multiply gate on xhat, beta an add gate")
                    .Line("float sumD = 0f, sumDXHat = 0f;")
                    .Line($"for (int s = 0; s < n; s++) {{ float dj = d[s * {u} + j]; sumD += dj; sumDXHat += dj * xhat[s * {u} + j]; }}")
                    .Line("gGamma[j] += sumDXHat;")
                    .Line("gBeta[j] += sumD;");
                if (layer.GradientBelow is null) return;
                writer.Line("// through the batch statistics: every sample's xhat depends on the whole column")
                    .Line("float scale = gamma[j] * invStd[j] / n;")
                    .Line($"for (int s = 0; s < n; s++) dx[s * {u} + j] = scale * (n * d[s * {u} + j] - sumD - xhat[s * {u} + j] * sumDXHat);");
            }
        }

        public static void WriteLayerNormForward(IndentedWriter writer, LayerPlan layer, LayerNormLayer layerNorm)
        {
            int u = layer.Units;
            string eps = Numbers.Literal(layerNorm.Epsilon);
            writer.Line($"// forward, layer {layer.Number} (LayerNorm over {u} features of each sample, eps {eps})");
            using (writer.Open($"private void NnForwardLayer{layer.Number}({ReadOnlySpan} x, int n, bool training)"))
            {
                writer.Line($"{ReadOnlySpan} gamma = new(Parameters, {layer.WeightOffset}, {u});")
                    .Line($"{ReadOnlySpan} beta = new(Parameters, {layer.BiasOffset}, {u});")
                    .Line($"{Span} y = new({layer.PreActivation!.Value.Name}, 0, n * {u});")
                    .Line($"{Span} xhat = new({layer.BufferOf(BufferRole.Normalized).Name}, 0, n * {u});")
                    .Line($"{Span} invStd = new({layer.BufferOf(BufferRole.InverseDeviation).Name}, 0, n);");
                using (writer.Open("for (int s = 0; s < n; s++)"))
                {
                    writer.Line($"{ReadOnlySpan} xs = x.Slice(s * {u}, {u});")
                        .Line("double sum = 0;")
                        .Line($"for (int j = 0; j < {u}; j++) sum += xs[j];")
                        .Line($"double mean = sum / {u}, squares = 0;")
                        .Line($"for (int j = 0; j < {u}; j++) {{ double c = xs[j] - mean; squares += c * c; }}")
                        .Line($"float inv = (float)(1.0 / global::System.Math.Sqrt(squares / {u} + {eps}));")
                        .Line("invStd[s] = inv;");
                    using (writer.Open($"for (int j = 0; j < {u}; j++)"))
                    {
                        writer.Line("float h = (float)(xs[j] - mean) * inv;")
                            .Line($"xhat[s * {u} + j] = h;")
                            .Line($"y[s * {u} + j] = gamma[j] * h + beta[j];");
                    }
                }
            }
        }

        public static void WriteLayerNormBackward(IndentedWriter writer, LayerPlan layer)
        {
            int u = layer.Units;
            writer.Line($"{ReadOnlySpan} gamma = new(Parameters, {layer.WeightOffset}, {u});")
                .Line($"{Span} gGamma = new(Gradients, {layer.WeightOffset}, {u});")
                .Line($"{Span} gBeta = new(Gradients, {layer.BiasOffset}, {u});")
                .Line($"{ReadOnlySpan} d = new({layer.Gradient.Name}, 0, n * {u});")
                .Line($"{ReadOnlySpan} xhat = new({layer.BufferOf(BufferRole.Normalized).Name}, 0, n * {u});")
                .Line($"{ReadOnlySpan} invStd = new({layer.BufferOf(BufferRole.InverseDeviation).Name}, 0, n);");
            if (layer.GradientBelow is { } below) writer.Line($"{Span} dx = new({below.Name}, 0, n * {u});");
            using (writer.Open("for (int s = 0; s < n; s++)"))
            {
                writer.Line("float sumDXHat = 0f, sumDXHatXHat = 0f;");
                using (writer.Open($"for (int j = 0; j < {u}; j++)"))
                {
                    writer.Line($"float dj = d[s * {u} + j], h = xhat[s * {u} + j];")
                        .Line("gGamma[j] += dj * h;")
                        .Line("gBeta[j] += dj;")
                        .Line("float dh = dj * gamma[j];")
                        .Line("sumDXHat += dh;")
                        .Line("sumDXHatXHat += dh * h;");
                }
                if (layer.GradientBelow is null) return;
                writer.Line($"float scale = invStd[s] / {u};")
                    .Line($"for (int j = 0; j < {u}; j++) dx[s * {u} + j] = scale * ({u} * d[s * {u} + j] * gamma[j] - sumDXHat - xhat[s * {u} + j] * sumDXHatXHat);");
            }
        }
    }
}
