using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NnGen.Generator.Diagnostics;
using NnGen.Generator.Model;

namespace NnGen.Generator.Parsing
{
    /// <summary>The checks that the class itself can take the generated members, before its attributes are read.</summary>
    internal static class TypeShapeChecks
    {
        /// <summary>
        /// The members every generated network declares; a user member of the same name would clash. Gpu (the nested
        /// class) and ToGpu are generated only when the consumer references NnGen.Gpu, and reserved always, so that adding
        /// the GPU package never breaks a network that compiled without it; ExportOnnx, LoadOnnx and FromOnnx likewise
        /// for NnGen.Onnx.
        /// </summary>
        private static readonly HashSet<string> GeneratedMembers = new()
        {
            "InputSize", "OutputSize", "ParameterCount", "StateCount", "ModelSignature",
            "Parameters", "Gradients", "State", "Gpu", "ToGpu", "ExportOnnx", "LoadOnnx", "FromOnnx", "CopyParametersFrom", "Clone",
        };

        /// <param name="embedsWeights">The declaration names a weights file, so a parameterless constructor is generated too.</param>
        public static void Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location nameLocation, bool embedsWeights, List<DiagnosticInfo> diagnostics)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, nameLocation, type.Name));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Static, nameLocation, type.Name));
            else if (type.IsAbstract && type.TypeKind == TypeKind.Class)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Abstract, nameLocation, type.Name));
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.TypeParameters.Length > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Generic, nameLocation, type.Name, current.Name));
                    break;
                }
            }
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (current.IsFileLocal)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocal, nameLocation, type.Name));
                    break;
                }
            }
            for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax outer; parent = parent.Parent)
            {
                if (!outer.Modifiers.Any(SyntaxKind.PartialKeyword))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, outer.Identifier.GetLocation(), outer.Identifier.ValueText, type.Name));
            }

            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null } withParameters)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PrimaryConstructor, withParameters.Identifier.GetLocation(), type.Name));
                    break;
                }
            }

            if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && type.TypeKind == TypeKind.Class
                && !baseType.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional || p.IsParams) && IsVisibleFromDerived(c, type)))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, nameLocation, type.Name, baseType.Name));

            CheckMembers(type, diagnostics, nameLocation, embedsWeights);
        }

        /// <summary>
        /// NNG0020 for a member of the user's that a generated member would clash with (same name, or a method of the same
        /// name and parameter types) or hide (an accessible inherited one); NNG0022 for a constructor that does not chain
        /// to the generated one, so would leave Parameters unset.
        /// </summary>
        private static void CheckMembers(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, Location nameLocation, bool embedsWeights)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.Length == 0) continue;
                bool intConstructor = member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && constructor.DeclaringSyntaxReferences[0].GetSyntax() is not TypeDeclarationSyntax // a primary constructor is NNG0018
                    && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32;
                // with embedded weights N() is generated beside N(int seed)
                bool parameterlessConstructor = embedsWeights && member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false, Parameters.Length: 0 } parameterless
                    && parameterless.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax;
                if (intConstructor || parameterlessConstructor || Clashes(member))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMember, member.Locations.FirstOrDefault() ?? nameLocation,
                        intConstructor ? type.Name + "(int)" : parameterlessConstructor ? type.Name + "()" : member.Name, type.Name));
                else if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } other
                         && other.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax declared
                         && !declared.Initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
                         && !IsCopyConstructor(other, type))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorNotChained, declared.Identifier.GetLocation(), type.Name));
            }

            // An inherited member the generated one would hide (CS0108/CS0114 in generated code), reported once per name.
            var reported = new HashSet<string>();
            for (INamedTypeSymbol? baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object }; baseType = baseType.BaseType)
            {
                foreach (ISymbol member in baseType.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || !IsVisibleFromDerived(member, type) || !Clashes(member) || !reported.Add(member.Name)) continue;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMember, nameLocation, member.Name, baseType.Name));
                }
            }
        }

        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>", Span = "global::System.Span<float>", Stream = "global::System.IO.Stream";

        /// <summary>The generated methods by name, with the parameter types of each overload.</summary>
        private static readonly Dictionary<string, string[][]> GeneratedMethods = new()
        {
            ["Predict"] = new[] { new[] { ReadOnlySpan, Span } },
            ["ComputeLoss"] = new[] { new[] { ReadOnlySpan, ReadOnlySpan } },
            ["ComputeGradients"] = new[] { new[] { ReadOnlySpan, ReadOnlySpan } },
            ["TrainStep"] = new[] { new[] { ReadOnlySpan, ReadOnlySpan, "global::NnGen.IOptimizer" } },
            ["Save"] = new[] { new[] { Stream }, new[] { "string" } },
            ["LoadFrom"] = new[] { new[] { Stream }, new[] { "string" } },
            ["Load"] = new[] { new[] { Stream }, new[] { "string" } },
        };

        /// <summary>Whether a generated member has the name of <paramref name="member"/> and cannot sit beside it as an overload.</summary>
        private static bool Clashes(ISymbol member)
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor }) return false;
            if (GeneratedMembers.Contains(member.Name)) return true;
            if (!GeneratedMethods.TryGetValue(member.Name, out string[][]? overloads)) return false;
            if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary) return true;
            return overloads.Any(parameters => parameters.Length == method.Parameters.Length
                && parameters.Select((name, i) => name == method.Parameters[i].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).All(same => same));
        }

        private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type)
            => type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

        private static bool IsVisibleFromDerived(ISymbol member, INamedTypeSymbol derived)
            => member.DeclaredAccessibility switch
            {
                Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
                Accessibility.Internal or Accessibility.ProtectedAndInternal => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, derived.ContainingAssembly),
                _ => false,
            };
    }
}
