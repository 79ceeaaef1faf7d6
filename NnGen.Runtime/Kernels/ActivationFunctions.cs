namespace NnGen.Internal
{
    /// <summary>
    /// The element-wise activation the dense forward kernel fuses after the bias, chosen at run time: the functions
    /// of <see cref="ActivationMath"/>, which generated code calls for its own gates, so a fused layer gives the same
    /// bits as an unfused one.
    /// </summary>
    internal static class ActivationFunctions
    {
        public static bool IsElementWise(Activation activation) => activation is >= Activation.Identity and <= Activation.SELU;

        public static float Apply(Activation activation, float alpha, float z) => activation switch
        {
            Activation.Sigmoid => ActivationMath.Sigmoid(z),
            Activation.Tanh => ActivationMath.Tanh(z),
            Activation.ReLU => ActivationMath.ReLU(z),
            Activation.LeakyReLU => ActivationMath.LeakyReLU(z, alpha),
            Activation.ELU => ActivationMath.ELU(z, alpha),
            Activation.SELU => ActivationMath.SELU(z),
            _ => z,
        };
    }
}
