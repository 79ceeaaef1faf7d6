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
        /// <summary>The members every generated network declares; a user member of the same name would clash.</summary>
        private static readonly HashSet<string> GeneratedMembers = new()
        {
            "InputSize", "OutputSize", "ParameterCount", "StateCount", "ModelSignature",
            "Parameters", "Gradients", "State",
        };

        public static void Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location nameLocation, List<DiagnosticInfo> diagnostics)
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
                && !baseType.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional || p.IsParams) && IsAccessibleFromDerived(c, type)))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, nameLocation, type.Name, baseType.Name));

            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.Length == 0) continue;
                bool clashes = GeneratedMembers.Contains(member.Name)
                    || (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                        && constructor.DeclaringSyntaxReferences[0].GetSyntax() is not TypeDeclarationSyntax // a primary constructor is NNG0018
                        && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32);
                if (clashes)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMember, member.Locations.FirstOrDefault() ?? nameLocation,
                        member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? type.Name + "(int)" : member.Name, type.Name));
            }
        }

        private static bool IsAccessibleFromDerived(IMethodSymbol constructor, INamedTypeSymbol derived)
            => constructor.DeclaredAccessibility switch
            {
                Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
                Accessibility.Internal or Accessibility.ProtectedAndInternal => SymbolEqualityComparer.Default.Equals(constructor.ContainingAssembly, derived.ContainingAssembly),
                _ => false,
            };
    }
}
