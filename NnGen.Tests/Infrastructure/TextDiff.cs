using System;
using System.Text;

namespace NnGen.Tests.Infrastructure;

/// <summary>A short, readable line diff: the first block of lines where two texts differ, with context.</summary>
internal static class TextDiff
{
    private const int Context = 3;
    private const int MaxLinesPerSide = 15;

    public static string Describe(string expected, string actual)
    {
        string[] left = Lines(expected), right = Lines(actual);
        int prefix = 0;
        while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix]) prefix++;
        int suffix = 0;
        while (suffix < left.Length - prefix && suffix < right.Length - prefix
               && left[left.Length - 1 - suffix] == right[right.Length - 1 - suffix]) suffix++;

        var text = new StringBuilder();
        text.Append($"First difference at line {prefix + 1} (verified has {left.Length} lines, received {right.Length}):\n");
        for (int i = Math.Max(0, prefix - Context); i < prefix; i++) text.Append($"  {i + 1,5}   {left[i]}\n");
        AppendSide(text, left, prefix, left.Length - suffix, '-');
        AppendSide(text, right, prefix, right.Length - suffix, '+');
        for (int i = left.Length - suffix; i < Math.Min(left.Length, left.Length - suffix + Context); i++)
            text.Append($"  {i + 1,5}   {left[i]}\n");
        return text.ToString();
    }

    private static void AppendSide(StringBuilder text, string[] lines, int start, int end, char sign)
    {
        for (int i = start; i < end && i < start + MaxLinesPerSide; i++) text.Append($"{sign} {i + 1,5}   {lines[i]}\n");
        if (end - start > MaxLinesPerSide) text.Append($"{sign}   ... {end - start - MaxLinesPerSide} more lines\n");
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');
}
