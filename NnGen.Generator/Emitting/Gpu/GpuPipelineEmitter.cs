using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The host side of the network's own kernels, rendered from the plan: its batch buffers (allocated and freed when
    /// the base class grows its own) and the overrides that queue the launches of one forward pass, one loss and one
    /// gradient. Nothing here waits for the device.
    /// </summary>
    internal static class GpuPipelineEmitter
    {
        public static void WriteBufferFields(IndentedWriter writer, GpuKernelPlan plan)
        {
            writer.Line("// the network's own batch buffers, grown with the base class's (inputs, targets, per-sample losses, gradient partials)")
                .Line("// to the largest batch seen");
            foreach (GpuBuffer buffer in plan.Buffers)
                writer.Line($"private {GpuKernelRenderer.Buffer} {buffer.Name} = null!;");
        }

        public static void WriteBatchBuffers(IndentedWriter writer, GpuKernelPlan plan)
        {
            writer.Line("/// <inheritdoc/>")
                .Line($"protected override {GpuKernelRenderer.DenseView} DeviceOutputs => {GpuKernelRenderer.View(plan.Outputs)};")
                .Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("protected override void AllocateBatchBuffers(int n)"))
                foreach (GpuBuffer buffer in plan.Buffers)
                    writer.Line($"{buffer.Name} = AllocateBatchBuffer({(buffer.RowWidth == 1 ? "n" : $"n * {Numbers.Text(buffer.RowWidth)}")});");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("protected override void DisposeBatchBuffers()"))
                foreach (GpuBuffer buffer in plan.Buffers)
                    writer.Line($"{buffer.Name}?.Dispose();");
        }

        public static void WriteQueueMethods(IndentedWriter writer, GpuKernelPlan plan)
        {
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("protected override void QueueForward(int n)"))
                WriteSteps(writer, plan.Forward);
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("protected override void QueueLoss(int n, int slot)"))
                WriteSteps(writer, plan.Loss);
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("protected override void QueueGradients(int n, int slot)"))
                WriteSteps(writer, plan.Gradients);
        }

        private static void WriteSteps(IndentedWriter writer, EquatableArray<GpuStep> steps)
        {
            foreach (GpuStep step in steps) writer.Line(GpuKernelRenderer.Statement(step));
        }
    }
}
