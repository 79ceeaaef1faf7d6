using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing
{
    /// <summary>Reads one [Dense] attribute into a <see cref="DenseLayer"/>, checking its size, activation and options.</summary>
    internal static class DenseParser
    {
        public const float DefaultLeakyReLUAlpha = 0.01f;
        public const float DefaultEluAlpha = 1.0f;
        public const float DefaultInitScale = 0.05f;

        /// <summary>Returns null only when an argument is erroneous (the compiler reports it); problems of ours go to diagnostics.</summary>
        public static DenseLayer? Parse(AttributeData attribute, int number, int fanIn, Init defaultInit, float defaultL1, float defaultL2, Location location, bool isLast, List<DiagnosticInfo> diagnostics)
        {
            if (!NetworkParser.TryReadInt(attribute, 0, out int units)) return null;
            var activation = Activation.Identity;
            if (attribute.ConstructorArguments.Length > 1)
            {
                if (!NetworkParser.TryReadInt(attribute, 1, out int activationValue)) return null;
                activation = (Activation)activationValue;
            }

            Init init = defaultInit;
            float? alpha = null, initScale = null;
            float l1 = defaultL1, l2 = defaultL2;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error || named.Value.Value is null) return null;
                switch (named.Key)
                {
                    case "Init": init = (Init)(int)named.Value.Value; break;
                    case "Alpha": alpha = (float)named.Value.Value; break;
                    case "InitScale": initScale = (float)named.Value.Value; break;
                    case "L1": l1 = (float)named.Value.Value; break;
                    case "L2": l2 = (float)named.Value.Value; break;
                }
            }

            if (units <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, $"The units of layer {number}", NetworkParser.Format(units)));
            NetworkParser.CheckEnum(activation, "Activation", location, diagnostics);
            NetworkParser.CheckEnum(init, "Init", location, diagnostics);
            CheckSoftmaxLast(activation, number, isLast, location, diagnostics);
            NetworkParser.CheckPenalty("L1", l1, location, diagnostics);
            NetworkParser.CheckPenalty("L2", l2, location, diagnostics);

            return new DenseLayer(
                number, fanIn, units, activation,
                CheckAlpha(activation, alpha, location, diagnostics),
                init,
                CheckInitScale(init, initScale, location, diagnostics),
                l1,
                l2);
        }

        internal static void CheckSoftmaxLast(Activation activation, int number, bool isLast, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (activation == Activation.Softmax && !isLast)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxNotLast, location, NetworkParser.Format(number)));
        }

        internal static float CheckAlpha(Activation activation, float? alpha, Location location, List<DiagnosticInfo> diagnostics)
        {
            bool takesAlpha = activation is Activation.LeakyReLU or Activation.ELU;
            if (alpha is null)
                return activation == Activation.LeakyReLU ? DefaultLeakyReLUAlpha : activation == Activation.ELU ? DefaultEluAlpha : 0f;
            if (!takesAlpha)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionDoesNotApply, location,
                    $"Alpha applies only to LeakyReLU and ELU, not to {activation}", "the activation"));
            else if (float.IsNaN(alpha.Value) || float.IsInfinity(alpha.Value))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location,
                    "Alpha", NetworkParser.Describe(alpha.Value), "write a finite number (LeakyReLU's slope, ELU's alpha)"));
            return alpha.Value;
        }

        internal static float CheckInitScale(Init init, float? scale, Location location, List<DiagnosticInfo> diagnostics)
        {
            bool takesScale = init is Init.Uniform or Init.Normal or Init.Constant;
            if (scale is null)
                return takesScale && init != Init.Constant ? DefaultInitScale : 0f;
            if (!takesScale)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OptionDoesNotApply, location,
                    $"InitScale applies only to Init.Uniform, Init.Normal and Init.Constant, not to Init.{init}", "Init"));
            else if (float.IsNaN(scale.Value) || float.IsInfinity(scale.Value) || (init != Init.Constant && scale.Value < 0f))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location,
                    "InitScale", NetworkParser.Describe(scale.Value), init == Init.Constant ? "write a finite number" : "write a finite number >= 0 (the range or standard deviation)"));
            return scale.Value;
        }

    }
}
