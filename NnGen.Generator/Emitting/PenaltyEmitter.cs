using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The L1/L2 penalty on dense weights (biases excluded, as Keras' kernel regularizers): L1 * sum |w| + L2 * sum w^2
    /// is added to the loss, and L1 * sign(w) + 2 * L2 * w to the weight gradients.
    /// </summary>
    internal static class PenaltyEmitter
    {
        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("// the L1/L2 penalty on the dense weights: added to the loss and, with the gradient, to Gradients");
            using (writer.Open("private double NnPenalty(bool withGradient)"))
            {
                writer.Line("double penalty = 0;");
                foreach (LayerPlan layer in plan.Layers)
                {
                    if (layer.Layer is not DenseLayer { HasPenalty: true } dense) continue;
                    string l1 = Numbers.Literal(dense.L1), l2 = Numbers.Literal(dense.L2);
                    writer.Line($"// layer {layer.Number}: L1 {l1}, L2 {l2}");
                    using (writer.Open($"for (int i = {layer.WeightOffset}; i < {layer.WeightOffset + layer.WeightCount}; i++)"))
                    {
                        // only the penalties this layer has: a zero one adds nothing but a multiply by 0
                        var loss = new System.Collections.Generic.List<string>();
                        var gradient = new System.Collections.Generic.List<string>();
                        if (dense.L1 != 0f)
                        {
                            loss.Add($"{l1} * (double)global::System.MathF.Abs(w)");
                            gradient.Add($"{l1} * (w > 0f ? 1f : w < 0f ? -1f : 0f)");
                        }
                        if (dense.L2 != 0f)
                        {
                            loss.Add($"{l2} * (double)w * w");
                            gradient.Add($"2f * {l2} * w");
                        }
                        writer.Line("float w = Parameters[i];")
                            .Line($"penalty += {string.Join(" + ", loss)};")
                            .Line($"if (withGradient) Gradients[i] += {string.Join(" + ", gradient)};");
                    }
                }
                writer.Line("return penalty;");
            }
        }
    }
}
