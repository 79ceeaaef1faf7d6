using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Learning;

/// <summary>
/// The same seed gives bit-identical parameters after training in this process and in two fresh processes; and
/// across vector widths (AVX-512, AVX2 only, no SIMD at all, switched by the runtime's DOTNET_Enable* settings)
/// where the design promises it: initial parameters; inference of unrolled networks (Predict and ComputeLoss: their
/// vector gates give each sample the scalar gates' bits); unrolled gradients of batches of up to 4 samples; unrolled training wherever the lanes are alike (it sums each
/// gradient per Vector&lt;float&gt; lane: AVX-512 and AVX2 both give 8 lanes by default); and the dense kernels'
/// backward products (one chain of multiply-adds per output at every width: equal wherever multiply-add is fused
/// alike). Networks on the dense kernels repeat bit for bit per machine, but their forward sums depend on the vector
/// width (see NnGen.Runtime/Kernels/DotTiles.cs), so across widths they are only printed.
/// </summary>
public class CrossProcessDeterminismTests(ITestOutputHelper output)
{
    // Each child sets every knob it depends on, so that it runs at its width whatever the parent runs at (CI runs this
    // test again with the knobs below set for the whole process).
    private static readonly Dictionary<string, string> NoAvx512 = new()
    {
        ["DOTNET_EnableAVX512F"] = "0", ["DOTNET_EnableAVX512"] = "0", ["DOTNET_EnableAVX"] = "1", ["DOTNET_EnableHWIntrinsic"] = "1",
    };
    private static readonly Dictionary<string, string> NoAvx = new() { ["DOTNET_EnableAVX"] = "0", ["DOTNET_EnableHWIntrinsic"] = "1" };
    private static readonly Dictionary<string, string> NoSimd = new() { ["DOTNET_EnableHWIntrinsic"] = "0" };

    [Fact]
    public void SameSeed_GivesTheSameBits_InThisProcess_InFreshProcesses_AndAcrossVectorWidthsWherePromised()
    {
        string here = DeterminismProbe.Describe();
        string first = Child(null), second = Child(null);
        string noAvx512 = Child(NoAvx512), noAvx = Child(NoAvx), noSimd = Child(NoSimd);
        foreach (string line in new[] { "in process: " + here, "child: " + first, "child: " + second, "child without AVX-512: " + noAvx512, "child with 128-bit vectors only: " + noAvx, "child without SIMD: " + noSimd })
        {
            output.WriteLine(line);
            Console.WriteLine("determinism " + line);
        }

        // Across runs and processes, everything repeats.
        Assert.Equal(here, first);
        Assert.Equal(here, second);

        // The settings took effect (else the comparisons below would prove nothing).
        Assert.Equal("False", Field(noAvx512, "Vector512"));
        Assert.Equal("False", Field(noAvx, "Vector256"));
        Assert.Equal("True", Field(noAvx, "Vector128"));
        Assert.Equal("False", Field(noSimd, "Vector256"));
        Assert.StartsWith("False", Field(noSimd, "Vector"), StringComparison.Ordinal);

        // Promised on every machine: the initializers, unrolled inference, and unrolled gradients of batches no larger
        // than one vector block at every width (up to 4 samples: padded or scalar, their lanes sum in sample order).
        foreach (string key in new[] { "init-kernel", "init-unrolled", "inferred-unrolled", "small-batch-gradients" })
        {
            Assert.Equal(Field(here, key), Field(noAvx512, key));
            Assert.Equal(Field(here, key), Field(noAvx, key));
            Assert.Equal(Field(here, key), Field(noSimd, key));
        }

        // The backward products: the same bits at every width that fuses multiply-add as this one does (x64 without
        // AVX has no FMA: there the 128-bit and the scalar code round twice, and agree with each other).
        foreach (string other in new[] { noAvx512, noAvx, noSimd })
            if (Field(other, "fused") == Field(here, "fused"))
                Assert.Equal(Field(here, "backward-kernels"), Field(other, "backward-kernels"));
        Assert.Equal("False", Field(noAvx, "fused"));
        Assert.Equal(Field(noAvx, "backward-kernels"), Field(noSimd, "backward-kernels"));

        // Unrolled training, wherever the lanes are the same (their count, and whether vectors run at all).
        foreach (string other in new[] { noAvx512, noAvx, noSimd })
            if (Field(other, "Vector") == Field(here, "Vector"))
                Assert.Equal(Field(here, "trained-unrolled"), Field(other, "trained-unrolled"));
    }

    private static string Child(IReadOnlyDictionary<string, string>? environment) => ChildProcess.Run(environment, DeterminismProbe.Mode).Trim();

    private static string Field(string description, string key)
        => description.Split(' ').Select(part => part.Split('=', 2)).Single(pair => pair[0] == key)[1];
}
