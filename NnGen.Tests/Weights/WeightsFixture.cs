using System;
using System.IO;
using System.Runtime.CompilerServices;
using NnGen.Tests.Infrastructure;

namespace NnGen.Tests.Weights;

/// <summary>
/// How Fixtures/tiny.nngen was made: parameters and state from a formula of exact binary fractions (no training, no
/// initializer, no library call whose bits could drift), saved with <see cref="PlainTinyNet"/>'s Save. To make it again,
/// run the fixture test with NNGEN_WRITE_WEIGHTS_FIXTURE=1; otherwise that test checks the committed file is this.
/// </summary>
internal static class WeightsFixture
{
    /// <summary>The path NnGen.Tests.csproj lists as AdditionalFiles and the networks name as Weights.</summary>
    public const string RelativePath = "Weights/Fixtures/tiny.nngen";

    public static string FullPath([CallerFilePath] string callerFile = "") => Path.Combine(SourceDirectory.Of(callerFile), "Fixtures", "tiny.nngen");

    /// <summary>Parameter i: a multiple of 1/64 in [-50/64, 50/64], spread by a step of 37 modulo 101.</summary>
    public static float Parameter(int i) => ((i * 37) % 101 - 50) / 64f;

    /// <summary>The BatchNorm running means (j - 2) / 8 then the running variances 1 + j / 4.</summary>
    public static float State(int i, int units) => i < units ? (i - 2) / 8f : 1 + (i - units) / 4f;

    public static PlainTinyNet Network()
    {
        var network = new PlainTinyNet(seed: 1);
        for (int i = 0; i < network.Parameters.Length; i++) network.Parameters[i] = Parameter(i);
        for (int i = 0; i < network.State.Length; i++) network.State[i] = State(i, network.State.Length / 2);
        return network;
    }

    public static byte[] Bytes()
    {
        using var stream = new MemoryStream();
        Network().Save(stream);
        return stream.ToArray();
    }

    public static bool Rewrite => Environment.GetEnvironmentVariable("NNGEN_WRITE_WEIGHTS_FIXTURE") == "1";
}
