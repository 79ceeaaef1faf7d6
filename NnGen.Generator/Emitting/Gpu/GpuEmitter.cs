using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// Writes the GPU file of one network, "{stem}.Gpu.g.cs": <c>ToGpu</c> on the network and its nested class
    /// <c>Gpu</c> (a subclass of <c>NnGen.Gpu.GpuNetwork</c>) with the network's kernels, rendered from its
    /// <see cref="GpuKernelPlan"/>. Emitted only when the compilation references the NnGen.Gpu assembly.
    /// </summary>
    internal static class GpuEmitter
    {
        /// <summary>The GPU file's hint name beside the CPU file's ("N.g.cs" gives "N.Gpu.g.cs").</summary>
        public static string HintName(string cpuHintName) => cpuHintName.Substring(0, cpuHintName.Length - ".g.cs".Length) + ".Gpu.g.cs";

        /// <summary>The GPU file of a network the GPU path covers (<see cref="NetworkPlan.Gpu"/> is set).</summary>
        public static string Emit(NetworkPlan network)
        {
            NetworkModel model = network.Network;
            GpuKernelPlan plan = network.Gpu!;
            var writer = new IndentedWriter();
            EnclosingScopes scopes = EnclosingScopes.Open(writer, model);
            using (writer.Open($"partial {model.TypeKeyword} {model.TypeName}"))
            {
                writer.Line("/// <summary>")
                    .Line("/// Copies this network's parameters to <paramref name=\"accelerator\"/> (an ILGPU accelerator: CUDA, OpenCL or the CPU")
                    .Line("/// accelerator) and returns the copy, which trains and predicts there. The copy reads and writes this network's")
                    .Line("/// Parameters array as its host copy. Dispose it to free the device memory.")
                    .Line("/// </summary>")
                    .Line("public Gpu ToGpu(global::ILGPU.Runtime.Accelerator accelerator) => new Gpu(this, accelerator);")
                    .Line();
                GpuHostEmitter.Write(writer, network, plan);
            }
            scopes.Dispose();
            return writer.ToString();
        }
    }
}
