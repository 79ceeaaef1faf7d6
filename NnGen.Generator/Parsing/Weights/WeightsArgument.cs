using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing.Weights
{
    /// <summary>The <c>Weights = "..."</c> argument of [Network]: its path, and where its diagnostics are reported.</summary>
    internal static class WeightsArgument
    {
        public const string Name = "Weights";

        /// <summary>The path written as <c>Weights</c>, or null when the argument is absent, null or not a string.</summary>
        public static string? Path(AttributeData network)
        {
            foreach (var named in network.NamedArguments)
                if (named.Key == Name && named.Value.Kind != TypedConstantKind.Error && named.Value.Value is string path)
                    return path;
            return null;
        }

        /// <summary>The site of the <c>Weights = "..."</c> argument (the attribute when it cannot be found), named by the path.</summary>
        public static DiagnosticSite? Site(AttributeData network, string path, CancellationToken cancellationToken)
        {
            if (network.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax attribute) return null;
            if (attribute.ArgumentList is { } arguments)
                foreach (AttributeArgumentSyntax argument in arguments.Arguments)
                    if (argument.NameEquals?.Name.Identifier.ValueText == Name)
                        return DiagnosticSite.Of(argument.GetLocation(), path);
            return DiagnosticSite.Of(attribute.GetLocation(), path);
        }
    }
}
