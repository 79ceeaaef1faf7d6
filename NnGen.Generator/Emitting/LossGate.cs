using System.Collections.Generic;
using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.UnrolledEmitter;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The loss gate: per sample it adds the sample's loss to a double accumulator <c>loss</c>, and its local
    /// gradient starts the backward pass. The cross-entropies fuse with their output activation and start from
    /// p - t (softmax: p * sum(t) - t, exact for targets that do not sum to 1), never dividing by a probability.
    /// </summary>
    internal static class LossGate
    {
        /// <summary>The number the summed loss is divided by: PyTorch's mean reduction.</summary>
        public static string Count(NetworkModel model)
            => model.Loss == Loss.CategoricalCrossEntropy ? "n" : "(n * OutputSize)";

        public static void WriteUnrolled(IndentedWriter writer, NetworkModel model, bool withGradient)
        {
            LayerModel last = model.OutputLayer;
            int l = last.Number;
            writer.Line($"// loss gate ({model.Loss}){(withGradient ? ": its local gradient starts the backward pass" : "")}");
            switch (model.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"float d{l}_{k} = {A(last, k)} - t[{k}];");
                        if (model.Loss == Loss.MeanSquaredError)
                        {
                            writer.Line($"loss += d{l}_{k} * d{l}_{k};");
                            if (withGradient) writer.Line($"float {DA(last, k)} = 2f * d{l}_{k} * invCount;");
                        }
                        else
                        {
                            writer.Line($"loss += global::System.MathF.Abs(d{l}_{k});");
                            if (withGradient) writer.Line($"float {DA(last, k)} = d{l}_{k} > 0f ? invCount : d{l}_{k} < 0f ? -invCount : 0f;");
                        }
                    }
                    if (withGradient) WriteActivationBackward(writer, last);
                    break;

                case Loss.BinaryCrossEntropy:
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"loss += {BinaryCrossEntropyFromLogit(Z(last, k), $"t[{k}]")};");
                        if (withGradient) writer.Line($"float {DZ(last, k)} = ({A(last, k)} - t[{k}]) * invCount;");
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    writer.Line($"double logSumExp{l} = m{l} + global::System.Math.Log(sum{l});");
                    var sumT = new List<string>();
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"loss += t[{k}] * (logSumExp{l} - {Z(last, k)});");
                        sumT.Add($"t[{k}]");
                    }
                    if (!withGradient) break;
                    writer.Line($"float sumT{l} = {string.Join(" + ", sumT)};");
                    for (int k = 0; k < last.Units; k++)
                        writer.Line($"float {DZ(last, k)} = ({A(last, k)} * sumT{l} - t[{k}]) * invCount;");
                    break;
            }
        }

        /// <summary>
        /// The loop form: a method that returns the loss summed over the batch and, with the gradient, writes dL/dz
        /// of the last layer into its D buffer, which starts the backward pass.
        /// </summary>
        public static void WriteLoops(IndentedWriter writer, NetworkModel model)
        {
            LayerModel last = model.OutputLayer;
            int u = last.Units;
            string readOnlySpan = LoopNames.ReadOnlySpan, span = LoopNames.Span;
            writer.Line($"// loss gate ({model.Loss}): the summed loss; with the gradient, dL/dz of the last layer");
            using (writer.Open($"private double NnLossGate({readOnlySpan} targets, int n, bool withGradient)"))
            {
                writer.Line($"{readOnlySpan} z = new({LoopNames.Z(last)}, 0, n * {u});")
                    .Line($"{readOnlySpan} a = new({LoopNames.Out(last)}, 0, n * {u});")
                    .Line($"{span} dz = new({LoopNames.D(last)}, 0, n * {u});")
                    .Line($"{readOnlySpan} t = targets;")
                    .Line($"float invCount = 1f / {Count(model)};")
                    .Line("double loss = 0;");
                switch (model.Loss)
                {
                    case Loss.MeanSquaredError:
                    case Loss.MeanAbsoluteError:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line("float d = a[j] - t[j];");
                            if (model.Loss == Loss.MeanSquaredError)
                                writer.Line("loss += d * d;").Line("float da = 2f * d * invCount;");
                            else
                                writer.Line("loss += global::System.MathF.Abs(d);").Line("float da = d > 0f ? invCount : d < 0f ? -invCount : 0f;");
                            writer.Line(last.Activation == Activation.Softmax
                                ? "if (withGradient) dz[j] = da;"
                                : $"if (withGradient) dz[j] = {ActivationEmitter.Backward(last, "da", "z[j]", "a[j]")};");
                        }
                        if (last.Activation == Activation.Softmax)
                        {
                            writer.Line("// softmax gate backward: dz = a * (da - sum(da * a)) per row");
                            using (writer.Open("if (withGradient)"))
                            using (writer.Open("for (int s = 0; s < n; s++)"))
                            {
                                writer.Line($"{span} ds = dz.Slice(s * {u}, {u});")
                                    .Line($"{readOnlySpan} @as = a.Slice(s * {u}, {u});")
                                    .Line("float dot = 0f;")
                                    .Line($"for (int k = 0; k < {u}; k++) dot += ds[k] * @as[k];")
                                    .Line($"for (int k = 0; k < {u}; k++) ds[k] = @as[k] * (ds[k] - dot);");
                            }
                        }
                        break;

                    case Loss.BinaryCrossEntropy:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line($"loss += {BinaryCrossEntropyFromLogit("z[j]", "t[j]")};")
                                .Line("if (withGradient) dz[j] = (a[j] - t[j]) * invCount;");
                        }
                        break;

                    case Loss.CategoricalCrossEntropy:
                        using (writer.Open("for (int s = 0; s < n; s++)"))
                        {
                            writer.Line($"int row = s * {u};")
                                .Line("float max = z[row];")
                                .Line($"for (int k = 1; k < {u}; k++) max = global::System.MathF.Max(max, z[row + k]);")
                                .Line("double total = 0;")
                                .Line($"for (int k = 0; k < {u}; k++) total += global::System.Math.Exp(z[row + k] - max);")
                                .Line("double logSumExp = max + global::System.Math.Log(total);")
                                .Line("float sumT = 0f;")
                                .Line($"for (int k = 0; k < {u}; k++) {{ loss += t[row + k] * (logSumExp - z[row + k]); sumT += t[row + k]; }}")
                                .Line("if (!withGradient) continue;")
                                .Line($"for (int k = 0; k < {u}; k++) dz[row + k] = (a[row + k] * sumT - t[row + k]) * invCount;");
                        }
                        break;
                }
                writer.Line("return loss;");
            }
        }

        /// <summary>max(z, 0) - z t + log(1 + exp(-|z|)) in double: BCEWithLogitsLoss's stable form.</summary>
        public static string BinaryCrossEntropyFromLogit(string z, string t)
            => $"global::System.Math.Max((double){z}, 0.0) - (double){z} * {t} + global::System.Math.Log(1.0 + global::System.Math.Exp(-global::System.Math.Abs((double){z})))";
    }
}
