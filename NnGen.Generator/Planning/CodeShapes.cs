using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>How the CPU code computes the network.</summary>
    internal enum CpuCodeShape
    {
        /// <summary>Per sample, every gate a named local: the generated file reads as the computational graph.</summary>
        Unrolled,

        /// <summary>Per layer, loops and matrix kernels over the batch with compile-time bounds.</summary>
        Loops,
    }

    /// <summary>How the GPU kernels compute the network, when the consumer references the GPU package.</summary>
    internal enum GpuCodeShape
    {
        /// <summary>The network has a layer or option the kernels do not cover (NNG0023 says which).</summary>
        Unsupported,

        /// <summary>
        /// One thread per sample runs forward, loss gate and backward, every gate a named local (registers), as in the
        /// CPU's unrolled code; the batch gradient is reduced after.
        /// </summary>
        FusedRegisters,

        /// <summary>As <see cref="FusedRegisters"/>, each layer's values in local memory, loops with constant bounds.</summary>
        FusedLocalMemory,

        /// <summary>Kernels per dense layer over the whole batch.</summary>
        PerLayer,
    }

    /// <summary>The decisions between code shapes, each made here once.</summary>
    internal static class CodeShapes
    {
        /// <summary>Layers of at most this many weights are small enough to unroll gate by gate.</summary>
        public const int UnrollWeightLimit = 64;

        /// <summary>
        /// The size budget of unrolled code: at most this many weights in all layers together (16 full layers). Unrolled
        /// code grows with the weights (about 180 characters each), so many small layers fall back to loops rather than
        /// generate a file of megabytes and methods with more locals than the JIT tracks.
        /// </summary>
        public const int UnrollTotalWeightLimit = 1024;

        /// <summary>A GPU network is fused when no layer has more units than this ("a few dozen")...</summary>
        public const int FusedUnitLimit = 32;

        /// <summary>... and it has at most this many parameters (each sample writes its own gradient row before the batch reduction).</summary>
        public const int FusedParameterLimit = 16384;

        /// <summary>Unrolled when every layer is dense or maxout and small, and the weights in all fit the budget; otherwise loops.</summary>
        public static CpuCodeShape Cpu(NetworkModel model)
        {
            long total = 0;
            foreach (LayerModel layer in model.Layers)
            {
                // a maxout layer's weights are its FanIn * Units * Pieces (the rows of its affine map)
                long weights = layer switch
                {
                    DenseLayer dense => dense.WeightCount,
                    MaxoutLayer maxout => maxout.WeightCount,
                    _ => long.MaxValue,
                };
                if (weights > UnrollWeightLimit) return CpuCodeShape.Loops;
                total += weights;
            }
            return total <= UnrollTotalWeightLimit ? CpuCodeShape.Unrolled : CpuCodeShape.Loops;
        }

        /// <summary>Why the network gets no GPU kernels ("layer 2 ([Dropout])"), or null when it does.</summary>
        public static string? GpuUnsupportedReason(NetworkModel model)
        {
            foreach (LayerModel layer in model.Layers)
                if (layer is not DenseLayer) return $"layer {layer.Number} ([{layer.Kind}])";
            foreach (LayerModel layer in model.Layers)
                if (layer is DenseLayer { HasPenalty: true }) return "the L1/L2 penalty";
            return null;
        }

        /// <summary>Fused for tiny networks (in registers where the CPU unrolls), per layer otherwise.</summary>
        public static GpuCodeShape Gpu(NetworkModel model, long parameterCount, CpuCodeShape cpu)
        {
            if (GpuUnsupportedReason(model) is not null) return GpuCodeShape.Unsupported;
            if (parameterCount > FusedParameterLimit) return GpuCodeShape.PerLayer;
            foreach (LayerModel layer in model.Layers)
                if (layer.Units > FusedUnitLimit) return GpuCodeShape.PerLayer;
            return cpu == CpuCodeShape.Unrolled ? GpuCodeShape.FusedRegisters : GpuCodeShape.FusedLocalMemory;
        }
    }
}
