using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NnGen.Tests.Infrastructure;

/// <summary>A span the test expects a diagnostic at; <see cref="Id"/> is null for plain <c>[|...|]</c> markup.</summary>
internal sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Source text with diagnostic markup: <c>[|text|]</c> marks a span, <c>{|NNG0007:text|}</c> marks a span
/// with the id expected there. Markup may nest. <see cref="Text"/> is the source with the markup removed.
/// </summary>
internal sealed class MarkedSource
{
    private MarkedSource(string text, IReadOnlyList<ExpectedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    public IReadOnlyList<ExpectedSpan> Spans { get; }

    public static MarkedSource Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start, char Closer)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, text.Length, ']'));
                i += 2;
            }
            else if (At(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"Markup '{{|' at {i} has no ':' after its id.");
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length, '}'));
                i = colon + 1;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                char closer = markup[i + 1];
                if (open.Count == 0 || open.Peek().Closer != closer)
                    throw new FormatException($"Markup '|{closer}' at {i} closes nothing that it matches.");
                (string? id, int start, _) = open.Pop();
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }
        if (open.Count > 0) throw new FormatException("Markup is not closed.");
        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Id, b.Id));
        return new MarkedSource(text.ToString(), spans);
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
