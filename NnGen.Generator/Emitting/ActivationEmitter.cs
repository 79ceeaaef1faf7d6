using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The activation gates as C# expressions: the forward function of z, and the backward gate that multiplies
    /// the incoming gradient by the local derivative. Softmax works on a whole row and is emitted by its callers.
    /// </summary>
    internal static class ActivationEmitter
    {
        // PyTorch's SELU scale, and its product with alpha, rounded to float.
        public const float SeluScale = 1.05070098735548049342f;
        public const float SeluScaleAlpha = 1.75809934084737685994f;

        private const string Exp = "global::System.MathF.Exp";

        /// <summary>
        /// The activated value of the pre-activation <paramref name="z"/>. With <paramref name="device"/>, exp and tanh
        /// call the GPU kernels' own NnExp and NnTanh (System.MathF's have no PTX form without ILGPU.Algorithms).
        /// </summary>
        public static string Forward(LayerModel layer, string z, bool device = false)
        {
            string exp = device ? "NnExp" : Exp, tanh = device ? "NnTanh" : "global::NnGen.Internal.ActivationMath.Tanh";
            return layer.Activation switch
            {
                Activation.Identity => z,
                Activation.Sigmoid => $"1f / (1f + {exp}(-{z}))",
                Activation.Tanh => $"{tanh}({z})",
                Activation.ReLU => $"{z} > 0f ? {z} : 0f",
                Activation.LeakyReLU => $"{z} > 0f ? {z} : {IndentedWriter.Float(layer.Alpha)} * {z}",
                Activation.ELU => $"{z} > 0f ? {z} : {IndentedWriter.Float(layer.Alpha)} * ({exp}({z}) - 1f)",
                Activation.SELU => $"{z} > 0f ? {IndentedWriter.Float(SeluScale)} * {z} : {IndentedWriter.Float(SeluScaleAlpha)} * ({exp}({z}) - 1f)",
                _ => throw new System.InvalidOperationException($"{layer.Activation} is emitted row-wise."),
            };
        }

        /// <summary>
        /// The gradient at z given the gradient <paramref name="da"/> at the activated value <paramref name="a"/>:
        /// the activation gate multiplies by its local derivative (written through a where that is exact).
        /// </summary>
        public static string Backward(LayerModel layer, string da, string z, string a) => layer.Activation switch
        {
            Activation.Identity => da,
            Activation.Sigmoid => $"{da} * {a} * (1f - {a})",
            Activation.Tanh => $"{da} * (1f - {a} * {a})",
            Activation.ReLU => $"{z} > 0f ? {da} : 0f",
            Activation.LeakyReLU => $"{z} > 0f ? {da} : {da} * {IndentedWriter.Float(layer.Alpha)}",
            Activation.ELU => $"{z} > 0f ? {da} : {da} * ({a} + {IndentedWriter.Float(layer.Alpha)})",
            Activation.SELU => $"{z} > 0f ? {da} * {IndentedWriter.Float(SeluScale)} : {da} * ({a} + {IndentedWriter.Float(SeluScaleAlpha)})",
            _ => throw new System.InvalidOperationException($"{layer.Activation} is emitted row-wise."),
        };

        /// <summary>Whether the backward gate reads a.</summary>
        public static bool BackwardReadsA(Activation activation)
            => activation is Activation.Sigmoid or Activation.Tanh or Activation.ELU or Activation.SELU or Activation.Softmax;

        /// <summary>Whether the backward gate reads z.</summary>
        public static bool BackwardReadsZ(Activation activation)
            => activation is Activation.ReLU or Activation.LeakyReLU or Activation.ELU or Activation.SELU;
    }
}
