using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// The element-wise activation gates as expressions: the forward function of z, and the backward gate that
    /// multiplies the incoming gradient by the local derivative. Softmax works on a whole row (<see cref="SoftmaxGate"/>).
    /// </summary>
    internal static class ActivationGates
    {
        // PyTorch's SELU constants, rounded to float; ScaleAlpha is their product.
        public const float SeluScale = 1.05070098735548049342f;
        public const float SeluScaleAlpha = 1.75809934084737685994f;

        /// <summary>
        /// The activated value of the pre-activation <paramref name="z"/>: a call of the dialect's activation functions
        /// where it has them (the CPU's are the runtime's), else the expression.
        /// </summary>
        public static string Forward(Dialect dialect, Activation activation, float alpha, string z)
        {
            if (dialect.Activations is not { } functions || activation == Activation.Identity) return Expression(dialect, activation, alpha, z);
            return activation is Activation.LeakyReLU or Activation.ELU
                ? $"{functions}.{activation}({z}, {Numbers.Literal(alpha)})"
                : $"{functions}.{activation}({z})";
        }

        private static string Expression(Dialect dialect, Activation activation, float alpha, string z) => activation switch
        {
            Activation.Identity => z,
            Activation.Sigmoid => $"1f / (1f + {dialect.Exp($"-{z}")})",
            Activation.Tanh => dialect.Tanh(z),
            Activation.ReLU => dialect.IfPositive(z, z, dialect.Zero),
            Activation.LeakyReLU => dialect.IfPositive(z, z, $"{Numbers.Literal(alpha)} * {z}"),
            Activation.ELU => $"{z} > 0f ? {z} : {Numbers.Literal(alpha)} * ({dialect.Exp(z)} - 1f)",
            Activation.SELU => $"{z} > 0f ? {Numbers.Literal(SeluScale)} * {z} : {Numbers.Literal(SeluScaleAlpha)} * ({dialect.Exp(z)} - 1f)",
            _ => throw new System.InvalidOperationException($"{activation} is a row gate."),
        };

        /// <summary>Whether <paramref name="dialect"/> can write the forward gate of <paramref name="activation"/>.</summary>
        public static bool HasForward(Dialect dialect, Activation activation)
            => dialect.Activations is not null || dialect.HasExp || activation is Activation.Identity or Activation.ReLU or Activation.LeakyReLU;

        /// <summary>
        /// The gradient at z given the gradient <paramref name="da"/> at the activated value <paramref name="a"/>:
        /// the activation gate multiplies by its local derivative (written through a where that is exact). No
        /// transcendental function, so every dialect has every backward gate, with the same IEEE operations in the
        /// same order (scalar and vector code give the same bits).
        /// </summary>
        public static string Backward(Dialect dialect, Activation activation, float alpha, string da, string z, string a) => activation switch
        {
            Activation.Identity => da,
            Activation.Sigmoid => $"{da} * {a} * ({dialect.One} - {a})",
            Activation.Tanh => $"{da} * ({dialect.One} - {a} * {a})",
            Activation.ReLU => dialect.IfPositive(z, da, dialect.Zero),
            Activation.LeakyReLU => dialect.IfPositive(z, da, Dialect.Scale(da, alpha)),
            Activation.ELU => dialect.IfPositive(z, da, $"{da} * ({a} + {dialect.Constant(alpha)})"),
            Activation.SELU => dialect.IfPositive(z, Dialect.Scale(da, SeluScale), $"{da} * ({a} + {dialect.Constant(SeluScaleAlpha)})"),
            _ => throw new System.InvalidOperationException($"{activation} is a row gate."),
        };

        /// <summary>
        /// Turns the unrolled gradients da at a layer's outputs into gradients dz at its pre-activations, in a dialect
        /// (the scalar one's text is the GPU's too).
        /// </summary>
        public static void WriteUnrolledBackward(IndentedWriter writer, LayerPlan layer, Dialect? dialect = null)
        {
            Dialect d = dialect ?? Dialect.CpuScalar;
            writer.Line($"// backward, layer {layer.Number} activation gate ({layer.Activation}): multiply by its local derivative");
            if (layer.Activation == Activation.Softmax)
            {
                SoftmaxGate.WriteUnrolledBackward(writer, layer, d);
                return;
            }
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"{d.ValueType} {GateLocals.DZ(layer, k)} = {Backward(d, layer.Activation, layer.Alpha, GateLocals.DA(layer, k), GateLocals.Z(layer, k), GateLocals.A(layer, k))};");
        }

        /// <summary>Whether the backward gate reads a.</summary>
        public static bool BackwardReadsA(Activation activation)
            => activation is Activation.Sigmoid or Activation.Tanh or Activation.ELU or Activation.SELU or Activation.Softmax;

        /// <summary>Whether the backward gate reads z.</summary>
        public static bool BackwardReadsZ(Activation activation)
            => activation is Activation.ReLU or Activation.LeakyReLU or Activation.ELU or Activation.SELU;
    }
}
