// Compiled into NnGen.Onnx (public, for generated code) and into the generator (internal), so that both describe a
// network to the ONNX reader in the same words.
namespace NnGen.Onnx.Internal
{
    /// <summary>How a declared layer appears in an ONNX inference graph.</summary>
#if NNGEN_GENERATOR
    internal
#else
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public
#endif
    enum OnnxLayerKind
    {
        /// <summary>Gemm (or MatMul and Add), then the activation's operator unless it is Identity.</summary>
        Dense,
        /// <summary>BatchNormalization with the running statistics, then the activation.</summary>
        BatchNorm,
        /// <summary>LayerNormalization over the features (opset 17), then the activation.</summary>
        LayerNorm,
        /// <summary>Gemm to Units * Pieces values, Reshape to [n, Units, Pieces], ReduceMax over the pieces.</summary>
        Maxout,
        /// <summary>Dropout or noise: the identity in inference, so no node at all.</summary>
        TrainingOnly,
    }

    /// <summary>
    /// One declared layer as the ONNX code sees it: numbered in declaration order (for messages), mapping
    /// <paramref name="FanIn"/> values to <paramref name="Units"/>. Its parameters follow the previous layer's in the
    /// network's parameter vector (Dense and Maxout: W as [rows][FanIn] then b[rows]; BatchNorm and LayerNorm: gamma
    /// then beta), and BatchNorm's running mean then variance follow in the state vector.
    /// </summary>
#if NNGEN_GENERATOR
    internal
#else
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public
#endif
    sealed record OnnxLayer(int Number, OnnxLayerKind Kind, int FanIn, int Units, Activation Activation, float Alpha, int Pieces, float Epsilon)
    {
        /// <summary>Rows of the affine map: Units for Dense, Units * Pieces for Maxout.</summary>
        public int Rows => Kind == OnnxLayerKind.Maxout ? Units * Pieces : Units;

        /// <summary>Trainable parameters of the layer.</summary>
        public int ParameterCount => Kind switch
        {
            OnnxLayerKind.Dense or OnnxLayerKind.Maxout => Rows * FanIn + Rows,
            OnnxLayerKind.BatchNorm or OnnxLayerKind.LayerNorm => 2 * Units,
            _ => 0,
        };

        /// <summary>State values of the layer (BatchNorm's running mean and variance).</summary>
        public int StateCount => Kind == OnnxLayerKind.BatchNorm ? 2 * Units : 0;

        /// <summary>The layer as declared, for messages: "layer 2 ([Dense(3, Sigmoid)])".</summary>
        public string Describe() => Kind switch
        {
            OnnxLayerKind.Dense => $"layer {Number} ([Dense({Units}, {Activation})], {FanIn} -> {Units})",
            OnnxLayerKind.Maxout => $"layer {Number} ([Maxout({Units}, {Pieces})], {FanIn} -> {Units})",
            OnnxLayerKind.BatchNorm => $"layer {Number} ([BatchNorm({Activation})] over {Units})",
            OnnxLayerKind.LayerNorm => $"layer {Number} ([LayerNorm({Activation})] over {Units})",
            _ => $"layer {Number}",
        };
    }
}
