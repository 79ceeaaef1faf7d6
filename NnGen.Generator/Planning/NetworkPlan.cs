using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>
    /// A network lowered to every decision its code needs, built once per model in the pipeline (a value: equal
    /// models give equal plans, so the steps after it cache): the code shape per target, each layer's offsets,
    /// buffers and fusions, the sizes and the model signature. Emitters render a plan and decide nothing.
    /// </summary>
    internal sealed record NetworkPlan(
        NetworkModel Network,
        CpuCodeShape CpuShape,
        GpuCodeShape GpuShape,
        string? GpuUnsupportedReason,
        EquatableArray<LayerPlan> Layers,
        int ParameterCount,
        int StateCount,
        long ForwardFlopsPerSample,
        string SignatureText,
        ulong Signature)
    {
        /// <summary>The GPU kernels, their buffers and launch sequences; null when the GPU path does not cover the network.</summary>
        public GpuKernelPlan? Gpu { get; init; }

        public Loss Loss => Network.Loss;

        public int InputSize => Network.InputSize;

        public LayerPlan OutputLayer => Layers[Layers.Count - 1];

        public int OutputSize => OutputLayer.Units;

        public string TypeName => Network.TypeName;

        public string FullName => Network.FullName;

        /// <summary>The layer whose output <paramref name="layer"/> reads, or null when it reads the network inputs.</summary>
        public LayerPlan? Below(LayerPlan layer) => layer.Number == 1 ? null : Layers[layer.Number - 2];

        public bool HasPenalty
        {
            get
            {
                foreach (LayerPlan layer in Layers)
                    if (layer.Layer is DenseLayer { HasPenalty: true }) return true;
                return false;
            }
        }

        /// <summary>Dropout or noise: the network keeps a random sequence of its own for them.</summary>
        public bool HasStochasticLayer
        {
            get
            {
                foreach (LayerPlan layer in Layers)
                    if (layer.Layer is DropoutLayer or GaussianNoiseLayer) return true;
                return false;
            }
        }

        /// <summary>The first BatchNorm layer, whose training statistics need at least two samples; null when none.</summary>
        public LayerPlan? FirstBatchNorm
        {
            get
            {
                foreach (LayerPlan layer in Layers)
                    if (layer.Layer is BatchNormLayer) return layer;
                return null;
            }
        }
    }
}
