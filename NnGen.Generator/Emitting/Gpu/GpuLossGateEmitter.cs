using System;
using NnGen.Generator.Emitting.Gates;
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

        /// <summary>
        /// <paramref name="gradient"/>: null for the loss alone, "" for the gradient always, or a condition (a kernel
        /// argument) that decides at run time.
        /// </summary>
        public static void WriteLoops(IndentedWriter writer, NetworkPlan plan, LoopLossAccess v, string? gradient)
        {
            writer.Line($"// loss gate ({plan.Loss}){(gradient is null ? "" : ": its local gradient starts the backward pass")}")
                .Line("float loss = 0f;");
            // one sample: its values are the one row
            var row = new LoopLossRows(null, Array.Empty<string>(), v);
            LossGates.WriteLoops(writer, Gpu, plan, new LoopLossForm($"for (int k = 0; k < {plan.OutputLayer.Units}; k++)", "k", v, row, row, gradient, LogitLocal: true));
        }
    }
}
