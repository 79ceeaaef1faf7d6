using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace NnGen.Tests.Limits;

/// <summary>
/// The generator's time for deep networks (20 layers, and the largest unrolled one), measured and printed. The bound is a guard against a blow-up
/// (something quadratic, or unrolling without limit), not a speed target: speed is measured in NnGen.Benchmarks.
/// </summary>
public sealed class GeneratorTimeTests(ITestOutputHelper output)
{
    /// <summary>Far above the tens of milliseconds measured, so that a loaded CI machine never trips it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string, int, int, int> Networks => new()
    {
        { "20 dense layers of 64 (loops)", 20, 64, 64 },
        { "20 dense layers of 512 (loops)", 20, 512, 512 },
        { "20 dense layers of 8 (1,280 weights, over the unroll budget: loops)", 20, 8, 8 },
        { "16 dense layers of 8 (1,024 weights, the largest unrolled network)", 16, 8, 8 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Generating_a_deep_network_takes_well_under_the_bound(string name, int layers, int inputs, int width)
    {
        string source = DeepNetworks.Source(layers, inputs, width);
        GeneratorHarness.Run(source);   // warm up Roslyn and the generator

        var times = new double[5];
        GeneratorRun run = null!;
        for (int i = 0; i < times.Length; i++)
        {
            Compilation compilation = GeneratorHarness.CreateCompilation(source);
            long start = Stopwatch.GetTimestamp();
            run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        string generated = run.GeneratedSources.Values.Single();
        string line = $"generator time, {name}: median {times[2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1}) over {times.Length} runs; " +
                      $"{generated.Length:N0} characters generated";
        output.WriteLine(line);
        Console.WriteLine(line);

        GeneratorAssert.CompilesCleanly(run);
        Assert.True(times[2] < Bound.TotalMilliseconds, line);
    }
}

/// <summary>Declarations of deep networks: ReLU hidden layers, a softmax output, cross-entropy.</summary>
internal static class DeepNetworks
{
    public static string Source(int layers, int inputs, int width)
    {
        var text = new StringBuilder("using NnGen;\nnamespace Demo;\n[Network(Loss.CategoricalCrossEntropy)]\n");
        text.Append($"[Input({inputs})]\n");
        for (int i = 0; i < layers - 1; i++) text.Append($"[Dense({width}, Activation.ReLU)]\n");
        text.Append($"[Dense({width}, Activation.Softmax)]\n");
        return text.Append("internal partial class Deep;\n").ToString();
    }
}
