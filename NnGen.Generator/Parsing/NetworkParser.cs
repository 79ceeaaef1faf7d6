using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing
{
    /// <summary>
    /// Turns a class carrying [Network] into a <see cref="NetworkModel"/> and its diagnostics. Arguments the
    /// compiler already reports as errors make it return no model and no diagnostic of its own.
    /// </summary>
    internal static class NetworkParser
    {
        /// <summary>The most parameters a network may have: 50 million floats are 200 MB of weights.</summary>
        public const long MaxParameters = 50_000_000;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            NetworkModel? model = TryParse(context, diagnostics, cancellationToken);
            return new ParseResult(diagnostics.Count == 0 ? model : null, diagnostics.ToEquatableArray());
        }

        private static NetworkModel? TryParse(GeneratorAttributeSyntaxContext context, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
                return null;
            cancellationToken.ThrowIfCancellationRequested();

            Location nameLocation = declaration.Identifier.GetLocation();
            CheckTypeShape(type, declaration, nameLocation, diagnostics);
            if (context.Attributes.Length == 0 || !TryReadNetwork(context.Attributes[0], out Loss loss, out Init defaultInit, out NetworkOptions networkOptions))
                return null;
            CheckEnum(loss, "Loss", networkOptions.LossLocation ?? nameLocation, diagnostics);
            CheckEnum(defaultInit, "Init", networkOptions.InitLocation ?? nameLocation, diagnostics);

            var inputs = new List<AttributeData>();
            var denses = new List<AttributeData>();
            bool inputSplit = false, denseSplit = false;
            foreach (AttributeData attribute in type.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (name != AttributeNames.Input && name != AttributeNames.Dense) continue;
                if (!IsOn(declaration, attribute))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersSplit, LocationOf(attribute, nameLocation, cancellationToken),
                        name == AttributeNames.Input ? "Input" : "Dense", type.Name));
                    if (name == AttributeNames.Input) inputSplit = true;
                    else denseSplit = true;
                    continue;
                }
                (name == AttributeNames.Input ? inputs : denses).Add(attribute);
            }
            denses.Sort((a, b) => a.ApplicationSyntaxReference!.Span.Start.CompareTo(b.ApplicationSyntaxReference!.Span.Start));

            // An attribute on another declaration is reported there (NNG0011), not as missing.
            if (inputs.Count == 0 && !inputSplit)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInput, nameLocation, type.Name));
            if (denses.Count == 0 && !denseSplit)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDense, nameLocation, type.Name));
            if (inputs.Count == 0 || denses.Count == 0)
                return null;

            if (!TryReadInt(inputs[0], 0, out int inputSize)) return null;
            Location inputLocation = LocationOf(inputs[0], nameLocation, cancellationToken);
            if (inputSize <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, inputLocation, "The input size", Format(inputSize)));

            var layers = ImmutableArray.CreateBuilder<LayerModel>(denses.Count);
            long offset = 0;
            int fanIn = inputSize;
            for (int i = 0; i < denses.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Location location = LocationOf(denses[i], nameLocation, cancellationToken);
                LayerModel? layer = DenseParser.Parse(denses[i], i + 1, fanIn, defaultInit, location, isLast: i == denses.Count - 1, diagnostics);
                if (layer is null) return null;
                long size = (long)Math.Max(fanIn, 0) * Math.Max(layer.Units, 0) + Math.Max(layer.Units, 0);
                layers.Add(layer with { WeightOffset = (int)Math.Min(offset, int.MaxValue) });
                offset += size;
                fanIn = layer.Units;
            }

            if (offset > MaxParameters)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooLarge, nameLocation, type.Name, Format(offset), Format(MaxParameters)));

            CheckLoss(loss, layers[layers.Count - 1], LocationOf(denses[denses.Count - 1], nameLocation, cancellationToken), diagnostics);
            if (diagnostics.Count > 0) return null;

            return new NetworkModel(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                Identifier(type.Name),
                TypeKeyword(declaration),
                ContainingTypes(declaration),
                loss,
                inputSize,
                layers.ToImmutable().ToEquatableArray());
        }

        private static void CheckTypeShape(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location nameLocation, List<DiagnosticInfo> diagnostics)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, nameLocation, type.Name));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Static, nameLocation, type.Name));
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.TypeParameters.Length > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Generic, nameLocation, type.Name, current.Name));
                    break;
                }
            }
            for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax outer; parent = parent.Parent)
            {
                if (!outer.Modifiers.Any(SyntaxKind.PartialKeyword))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, outer.Identifier.GetLocation(), outer.Identifier.ValueText, type.Name));
            }
        }

        private readonly record struct NetworkOptions(Location? LossLocation, Location? InitLocation);

        private static bool TryReadNetwork(AttributeData attribute, out Loss loss, out Init init, out NetworkOptions options)
        {
            loss = default;
            init = Init.GlorotUniform;
            options = default;
            if (!TryReadInt(attribute, 0, out int lossValue)) return false;
            loss = (Loss)lossValue;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key != "Init") continue;
                if (named.Value.Kind == TypedConstantKind.Error || named.Value.Value is not int initValue) return false;
                init = (Init)initValue;
            }
            Location? location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
            options = new NetworkOptions(location, location);
            return true;
        }

        private static void CheckLoss(Loss loss, LayerModel last, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (loss == Loss.CategoricalCrossEntropy && last.Activation != Activation.Softmax)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CategoricalNeedsSoftmax, location, last.Activation.ToString()));
            if (loss == Loss.BinaryCrossEntropy && last.Activation != Activation.Sigmoid)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BinaryNeedsSigmoid, location, last.Activation.ToString()));
        }

        internal static void CheckEnum<TEnum>(TEnum value, string enumName, Location location, List<DiagnosticInfo> diagnostics)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(typeof(TEnum), value))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, location, $"({enumName}){Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}", enumName));
        }

        internal static bool TryReadInt(AttributeData attribute, int index, out int value)
        {
            value = 0;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length <= index) return false;
            TypedConstant argument = attribute.ConstructorArguments[index];
            if (argument.Kind == TypedConstantKind.Error || argument.Value is not int number) return false;
            value = number;
            return true;
        }

        internal static string Format(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static bool IsOn(TypeDeclarationSyntax declaration, AttributeData attribute)
        {
            SyntaxReference? reference = attribute.ApplicationSyntaxReference;
            return reference is not null && reference.SyntaxTree == declaration.SyntaxTree && declaration.AttributeLists.Span.Contains(reference.Span);
        }

        private static Location LocationOf(AttributeData attribute, Location fallback, CancellationToken cancellationToken)
            => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

        private static string TypeKeyword(TypeDeclarationSyntax declaration)
            => declaration is RecordDeclarationSyntax record
                ? (record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record")
                : declaration.Keyword.ValueText;

        private static EquatableArray<ContainingTypeModel> ContainingTypes(TypeDeclarationSyntax declaration)
        {
            var outers = new List<ContainingTypeModel>();
            for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax outer; parent = parent.Parent)
                outers.Insert(0, new ContainingTypeModel(TypeKeyword(outer), Identifier(outer.Identifier.ValueText)));
            return outers.ToEquatableArray();
        }

        /// <summary>A name as C# source spells it: a keyword (class, record) is escaped as @class, @record.</summary>
        private static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;
    }
}
