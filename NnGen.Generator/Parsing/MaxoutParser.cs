using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing
{
    /// <summary>Reads one [Maxout(units, pieces)] attribute into a <see cref="MaxoutLayer"/>, checking its sizes and options.</summary>
    internal static class MaxoutParser
    {
        /// <summary>Returns null only when an argument is erroneous (the compiler reports it); problems of ours go to diagnostics.</summary>
        public static MaxoutLayer? Parse(AttributeData attribute, int number, int fanIn, Init defaultInit, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (!NetworkParser.TryReadInt(attribute, 0, out int units) || !NetworkParser.TryReadInt(attribute, 1, out int pieces)) return null;
            Init init = defaultInit;
            float? initScale = null;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Value.Kind == TypedConstantKind.Error || named.Value.Value is null) return null;
                switch (named.Key)
                {
                    case "Init": init = (Init)(int)named.Value.Value; break;
                    case "InitScale": initScale = (float)named.Value.Value; break;
                }
            }

            if (units <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, $"The units of layer {number}", NetworkParser.Format(units)));
            if (pieces < 2)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location,
                    $"The number of pieces of maxout layer {number}", NetworkParser.Format(pieces),
                    "write at least 2 pieces per unit, such as [Maxout(units, 2)] (one piece would be a [Dense] layer without activation)"));
            NetworkParser.CheckEnum(init, "Init", location, diagnostics);
            return new MaxoutLayer(number, fanIn, units, pieces, init, DenseParser.CheckInitScale(init, initScale, location, diagnostics));
        }
    }
}
