using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The class N.Gpu: a thin subclass of <c>NnGen.Gpu.GpuNetwork</c> (the NnGen.Gpu assembly), which holds the host
    /// code every network shares (parameters, gradients, optimizer state, the common batch buffers, the network
    /// contract and <c>NnGen.Internal.IDeviceTraining</c>). The generated class supplies what depends on the shape: the sizes,
    /// its own batch buffers, its kernels and their launchers, and the launch sequences of forward, loss and gradient.
    /// </summary>
    internal static class GpuHostEmitter
    {
        public static void Write(IndentedWriter writer, NetworkPlan network, GpuKernelPlan plan)
        {
            NetworkModel model = network.Network;
            string shape = plan.Shape switch
            {
                GpuCodeShape.FusedRegisters => "one fused kernel per sample (forward and backward in registers)",
                GpuCodeShape.FusedLocalMemory => "one fused kernel per sample (forward and backward in local memory)",
                _ => "kernels per layer",
            };
            writer.Line("/// <summary>")
                .Line($"/// Network {NetworkEmitter.Shape(network)}, loss {model.Loss}, on an ILGPU accelerator: {Numbers.Text(network.ParameterCount)} parameters,")
                .Line($"/// {Numbers.Text(network.ForwardFlopsPerSample)} FLOPs per sample forward; {shape},")
                .Line("/// every layer size a constant. Parameters, gradients, optimizer state and an uploaded training set stay on the device;")
                .Line("/// <see cref=\"global::NnGen.Gpu.GpuNetwork.Parameters\"/> is the host network's array, brought up to date by")
                .Line("/// <see cref=\"global::NnGen.Gpu.GpuNetwork.CopyParametersTo(global::System.Span{float})\"/> and at the end of every device epoch of")
                .Line("/// <see cref=\"global::NnGen.Training.Trainer\"/>. Not thread-safe; dispose it to free the device memory.")
                .Line("/// </summary>")
                .Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"NnGen\", \"{NetworkEmitter.Version}\")]");
            using (writer.Open("public sealed class Gpu : global::NnGen.Gpu.GpuNetwork"))
            {
                GpuPipelineEmitter.WriteBufferFields(writer, plan);
                writer.Line("// kernel launchers, loaded by the constructor");
                foreach (GpuKernel kernel in plan.Kernels)
                    writer.Line($"private readonly {GpuKernelRenderer.LauncherType(kernel)} {GpuKernelRenderer.Field(kernel)};");
                writer.Line();

                writer.Line("/// <summary>Uploads the parameters of <paramref name=\"network\"/> to <paramref name=\"accelerator\"/> and loads the kernels.</summary>");
                writer.Line($"internal Gpu({model.TypeName} network, global::ILGPU.Runtime.Accelerator accelerator)");
                using (writer.Open($"    : base(network, accelerator, InputSize, OutputSize, ParameterCount, widestRow: {Numbers.Text(plan.WidestRow)})"))
                    foreach (GpuKernel kernel in plan.Kernels)
                        writer.Line(GpuKernelRenderer.Load(kernel));
                writer.Line();

                writer.Line("/// <summary>Copies the device parameters into <paramref name=\"network\"/>.</summary>");
                using (writer.Open($"public void CopyParametersTo({model.TypeName} network)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(network);")
                        .Line("CopyParametersTo(network.Parameters);");
                }
                writer.Line();

                GpuPipelineEmitter.WriteBatchBuffers(writer, plan);
                writer.Line();
                GpuPipelineEmitter.WriteQueueMethods(writer, plan);
                writer.Line();

                writer.Line("/// <summary>The network's kernels: static methods ILGPU compiles for the accelerator; every size but the batch is a constant.</summary>");
                using (writer.Open("private static class NnKernels"))
                {
                    if (!plan.IsFused)
                        writer.Line("// samples per partial sum of the gradient, as NnGen.Gpu's reduction kernels sum them")
                            .Line($"private const int {GpuLayerKernelEmitter.Chunk} = {GpuKernelRenderer.SharedKernels}.Chunk;")
                            .Line();
                    for (int k = 0; k < plan.Kernels.Count; k++)
                    {
                        if (k > 0) writer.Line();
                        GpuKernel kernel = plan.Kernels[k];
                        if (plan.IsFused) GpuFusedKernelEmitter.Write(writer, network, kernel);
                        else GpuLayerKernelEmitter.Write(writer, network, kernel);
                    }
                }
            }
        }
    }
}
