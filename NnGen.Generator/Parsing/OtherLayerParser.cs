using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing
{
    /// <summary>
    /// Reads the layers that keep the width of the values before them: [Dropout], [GaussianNoise], [BatchNorm]
    /// and [LayerNorm]. Their Units are their FanIn.
    /// </summary>
    internal static class OtherLayerParser
    {
        public const float DefaultMomentum = 0.1f;
        public const float DefaultEpsilon = 1e-5f;

        /// <summary>Returns null only when an argument is erroneous (the compiler reports it).</summary>
        public static LayerModel? Parse(AttributeData attribute, int number, int fanIn, Location location, bool isLast, List<DiagnosticInfo> diagnostics)
        {
            if (attribute.AttributeConstructor is null) return null;
            string? name = attribute.AttributeClass?.ToDisplayString();
            var options = new Dictionary<string, float>();
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error || named.Value.Value is not float value) return null;
                options[named.Key] = value;
            }

            switch (name)
            {
                case AttributeNames.Dropout:
                case AttributeNames.GaussianNoise:
                {
                    if (attribute.ConstructorArguments.Length < 1 || attribute.ConstructorArguments[0].Value is not float rate) return null;
                    bool dropout = name == AttributeNames.Dropout;
                    if (dropout && !(rate >= 0f && rate < 1f))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location, "The dropout rate", NetworkParser.Describe(rate), "write a probability in [0, 1)"));
                    if (!dropout && (!(rate >= 0f) || float.IsInfinity(rate)))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location, "The noise standard deviation", NetworkParser.Describe(rate), "write a finite number >= 0"));
                    return dropout ? new DropoutLayer(number, fanIn, rate) : new GaussianNoiseLayer(number, fanIn, rate);
                }

                case AttributeNames.BatchNorm:
                case AttributeNames.LayerNorm:
                {
                    var activation = Activation.Identity;
                    if (attribute.ConstructorArguments.Length > 0)
                    {
                        if (!NetworkParser.TryReadInt(attribute, 0, out int value)) return null;
                        activation = (Activation)value;
                    }
                    bool batch = name == AttributeNames.BatchNorm;
                    NetworkParser.CheckEnum(activation, "Activation", location, diagnostics);
                    DenseParser.CheckSoftmaxLast(activation, number, isLast, location, diagnostics);
                    float alpha = DenseParser.CheckAlpha(activation, options.TryGetValue("Alpha", out float a) ? a : null, location, diagnostics);
                    float epsilon = options.TryGetValue("Epsilon", out float e) ? e : DefaultEpsilon;
                    float momentum = options.TryGetValue("Momentum", out float m) ? m : DefaultMomentum;
                    if (!(epsilon > 0f) || float.IsInfinity(epsilon))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location, "Epsilon", NetworkParser.Describe(epsilon), "write a small finite number > 0, such as 1e-5f"));
                    if (batch && !(momentum >= 0f && momentum <= 1f))
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location, "Momentum", NetworkParser.Describe(momentum), "write a number in [0, 1], such as PyTorch's 0.1f"));
                    return batch
                        ? new BatchNormLayer(number, fanIn, activation, alpha, momentum, epsilon)
                        : new LayerNormLayer(number, fanIn, activation, alpha, epsilon);
                }

                default:
                    return null;
            }
        }
    }
}
