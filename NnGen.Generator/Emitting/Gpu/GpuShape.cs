using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>Which networks get GPU kernels, and which kernel shape: one fused kernel per sample, or kernels per layer.</summary>
    internal static class GpuShape
    {
        /// <summary>A network is tiny, and fused, when no layer has more units than this ("a few dozen")...</summary>
        public const int FusedUnitLimit = 32;

        /// <summary>... and it has at most this many parameters (each sample writes its own gradient row before the batch reduction).</summary>
        public const int FusedParameterLimit = 16384;

        /// <summary>Why the network gets no GPU kernels ("layer 2 ([Dropout])"), or null when it does.</summary>
        public static string? Unsupported(NetworkModel model)
        {
            foreach (LayerModel layer in model.Layers)
                if (layer.Kind != LayerKind.Dense) return $"layer {layer.Number} ([{layer.Kind}])";
            if (model.HasPenalty) return "the L1/L2 penalty";
            return null;
        }

        /// <summary>One thread per sample runs forward and backward; the batch gradient is then reduced on the device.</summary>
        public static bool IsFused(NetworkModel model)
        {
            if (model.ParameterCount > FusedParameterLimit) return false;
            foreach (LayerModel layer in model.Layers)
                if (layer.Units > FusedUnitLimit) return false;
            return true;
        }
    }
}
