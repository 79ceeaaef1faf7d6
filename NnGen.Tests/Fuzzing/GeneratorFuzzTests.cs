using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NnGen.Tests.Fuzzing;

/// <summary>
/// Thousands of random declarations, valid and invalid, through the generator: it never throws; every invalid one
/// (by <see cref="DeclarationRules"/>, written from the contract) gets an NNG diagnostic and no other; every valid
/// one gets none, and its generated code parses, and a sample of them compiles with zero errors and zero warnings.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// How many declarations one run tries (CsCheck picks a new seed each run and prints it on failure, with the smallest
    /// failing declaration it found); NNGEN_FUZZ_DECLARATIONS sets another number for a longer local run.
    /// </summary>
    private static readonly int Declarations =
        int.TryParse(Environment.GetEnvironmentVariable("NNGEN_FUZZ_DECLARATIONS"), out int n) && n > 0 ? n : 3000;

    /// <summary>One valid declaration in this many is compiled in full (binding the generated method bodies is the costly part).</summary>
    private const int FullCompileEvery = 6;

    [Fact]
    public void Random_declarations_never_crash_and_get_exactly_the_diagnostics_the_rules_call_for()
    {
        var counts = new FuzzCounts();
        var clock = Stopwatch.StartNew();
        DeclarationGens.Declaration.Sample(spec => DeclarationCheck.Run(spec, counts, FullCompileEvery), iter: Declarations);
        string summary = $"{counts} ({clock.Elapsed.TotalSeconds:F1} s)";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        // dotnet test hides a passing test's output at its default verbosity: .ci/run prints this file instead.
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary + Environment.NewLine);

        Assert.Equal(Declarations, counts.Tried);
        // The mix must exercise both sides, or the property says little.
        Assert.True(counts.Valid >= Declarations / 5, summary);
        Assert.True(counts.Invalid >= Declarations / 5, summary);
        Assert.True(counts.FullyCompiled >= 50, summary);
    }
}

/// <summary>The property, for one declaration.</summary>
internal static class DeclarationCheck
{
    private static readonly string[] s_crashIds = { "CS8784", "CS8785", "AD0001" };

    public static void Run(DeclarationSpec spec, FuzzCounts counts, int fullCompileEvery)
    {
        counts.Try();
        string[] sources = DeclarationWriter.Write(spec);
        Expectation expected = DeclarationRules.Of(spec);
        GeneratorRun run = GeneratorHarness.Run(sources);

        if (run.Result.Exception is not null || run.GeneratorDiagnostics.Any(d => s_crashIds.Contains(d.Id)))
            Fail("The generator crashed", spec, sources, run);
        string[] reported = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("NNG", StringComparison.Ordinal)).Select(d => d.Id).ToArray();

        if (expected.CompilerRejects)
        {
            // The compiler reports the mistake; whatever the generator made of it must not add errors of its own.
            if (run.GeneratedSources.Count > 0)
            {
                SyntaxTree[] generatedTrees = run.OutputCompilation.SyntaxTrees.Skip(sources.Length).ToArray();
                Diagnostic[] inGenerated = run.OutputCompilation.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree))
                    .ToArray();
                if (inGenerated.Length > 0) Fail("Generated code adds errors to a declaration the compiler rejects", spec, sources, run, inGenerated);
            }
            counts.AddCompilerRejected(run.GeneratedSources.Count > 0);
            return;
        }

        if (!expected.Valid)
        {
            if (reported.Length == 0)
                Fail($"No NNG diagnostic for an invalid declaration (rules broken: {string.Join(", ", expected.Broken)})", spec, sources, run);
            string[] unexpected = reported.Where(id => !expected.Broken.Contains(id) && !expected.Tolerated.Contains(id)).Distinct().ToArray();
            if (unexpected.Length > 0)
                Fail($"Diagnostics {string.Join(", ", unexpected)} for rules not broken (broken: {string.Join(", ", expected.Broken)})", spec, sources, run);
            if (run.GeneratedSources.Count > 0)
                Fail("Source generated for an invalid declaration", spec, sources, run);
            // The declaration itself is valid C# (else the fuzzer, not the generator, is wrong); only a call to the
            // generated constructor, this(0), cannot bind when nothing was generated (CS1729, or CS1503 against another constructor).
            Diagnostic[] errors = run.InputCompilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && !(d.Id is "CS1729" or "CS1503" && spec.Members.Contains(MemberKind.ChainedConstructor)))
                .ToArray();
            if (errors.Length > 0) Fail("The fuzzer wrote a declaration that is not valid C#", spec, sources, run, errors);
            counts.AddInvalid(reported);
            return;
        }

        if (reported.Length > 0) Fail("NNG diagnostics for a valid declaration", spec, sources, run);
        if (run.GeneratedSources.Count != 1) Fail($"{run.GeneratedSources.Count} generated files for one valid network", spec, sources, run);
        SyntaxTree generated = run.OutputCompilation.SyntaxTrees.Last();
        Diagnostic[] syntax = generated.GetDiagnostics().ToArray();
        if (syntax.Length > 0) Fail("The generated code does not parse", spec, sources, run, syntax);
        if (counts.AddValid() % fullCompileEvery != 0) return;

        // Zero errors and zero warnings, apart from the missing XML docs of the fuzzer's own public types.
        Diagnostic[] problems = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !(d.Id == "CS1591" && d.Location.SourceTree != generated))
            .ToArray();
        if (problems.Length > 0) Fail("A valid declaration does not compile cleanly", spec, sources, run, problems);
        counts.AddFullyCompiled();
    }

    private static void Fail(string what, DeclarationSpec spec, string[] sources, GeneratorRun run, Diagnostic[]? problems = null)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(what + ".").AppendLine("Spec: " + spec);
        for (int i = 0; i < sources.Length; i++) text.AppendLine($"--- {GeneratorHarness.PathOf(i)}").AppendLine(sources[i]);
        text.AppendLine("--- generator diagnostics").AppendLine(GeneratorAssert.Describe(run.GeneratorDiagnostics));
        if (run.Result.Exception is not null) text.AppendLine("--- exception").AppendLine(run.Result.Exception.ToString());
        if (problems is not null) text.AppendLine("--- compiler").AppendLine(GeneratorAssert.Describe(problems.Take(20)));
        throw new XunitException(text.ToString());
    }
}
