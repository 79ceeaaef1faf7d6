using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.LoopTypes;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The loss gate of the loop code shape: a method that returns the loss summed over the batch and, with the
    /// gradient, writes dL/dz of the last layer into its gradient buffer, which starts the backward pass.
    /// </summary>
    internal static class LoopLossGateEmitter
    {
        private static readonly Dialect Cpu = Dialect.CpuScalar;

        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            LayerPlan last = plan.OutputLayer;
            int u = last.Units;
            writer.Line($"// loss gate ({plan.Loss}): the summed loss; with the gradient, dL/dz of the last layer");
            using (writer.Open($"private double NnLossGate({ReadOnlySpan} targets, int n, bool withGradient)"))
            {
                writer.Line($"{ReadOnlySpan} z = new({last.PreActivation!.Value.Name}, 0, n * {u});")
                    .Line($"{ReadOnlySpan} a = new({last.Output.Name}, 0, n * {u});")
                    .Line($"{Span} dz = new({last.Gradient.Name}, 0, n * {u});")
                    .Line($"{ReadOnlySpan} t = targets;")
                    .Line($"float invCount = 1f / {LossGates.Count(plan.Loss)};")
                    .Line("double loss = 0;");
                switch (plan.Loss)
                {
                    case Loss.MeanSquaredError:
                    case Loss.MeanAbsoluteError:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line("float d = a[j] - t[j];")
                                .Line($"loss += {LossGates.Term(plan.Loss, "d")};")
                                .Line($"float da = {LossGates.StartGradient(plan.Loss, "d")};")
                                .Line(last.Activation == Activation.Softmax
                                    ? "if (withGradient) dz[j] = da;"
                                    : $"if (withGradient) dz[j] = {ActivationGates.Backward(Cpu, last.Activation, last.Alpha, "da", "z[j]", "a[j]")};");
                        }
                        if (last.Activation == Activation.Softmax)
                        {
                            writer.Line("// softmax gate backward: dz = a * (da - sum(da * a)) per row");
                            using (writer.Open("if (withGradient)"))
                            using (writer.Open("for (int s = 0; s < n; s++)"))
                            {
                                writer.Line($"{Span} ds = dz.Slice(s * {u}, {u});")
                                    .Line($"{ReadOnlySpan} @as = a.Slice(s * {u}, {u});");
                                SoftmaxGate.WriteRowBackward(writer, last, k => $"ds[{k}]", k => $"@as[{k}]");
                            }
                        }
                        break;

                    case Loss.BinaryCrossEntropy:
                        using (writer.Open($"for (int j = 0; j < n * {u}; j++)"))
                        {
                            writer.Line($"loss += {LossGates.BinaryCrossEntropy(Cpu, "z[j]", "t[j]")};")
                                .Line($"if (withGradient) dz[j] = {LossGates.BinaryStart("a[j]", "t[j]")};");
                        }
                        break;

                    case Loss.CategoricalCrossEntropy:
                        using (writer.Open("for (int s = 0; s < n; s++)"))
                        {
                            writer.Line($"int row = s * {u};");
                            LossGates.WriteCategoricalRow(writer, Cpu, u, RowAccess.Element("z", "row"), RowAccess.Element("t", "row"));
                            writer.Line("if (!withGradient) continue;")
                                .Line(LossGates.CategoricalRowGradient(u, RowAccess.Element("a", "row"), RowAccess.Element("t", "row"), RowAccess.Element("dz", "row")));
                        }
                        break;
                }
                writer.Line("return loss;");
            }
        }
    }
}
