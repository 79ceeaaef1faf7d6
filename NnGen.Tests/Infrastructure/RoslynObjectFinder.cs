using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// Walks an object graph by reflection (every instance field, every array element) and returns the paths to
/// the Roslyn objects a cached pipeline value must not hold: they pin compilations in memory and compare by
/// reference, which defeats caching.
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] s_forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxTree),
        typeof(SyntaxReference), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData),
        typeof(TypedConstant),
    };

    public static IReadOnlyList<string> Find(object? root, string rootName)
    {
        var found = new List<string>();
        Walk(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), found, depth: 0);
        return found;
    }

    /// <summary>Whether a value of this type is one the walker reports.</summary>
    public static bool IsForbidden(Type type)
    {
        foreach (Type forbidden in s_forbidden)
            if (forbidden.IsAssignableFrom(type)) return true;
        return false;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> found, int depth)
    {
        if (value is null) return;
        Type type = value.GetType();
        if (IsForbidden(type))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }
        if (IsLeaf(type) || depth > 64) return;
        if (!type.IsValueType && !seen.Add(value)) return;

        if (value is Array array)
        {
            int index = 0;
            foreach (object? item in (IEnumerable)array) Walk(item, $"{path}[{index++}]", seen, found, depth + 1);
            return;
        }
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                Walk(field.GetValue(value), $"{path}.{field.Name}", seen, found, depth + 1);
            }
        }
    }

    /// <summary>Values with nothing Roslyn inside: primitives, strings, enums, and reflection or delegate objects.</summary>
    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
           || typeof(Type).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type);
}
