using System.Linq;
using NnGen.Tests.Infrastructure;

namespace NnGen.Tests.Diagnostics;

/// <summary>The two halves of every diagnostic test: marked sources report exactly what is marked; valid ones report nothing.</summary>
internal static class DiagnosticCheck
{
    /// <summary>Runs the generator on the sources without their markup and requires exactly the marked diagnostics.</summary>
    public static GeneratorRun Reports(params string[] markedSources)
    {
        MarkedSource[] sources = markedSources.Select(MarkedSource.Parse).ToArray();
        GeneratorRun run = GeneratorHarness.Run(sources.Select(source => source.Text).ToArray());
        GeneratorAssert.ReportsExactly(run, sources);
        return run;
    }

    /// <summary>Runs the generator and requires no diagnostic and a clean compilation of the generated code.</summary>
    public static GeneratorRun IsClean(params string[] sources)
    {
        GeneratorRun run = GeneratorHarness.Run(sources);
        GeneratorAssert.CompilesCleanly(run);
        return run;
    }
}
