using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// Names of the per-layer scratch buffers of the loop code shape, each [n][units] row-major unless noted:
    /// Z the pre-activation (dense: W x + b; normalizations: gamma * xhat + beta), A the activated output (Z itself
    /// for Identity), D the gradient of the loss at the layer's output, turned in place into the gradient at Z.
    /// </summary>
    internal static class LoopNames
    {
        public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
        public const string Span = "global::System.Span<float>";

        public static string Z(LayerModel layer) => $"_nnZ{layer.Number}";

        /// <summary>The layer's output: its activation, or Z when the activation is Identity.</summary>
        public static string Out(LayerModel layer) => layer.HasActivation && layer.Activation == Activation.Identity ? Z(layer) : $"_nnA{layer.Number}";

        public static string D(LayerModel layer) => $"_nnD{layer.Number}";

        /// <summary>The normalized values xhat of a normalization layer.</summary>
        public static string XHat(LayerModel layer) => $"_nnXHat{layer.Number}";

        /// <summary>1 / sqrt(var + eps): per feature for BatchNorm ([units]), per sample for LayerNorm ([n]).</summary>
        public static string InvStd(LayerModel layer) => $"_nnInvStd{layer.Number}";

        /// <summary>Dropout's multipliers: 0 for a dropped value, 1 / (1 - rate) for a kept one.</summary>
        public static string Mask(LayerModel layer) => $"_nnMask{layer.Number}";

        /// <summary>What layer <paramref name="layer"/> reads: the inputs, or the output of the layer before it.</summary>
        public static string Input(NetworkModel model, LayerModel layer)
            => layer.Number == 1 ? "inputs" : Out(model.Layers[layer.Number - 2]);
    }
}
