using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Infrastructure;

/// <summary>Assertions over a <see cref="GeneratorRun"/> whose failure messages list the diagnostics involved.</summary>
internal static class GeneratorAssert
{
    /// <summary>The ids the compiler uses when a generator or analyzer throws.</summary>
    private static readonly string[] s_crashIds = { "CS8784", "CS8785", "AD0001" };

    /// <summary>The generator neither threw nor made the driver report that it did.</summary>
    public static void DidNotCrash(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        Diagnostic[] crashes = run.GeneratorDiagnostics.Concat(run.CompilationDiagnostics)
            .Where(d => s_crashIds.Contains(d.Id))
            .ToArray();
        if (crashes.Length > 0)
            throw new XunitException("The generator crashed:\n" + Describe(crashes));
    }

    /// <summary>No generator diagnostic, and the consumer compiles with the generated code with zero errors and zero warnings.</summary>
    public static void CompilesCleanly(GeneratorRun run)
    {
        DidNotCrash(run);
        if (run.GeneratorDiagnostics.Length > 0)
            throw new XunitException("Expected no generator diagnostic, got:\n" + Describe(run.GeneratorDiagnostics));
        Diagnostic[] problems = run.CompilationProblems.ToArray();
        if (problems.Length > 0)
            throw new XunitException("Expected zero errors and zero warnings, got:\n" + Describe(problems));
        Assert.NotEmpty(run.GeneratedSources);
    }

    /// <summary>
    /// The generator reported exactly the diagnostics marked in the sources (source i is file
    /// <see cref="GeneratorHarness.PathOf"/>(i)), each with the id of its markup or else <paramref name="defaultId"/>,
    /// with a message whose placeholders are all filled; it emitted no source and left no compiler error behind.
    /// </summary>
    /// <param name="allowedSource">
    /// Hint names the generator may still emit (a network whose weights file is reported keeps its own file, so that
    /// only the weights diagnostic fails the build); null: none.
    /// </param>
    public static void ReportsExactly(GeneratorRun run, IReadOnlyList<MarkedSource> sources, string? defaultId = null, Func<string, bool>? allowedSource = null)
    {
        DidNotCrash(run);
        var expected = new List<string>();
        for (int i = 0; i < sources.Count; i++)
        {
            foreach (ExpectedSpan span in sources[i].Spans)
            {
                string id = span.Id ?? defaultId ?? throw new ArgumentException("Markup [|...|] needs a default id.", nameof(defaultId));
                expected.Add(Key(id, GeneratorHarness.PathOf(i), span.Span.Start, span.Span.End, sources[i].Text));
            }
        }
        List<string> actual = run.GeneratorDiagnostics
            .Select(d => Key(d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan.Start, d.Location.SourceSpan.End, TextOf(d, sources)))
            .ToList();
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain("{0}", message, StringComparison.Ordinal);
            Assert.DoesNotContain("{1}", message, StringComparison.Ordinal);
            Assert.DoesNotContain("{2}", message, StringComparison.Ordinal);
        }
        if (allowedSource is null) Assert.Empty(run.GeneratedSources);
        else Assert.All(run.GeneratedSources.Keys, name => Assert.True(allowedSource(name), name));
        Diagnostic[] errors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
            throw new XunitException("A reported declaration should leave no compiler error, got:\n" + Describe(errors));
    }

    /// <summary>One line per diagnostic: location, id, message, and the text of the span.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => "  " + d + (d.Location.IsInSource ? $"  at '{Truncate(d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))}'" : "")));

    private static string Key(string id, string path, int start, int end, string text)
        => $"{id} {path} [{start}..{end}) '{Span(text, start, end)}'";

    private static string TextOf(Diagnostic diagnostic, IReadOnlyList<MarkedSource> sources)
    {
        string path = diagnostic.Location.GetLineSpan().Path;
        for (int i = 0; i < sources.Count; i++)
            if (path == GeneratorHarness.PathOf(i)) return sources[i].Text;
        return string.Empty;
    }

    private static string Span(string text, int start, int end)
        => start >= 0 && end <= text.Length && start <= end ? Truncate(text.Substring(start, end - start)) : "?";

    private static string Truncate(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
