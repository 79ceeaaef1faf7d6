extern alias NnGenGenerator;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using NnGenGenerator::NnGen.Generator.Emitting;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Infrastructure;

/// <summary>
/// Compares generated sources with <c>*.verified.cs</c> files kept next to the test, in Verify's conventions:
/// <c>{TestClass}.{TestMethod}#{HintName without .cs}.verified.cs</c>. A mismatch or a missing file writes
/// <c>*.received.cs</c> beside it and fails with a diff; nothing is accepted unless the environment variable
/// <see cref="AcceptVariable"/> is 1, which writes the received text as verified.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "NNGEN_ACCEPT_SNAPSHOTS";

    /// <summary>What the generator version is replaced with, so that a version bump does not touch every snapshot.</summary>
    public const string VersionPlaceholder = "{NnGen.Version}";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Verifies every source of <paramref name="run"/>; the test class is the name of the calling file, as in
    /// this project's one-class-per-file layout.
    /// </summary>
    public static void Matches(GeneratorRun run, [CallerFilePath] string callerFile = "", [CallerMemberName] string testMethod = "")
        => Matches(run, callerFile, testMethod, accept: Environment.GetEnvironmentVariable(AcceptVariable) == "1");

    /// <summary>
    /// As <see cref="Matches(GeneratorRun, string, string)"/>, for the sources whose hint name ends with
    /// <paramref name="hintSuffix"/> alone (the GPU files, whose CPU files other tests verify).
    /// </summary>
    public static void MatchesEndingWith(GeneratorRun run, string hintSuffix, [CallerFilePath] string callerFile = "", [CallerMemberName] string testMethod = "")
        => Matches(run, callerFile, testMethod, accept: Environment.GetEnvironmentVariable(AcceptVariable) == "1", hintSuffix);

    /// <summary>As <see cref="Matches(GeneratorRun, string, string)"/>, with acceptance given rather than read from the environment.</summary>
    internal static void Matches(GeneratorRun run, string callerFile, string testMethod, bool accept, string hintSuffix = "")
    {
        Assert.NotEmpty(run.GeneratedSources);
        string directory = SourceDirectory.Of(callerFile);
        string prefix = $"{Path.GetFileNameWithoutExtension(callerFile)}.{testMethod}#";

        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string hintName, string source) in run.GeneratedSources)
        {
            if (!hintName.EndsWith(hintSuffix, StringComparison.Ordinal)) continue;
            string stem = Path.Combine(directory, prefix + Path.GetFileNameWithoutExtension(hintName));
            string verifiedPath = stem + ".verified.cs", receivedPath = stem + ".received.cs";
            expectedFiles.Add(Path.GetFileName(verifiedPath));
            string received = Scrub(source);

            string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (verified == received)
            {
                File.Delete(receivedPath);
                continue;
            }
            if (accept)
            {
                File.WriteAllText(verifiedPath, received, s_utf8);
                File.Delete(receivedPath);
                continue;
            }
            File.WriteAllText(receivedPath, received, s_utf8);
            failures.Add(verified is null
                ? $"No snapshot {verifiedPath}: wrote {Path.GetFileName(receivedPath)}; read it, then rename it to .verified.cs or rerun with {AcceptVariable}=1."
                : $"{Path.GetFileName(verifiedPath)} differs: wrote {Path.GetFileName(receivedPath)}.\n{TextDiff.Describe(verified, received)}");
        }

        foreach (string stale in Directory.EnumerateFiles(directory, prefix + "*.verified.cs").Select(Path.GetFileName).OfType<string>())
        {
            if (expectedFiles.Contains(stale)) continue;
            if (accept) File.Delete(Path.Combine(directory, stale));
            else failures.Add($"{stale} is verified, but the generator no longer produces its hint name.");
        }

        if (failures.Count > 0) throw new XunitException(string.Join("\n\n", failures));
    }

    /// <summary>Line endings to \n and the generator version to <see cref="VersionPlaceholder"/>, which must be present.</summary>
    public static string Scrub(string source)
    {
        string versioned = $"\"NnGen\", \"{NetworkEmitter.Version}\"";
        if (!source.Contains(versioned, StringComparison.Ordinal))
            throw new XunitException($"The generated source carries no [GeneratedCode({versioned})].");
        return Normalize(source).Replace(versioned, $"\"NnGen\", \"{VersionPlaceholder}\"", StringComparison.Ordinal);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
