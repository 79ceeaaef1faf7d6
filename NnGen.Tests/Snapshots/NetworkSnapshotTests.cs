using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Snapshots;

/// <summary>
/// The generated source of the design's four example networks, and of a small network with each layer kind and option
/// beyond Dense (BatchNorm, LayerNorm, Dropout, the L1/L2 penalty), compared exactly with the *.verified.cs files
/// beside this file (set NNGEN_ACCEPT_SNAPSHOTS=1 to accept a change, after reading the *.received.cs).
/// Each must also compile with zero errors and zero warnings.
/// </summary>
public sealed class NetworkSnapshotTests
{
    [Fact]
    public void Seed231() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        [Dense(1, Activation.Identity)]
        public partial class Seed231Net;
        """);

    [Fact]
    public void Toy42() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [Dense(2, Activation.Softmax)]
        public partial class Toy42Net;
        """);

    [Fact]
    public void Xor() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        public partial class XorNet;
        """);

    [Fact]
    public void Digits() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(64)]
        [Dense(32, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class DigitsNet;
        """);

    [Fact]
    public void BatchNorm() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [Dense(8)]
        [BatchNorm(Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        public partial class BatchNormNet;
        """);

    [Fact]
    public void LayerNorm() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.MeanSquaredError)]
        [Input(4)]
        [Dense(8)]
        [LayerNorm(Activation.Tanh)]
        [Dense(3)]
        public partial class LayerNormNet;
        """);

    [Fact]
    public void Dropout() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [Dense(8, Activation.ReLU)]
        [Dropout(0.25f)]
        [Dense(3, Activation.Softmax)]
        public partial class DropoutNet;
        """);

    [Fact]
    public void Penalty() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.MeanSquaredError, L1 = 0.001f, L2 = 0.01f)]
        [Input(4)]
        [Dense(8, Activation.Tanh, L1 = 0f)]
        [Dense(3)]
        public partial class PenaltyNet;
        """);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        GeneratorAssert.CompilesCleanly(run);
        SnapshotAssert.Matches(run, testMethod: testMethod);
    }

    [Fact]
    public void MaxoutXor() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Maxout(2, 2)]
        [Dense(1, Activation.Sigmoid)]
        public partial class MaxoutXorNet;
        """);

    [Fact]
    public void MaxoutLoops() => Verify("""
        using NnGen;
        namespace NnGen.Examples;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(8)]
        [Maxout(6, 2)]
        [Dense(3, Activation.Softmax)]
        public partial class MaxoutLoopsNet;
        """);
}
