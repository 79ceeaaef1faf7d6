extern alias NnGenGenerator;

using System;
using System.IO;
using NnGenGenerator::NnGen.Generator.Emitting;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace NnGen.Tests.Snapshots;

/// <summary>The snapshot helper itself, in a scratch directory: file names, received files, diffs, acceptance.</summary>
public sealed class SnapshotMechanicsTests : IDisposable
{
    private const string Method = "Net";
    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run("""
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1)]
        public partial class Net;
        """));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nngen-snapshots-" + Guid.NewGuid().ToString("N"));

    public SnapshotMechanicsTests() => Directory.CreateDirectory(_directory);

    private string CallerFile => Path.Combine(_directory, "FakeTests.cs");

    private string Verified => Path.Combine(_directory, "FakeTests.Net#Demo.Net.g.verified.cs");

    private string Received => Path.Combine(_directory, "FakeTests.Net#Demo.Net.g.received.cs");

    private static string Scrubbed => SnapshotAssert.Scrub(s_run.Value.GeneratedSources["Demo.Net.g.cs"]);

    [Fact]
    public void Missing_snapshot_writes_received_and_fails()
    {
        var failure = Assert.Throws<XunitException>(() => SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: false));

        Assert.Contains("No snapshot", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Verified));
        Assert.Equal(Scrubbed, File.ReadAllText(Received));
    }

    [Fact]
    public void Matching_snapshot_passes_and_removes_an_old_received_file()
    {
        File.WriteAllText(Verified, Scrubbed.Replace("\n", "\r\n", StringComparison.Ordinal));
        File.WriteAllText(Received, "left over");

        SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Changed_snapshot_writes_received_and_fails_with_the_differing_lines()
    {
        File.WriteAllText(Verified, Scrubbed.Replace("public const int InputSize = 2;", "public const int InputSize = 3;", StringComparison.Ordinal));

        var failure = Assert.Throws<XunitException>(() => SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: false));

        Assert.Contains("- " + "        public const int InputSize = 3;", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ " + "        public const int InputSize = 2;", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Scrubbed, File.ReadAllText(Received));
    }

    [Fact]
    public void Accepting_writes_the_verified_file_and_then_matches()
    {
        File.WriteAllText(Verified, "outdated");

        SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: true);

        Assert.Equal(Scrubbed, File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
        SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: false);
    }

    [Fact]
    public void Verified_file_of_a_hint_no_longer_generated_fails_until_accepted()
    {
        File.WriteAllText(Verified, Scrubbed);
        string stale = Path.Combine(_directory, "FakeTests.Net#Demo.Gone.g.verified.cs");
        File.WriteAllText(stale, "old");

        var failure = Assert.Throws<XunitException>(() => SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: false));
        Assert.Contains("Demo.Gone", failure.Message, StringComparison.Ordinal);

        SnapshotAssert.Matches(s_run.Value, CallerFile, Method, accept: true);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void Scrub_replaces_the_version_and_requires_it()
    {
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"NnGen\", \"{SnapshotAssert.VersionPlaceholder}\")]", Scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{NetworkEmitter.Version}\"", Scrubbed, StringComparison.Ordinal);
        Assert.Throws<XunitException>(() => SnapshotAssert.Scrub("partial class Net { }"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
