using System;

namespace NnGen.Internal
{
    /// <summary>
    /// The element-wise activations the dense forward kernel fuses after the bias. Each is the exact expression the
    /// generator emits for its own loops and unrolled gates (NnGen.Generator's ActivationEmitter), so a fused layer
    /// gives the same bits as an unfused one.
    /// </summary>
    internal static class ActivationFunctions
    {
        // PyTorch's SELU constants rounded to float, as the generator writes them; ScaleAlpha is their product.
        private const float SeluScale = 1.05070098735548049342f;
        private const float SeluScaleAlpha = 1.75809934084737685994f;

        public static bool IsElementWise(Activation activation) => activation is >= Activation.Identity and <= Activation.SELU;

        public static float Apply(Activation activation, float alpha, float z) => activation switch
        {
            Activation.Sigmoid => 1f / (1f + MathF.Exp(-z)),
            Activation.Tanh => ActivationMath.Tanh(z),
            Activation.ReLU => z > 0f ? z : 0f,
            Activation.LeakyReLU => z > 0f ? z : alpha * z,
            Activation.ELU => z > 0f ? z : alpha * (MathF.Exp(z) - 1f),
            Activation.SELU => z > 0f ? SeluScale * z : SeluScaleAlpha * (MathF.Exp(z) - 1f),
            _ => z,
        };
    }
}
