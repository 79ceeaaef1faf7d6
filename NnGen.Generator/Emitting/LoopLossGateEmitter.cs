using NnGen.Generator.Emitting.Gates;
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
                LoopLossAccess rows = new(RowAccess.Element("z", "row"), RowAccess.Element("a", "row"), RowAccess.Element("t", "row"), RowAccess.Element("dz", "row"));
                string notRead(string k) => throw new System.InvalidOperationException("softmax's backward gate reads only a and dz");
                var form = new LoopLossForm(
                    Elements: $"for (int j = 0; j < n * {u}; j++)",
                    Element: "j",
                    Values: new(k => $"z[{k}]", k => $"a[{k}]", k => $"t[{k}]", k => $"dz[{k}]"),
                    SoftmaxRows: new("for (int s = 0; s < n; s++)",
                        new[] { $"{Span} ds = dz.Slice(s * {u}, {u});", $"{ReadOnlySpan} @as = a.Slice(s * {u}, {u});" },
                        new(notRead, k => $"@as[{k}]", notRead, k => $"ds[{k}]")),
                    CategoricalRows: new("for (int s = 0; s < n; s++)", new[] { $"int row = s * {u};" }, rows),
                    Gradient: "withGradient",
                    LogitLocal: false);
                LossGates.WriteLoops(writer, Cpu, plan, form);
                writer.Line("return loss;");
            }
        }
    }
}
