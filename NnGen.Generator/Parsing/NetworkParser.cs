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
using NnGen.Generator.Parsing.Weights;

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
            if (diagnostics.Count > 0 || model is null) return new ParseResult(null, diagnostics.ToEquatableArray());
            // Where a note about the network (NNG0023, decided by the plan) is reported: the class name.
            DiagnosticSite? nameSite = context.TargetNode is TypeDeclarationSyntax declaration
                ? DiagnosticSite.Of(declaration.Identifier.GetLocation(), declaration.Identifier.ValueText)
                : null;
            // Where the weights file's diagnostics (NNG0024 to NNG0026, decided once the file is read) are reported.
            DiagnosticSite? weightsSite = model.EmbedsWeights ? WeightsArgument.Site(context.Attributes[0], model.Weights!, cancellationToken) : null;
            return new ParseResult(model, diagnostics.ToEquatableArray(), nameSite, weightsSite);
        }

        private static NetworkModel? TryParse(GeneratorAttributeSyntaxContext context, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration || IsMalformed(declaration))
                return null;
            cancellationToken.ThrowIfCancellationRequested();

            Location nameLocation = declaration.Identifier.GetLocation();
            TypeShapeChecks.Check(type, declaration, nameLocation, context.Attributes.Length > 0 && WeightsArgument.Path(context.Attributes[0]) is not null, diagnostics);
            if (context.Attributes.Length == 0 || !TryReadNetwork(context.Attributes[0], out Loss loss, out Init defaultInit, out NetworkOptions networkOptions))
                return null;
            CheckEnum(loss, "Loss", networkOptions.LossLocation ?? nameLocation, diagnostics);
            CheckEnum(defaultInit, "Init", networkOptions.InitLocation ?? nameLocation, diagnostics);
            CheckPenalty("L1", networkOptions.L1, networkOptions.LossLocation ?? nameLocation, diagnostics);
            CheckPenalty("L2", networkOptions.L2, networkOptions.LossLocation ?? nameLocation, diagnostics);

            var inputs = new List<AttributeData>();
            var layerAttributes = new List<AttributeData>();
            bool inputSplit = false, denseSplit = false;
            foreach (AttributeData attribute in type.GetAttributes())
            {
                string? name = AttributeNames.LayerName(attribute.AttributeClass?.ToDisplayString());
                if (name is null) continue;
                if (!IsOn(declaration, attribute))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersSplit, LocationOf(attribute, nameLocation, cancellationToken), name, type.Name));
                    if (name == "Input") inputSplit = true;
                    else if (name == "Dense") denseSplit = true;
                    continue;
                }
                (name == "Input" ? inputs : layerAttributes).Add(attribute);
            }
            layerAttributes.Sort((a, b) => a.ApplicationSyntaxReference!.Span.Start.CompareTo(b.ApplicationSyntaxReference!.Span.Start));

            bool anyDense = layerAttributes.Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Dense);
            // An attribute on another declaration is reported there (NNG0011), not as missing.
            if (inputs.Count == 0 && !inputSplit)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInput, nameLocation, type.Name));
            if (!anyDense && !denseSplit)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDense, nameLocation, type.Name));
            if (inputs.Count == 0 || !anyDense)
                return null;

            if (!TryReadInt(inputs[0], 0, out int inputSize)) return null;
            Location inputLocation = LocationOf(inputs[0], nameLocation, cancellationToken);
            if (inputSize <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, inputLocation, "The input size", Format(inputSize)));

            var layers = ImmutableArray.CreateBuilder<LayerModel>(layerAttributes.Count);
            int fanIn = inputSize;
            for (int i = 0; i < layerAttributes.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AttributeData attribute = layerAttributes[i];
                Location location = LocationOf(attribute, nameLocation, cancellationToken);
                bool isLast = i == layerAttributes.Count - 1;
                LayerModel? layer = attribute.AttributeClass?.ToDisplayString() switch
                {
                    AttributeNames.Dense => DenseParser.Parse(attribute, i + 1, fanIn, defaultInit, networkOptions.L1, networkOptions.L2, location, isLast, diagnostics),
                    AttributeNames.Maxout => MaxoutParser.Parse(attribute, i + 1, fanIn, defaultInit, location, diagnostics),
                    _ => OtherLayerParser.Parse(attribute, i + 1, fanIn, location, isLast, diagnostics),
                };
                if (layer is null) return null;
                layers.Add(layer);
                fanIn = layer.Units;
            }

            long size = NetworkModel.SaturatingAdd(NetworkModel.ParameterCount(layers), NetworkModel.StateCount(layers));
            if (size > MaxParameters)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooLarge, nameLocation, type.Name, Format(size), Format(MaxParameters)));

            Location lastLocation = LocationOf(layerAttributes[layerAttributes.Count - 1], nameLocation, cancellationToken);
            if (layers[layers.Count - 1] is not DenseLayer last)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LastLayerNotDense, lastLocation, AttributeNames.LayerName(layerAttributes[layerAttributes.Count - 1].AttributeClass?.ToDisplayString()) ?? "?"));
            else
                CheckLoss(loss, last, lastLocation, diagnostics);
            if (diagnostics.Count > 0) return null;

            return new NetworkModel(
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                Identifier(type.Name),
                TypeKeyword(declaration),
                ContainingTypes(declaration),
                loss,
                inputSize,
                layers.ToImmutable().ToEquatableArray(),
                networkOptions.Weights);
        }

        private readonly record struct NetworkOptions(Location? LossLocation, Location? InitLocation, float L1, float L2, string? Weights);

        private static bool TryReadNetwork(AttributeData attribute, out Loss loss, out Init init, out NetworkOptions options)
        {
            loss = default;
            init = Init.GlorotUniform;
            options = default;
            if (!TryReadInt(attribute, 0, out int lossValue)) return false;
            loss = (Loss)lossValue;
            float l1 = 0f, l2 = 0f;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "Weights" && named.Value.Kind != TypedConstantKind.Error) continue; // a string, null allowed: WeightsArgument reads it
                if (named.Value.Kind == TypedConstantKind.Error || named.Value.Value is null) return false;
                switch (named.Key)
                {
                    case "Init": init = (Init)(int)named.Value.Value; break;
                    case "L1": l1 = (float)named.Value.Value; break;
                    case "L2": l2 = (float)named.Value.Value; break;
                }
            }
            Location? location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
            options = new NetworkOptions(location, location, l1, l2, WeightsArgument.Path(attribute));
            return true;
        }

        private static void CheckLoss(Loss loss, DenseLayer last, Location location, List<DiagnosticInfo> diagnostics)
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

        internal static void CheckPenalty(string name, float value, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (!(value >= 0f) || float.IsInfinity(value))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOptionValue, location, name, Describe(value), "write a finite penalty >= 0"));
        }

        internal static string Describe(float value) => Numbers.Text(value);

        internal static bool TryReadInt(AttributeData attribute, int index, out int value)
        {
            value = 0;
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length <= index) return false;
            TypedConstant argument = attribute.ConstructorArguments[index];
            if (argument.Kind == TypedConstantKind.Error || argument.Value is not int number) return false;
            value = number;
            return true;
        }

        internal static string Format(long value) => Numbers.Text(value);

        private static bool IsOn(TypeDeclarationSyntax declaration, AttributeData attribute)
        {
            SyntaxReference? reference = attribute.ApplicationSyntaxReference;
            return reference is not null && reference.SyntaxTree == declaration.SyntaxTree && declaration.AttributeLists.Span.Contains(reference.Span);
        }

        /// <summary>
        /// Whether the compiler rejects the declaration in a way generated code would only add to: a syntax error left the
        /// class, a containing type or namespace without a name, or a top-level class is private or protected (CS1527).
        /// </summary>
        private static bool IsMalformed(TypeDeclarationSyntax declaration)
        {
            if (declaration.Parent is not TypeDeclarationSyntax
                && (declaration.Modifiers.Any(SyntaxKind.PrivateKeyword) || declaration.Modifiers.Any(SyntaxKind.ProtectedKeyword)))
                return true;
            for (SyntaxNode? node = declaration; node is not null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax type && (type.Identifier.IsMissing || type.Identifier.ValueText.Length == 0)) return true;
                if (node is BaseNamespaceDeclarationSyntax ns && ns.Name.IsMissing) return true;
            }
            return false;
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
