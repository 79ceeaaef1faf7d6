using System;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The loss gate of one sample inside a kernel, in the loop form (the unrolled form is <see cref="LossGates.WriteUnrolled"/>
    /// itself): it sums the sample's loss into the float <c>loss</c> and, with the gradient, writes dL/dz of the last layer.
    /// </summary>
    internal static class GpuLossGateEmitter
    {
        private static readonly Dialect Gpu = Dialect.Gpu;

        /// <summary>Reads and writes of one sample's values in the loop form; each takes the index expression.</summary>
        internal sealed record Access(Func<string, string> Z, Func<string, string> A, Func<string, string> T, Func<string, string> Dz);

        /// <summary>
        /// <paramref name="gradient"/>: null for the loss alone, "" for the gradient always, or a condition (a kernel
        /// argument) that decides at run time.
        /// </summary>
        public static void WriteLoops(IndentedWriter writer, NetworkPlan plan, Access v, string? gradient)
        {
            LayerPlan last = plan.OutputLayer;
            int u = last.Units;
            string If(string statement) => gradient is null ? "" : gradient.Length == 0 ? statement : $"if ({gradient}) {statement}";
            writer.Line($"// loss gate ({plan.Loss}){(gradient is null ? "" : ": its local gradient starts the backward pass")}")
                .Line("float loss = 0f;");
            switch (plan.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    using (writer.Open($"for (int k = 0; k < {u}; k++)"))
                    {
                        writer.Line($"float d = {v.A("k")} - {v.T("k")};")
                            .Line($"loss += {LossGates.Term(plan.Loss, "d")};");
                        if (gradient is not null)
                            writer.Line($"float da = {LossGates.StartGradient(plan.Loss, "d")};")
                                .Line(If(last.Activation == Activation.Softmax
                                    ? $"{v.Dz("k")} = da;"
                                    : $"{v.Dz("k")} = {ActivationGates.Backward(Gpu, last.Activation, last.Alpha, "da", v.Z("k"), v.A("k"))};"));
                    }
                    if (gradient is not null && last.Activation == Activation.Softmax)
                    {
                        writer.Line("// softmax gate backward: dz = a * (da - sum(da * a))");
                        using (writer.Open(gradient.Length == 0 ? "" : $"if ({gradient})"))
                            SoftmaxGate.WriteRowBackward(writer, last, v.Dz, v.A);
                    }
                    break;

                case Loss.BinaryCrossEntropy:
                    using (writer.Open($"for (int k = 0; k < {u}; k++)"))
                    {
                        writer.Line($"float zk = {v.Z("k")};")
                            .Line($"loss += {LossGates.BinaryCrossEntropy(Gpu, "zk", v.T("k"))};");
                        if (gradient is not null) writer.Line(If($"{v.Dz("k")} = {LossGates.BinaryStart(v.A("k"), v.T("k"))};"));
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    LossGates.WriteCategoricalRow(writer, Gpu, u, v.Z, v.T);
                    if (gradient is not null) writer.Line(If(LossGates.CategoricalRowGradient(u, v.A, v.T, v.Dz)));
                    break;
            }
        }
    }
}
