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

        /// <summary>max(z, 0) - z t + log(1 + exp(-|z|)) in double: BCEWithLogitsLoss's stable form.</summary>
        public static string BinaryCrossEntropyFromLogit(string z, string t)
            => $"global::System.Math.Max((double){z}, 0.0) - (double){z} * {t} + global::System.Math.Log(1.0 + global::System.Math.Exp(-global::System.Math.Abs((double){z})))";
    }
}
