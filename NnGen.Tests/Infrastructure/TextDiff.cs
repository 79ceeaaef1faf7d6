using System.Collections.Generic;
using System.Text;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// A short, readable line diff: the first few hunks where two texts differ, each with a little context.
/// Lines are matched greedily (re-synchronizing on two equal lines in a row), enough for snapshot failures.
/// </summary>
internal static class TextDiff
{
    private const int Context = 2;
    private const int MaxHunks = 3;
    private const int MaxLinesPerSide = 12;
    private const int Window = 400;

    public static string Describe(string expected, string actual)
    {
        string[] left = Lines(expected), right = Lines(actual);
        var text = new StringBuilder($"verified has {left.Length} lines, received {right.Length}; - verified, + received:\n");
        int i = 0, j = 0, hunks = 0;
        while (i < left.Length || j < right.Length)
        {
            if (i < left.Length && j < right.Length && left[i] == right[j])
            {
                i++;
                j++;
                continue;
            }
            if (hunks++ == MaxHunks)
            {
                text.Append("... more differences\n");
                break;
            }
            (int skipLeft, int skipRight) = Resynchronize(left, right, i, j);
            text.Append($"@@ line {i + 1} @@\n");
            for (int c = System.Math.Max(0, i - Context); c < i; c++) text.Append($"  {left[c]}\n");
            Append(text, left, i, skipLeft, '-');
            Append(text, right, j, skipRight, '+');
            i += skipLeft;
            j += skipRight;
            for (int c = i; c < System.Math.Min(left.Length, i + Context); c++) text.Append($"  {left[c]}\n");
        }
        return text.ToString();
    }

    /// <summary>The fewest lines to skip on each side so that two equal lines in a row follow (or both texts end).</summary>
    private static (int Left, int Right) Resynchronize(string[] left, string[] right, int i, int j)
    {
        for (int total = 1; total <= 2 * Window; total++)
        {
            for (int a = System.Math.Max(0, total - Window); a <= System.Math.Min(total, Window); a++)
            {
                int b = total - a, li = i + a, rj = j + b;
                if (li > left.Length || rj > right.Length) continue;
                if (li == left.Length && rj == right.Length) return (a, b);
                if (li + 1 < left.Length && rj + 1 < right.Length && left[li] == right[rj] && left[li + 1] == right[rj + 1])
                    return (a, b);
            }
        }
        return (left.Length - i, right.Length - j);
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> lines, int start, int count, char sign)
    {
        for (int k = start; k < start + count && k < start + MaxLinesPerSide; k++) text.Append($"{sign} {lines[k]}\n");
        if (count > MaxLinesPerSide) text.Append($"{sign} ... {count - MaxLinesPerSide} more lines\n");
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');
}
