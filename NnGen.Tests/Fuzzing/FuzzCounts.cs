using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace NnGen.Tests.Fuzzing;

/// <summary>What the fuzz test tried, counted across CsCheck's threads.</summary>
internal sealed class FuzzCounts
{
    private int _tried, _valid, _invalid, _compilerRejected, _rejectedButGenerated, _fullyCompiled;
    private readonly ConcurrentDictionary<string, int> _reported = new();

    public int Tried => _tried;
    public int Valid => _valid;
    public int Invalid => _invalid;
    public int CompilerRejected => _compilerRejected;
    public int FullyCompiled => _fullyCompiled;

    public void Try() => Interlocked.Increment(ref _tried);

    /// <summary>Counts a valid declaration and returns its number (1, 2, ...).</summary>
    public int AddValid() => Interlocked.Increment(ref _valid);

    public void AddInvalid(System.Collections.Generic.IEnumerable<string> reportedIds)
    {
        Interlocked.Increment(ref _invalid);
        foreach (string id in reportedIds.Distinct()) _reported.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    public void AddCompilerRejected(bool generated)
    {
        Interlocked.Increment(ref _compilerRejected);
        if (generated) Interlocked.Increment(ref _rejectedButGenerated);
    }

    public void AddFullyCompiled() => Interlocked.Increment(ref _fullyCompiled);

    public int ReportedCount(string id) => _reported.TryGetValue(id, out int n) ? n : 0;

    public override string ToString() =>
        $"generator fuzz: {Tried} declarations tried: {Valid} valid ({FullyCompiled} of them compiled in full), {Invalid} invalid with an NNG diagnostic, " +
        $"{CompilerRejected} rejected by the C# compiler itself (for {_rejectedButGenerated} of them the generator still emitted code, which added no error); invalid ones by id: " +
        string.Join(", ", _reported.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
