using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NnGen.Internal;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Generator;

/// <summary>
/// Every activation on hidden layers, every valid output activation and loss, and every initializer, in both
/// code shapes (unrolled gates, loops), declared side by side in one compilation: the generated code compiles
/// with zero warnings, and each network runs a forward and backward pass to finite numbers.
/// </summary>
public sealed class EmitterCoverageTests
{
    private static readonly string[] s_hidden = { "Identity", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "SELU" };
    private static readonly string[] s_inits =
    {
        "Zeros", "Ones", "Constant", "Uniform", "Normal", "LeCunUniform", "LeCunNormal", "GlorotUniform", "GlorotNormal", "HeUniform", "HeNormal",
    };

    /// <summary>(loss, output activation) pairs the diagnostics allow.</summary>
    private static IEnumerable<(string Loss, string Output)> Heads()
    {
        foreach (string output in s_hidden.Append("Softmax"))
        {
            yield return ("MeanSquaredError", output);
            yield return ("MeanAbsoluteError", output);
        }
        yield return ("BinaryCrossEntropy", "Sigmoid");
        yield return ("CategoricalCrossEntropy", "Softmax");
    }

    [Theory]
    [InlineData(3, 4, 2, "Unrolled")] // every layer at most 64 weights: unrolled gate by gate
    [InlineData(20, 16, 5, "Loops")]  // 320 weights in the first layer: loops
    public void Every_combination_compiles_cleanly_and_runs(int inputs, int hidden, int outputs, string shape)
    {
        var source = new StringBuilder("using NnGen;\nnamespace Coverage;\n");
        var names = new List<string>();
        int index = 0;
        // Every hidden activation under one head, and every head under one hidden activation.
        IEnumerable<(string Activation, string Loss, string Output)> networks = s_hidden
            .Select(activation => (activation, "MeanSquaredError", "Identity"))
            .Concat(Heads().Select(head => ("Tanh", head.Loss, head.Output)));
        foreach ((string activation, string loss, string output) in networks)
        {
            string init = s_inits[index % s_inits.Length], secondInit = s_inits[(index + 5) % s_inits.Length];
            string name = $"{shape}{index++}_{activation}_{output}_{loss}";
            names.Add(name);
            source.Append($"[Network(Loss.{loss}, Init = Init.{init})]\n")
                .Append($"[Input({inputs})]\n")
                .Append($"[Dense({hidden}, Activation.{activation}{Alpha(activation)}{Scale(init)})]\n")
                .Append($"[Dense({hidden}, Activation.{activation}{Alpha(activation)}, Init = Init.{secondInit}{Scale(secondInit)})]\n")
                .Append($"[Dense({outputs}, Activation.{output}, Init = Init.HeUniform)]\n") // not Constant 0 before a ReLU, whose gradients would all be 0
                .Append($"public partial class {name};\n\n");
        }

        GeneratorRun run = GeneratorHarness.Run(source.ToString());
        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(names.Count, run.GeneratedSources.Count);

        using LoadedAssembly loaded = LoadedAssembly.Load(run.OutputCompilation);
        foreach (string name in names) RunsToFiniteNumbers(loaded.CreateNetwork("Coverage." + name, seed: 3), name);
    }

    private static void RunsToFiniteNumbers(INetwork network, string name)
    {
        const int samples = 3;
        var random = new SeededRandom(11);
        float[] x = Enumerable.Range(0, samples * network.InputSize).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        float[] t = new float[samples * network.OutputSize];
        for (int s = 0; s < samples; s++) t[s * network.OutputSize + s % network.OutputSize] = 1f; // one-hot, valid for every loss
        float[] y = new float[t.Length];

        network.Predict(x, y);
        float loss = network.ComputeLoss(x, t);
        float trainingLoss = network.ComputeGradients(x, t);

        Assert.True(y.All(float.IsFinite), $"{name}: Predict gave a non-finite output");
        Assert.True(float.IsFinite(loss) && loss >= 0f, $"{name}: loss {loss}");
        Assert.Equal(loss, trainingLoss, tolerance: 1e-5f * Math.Max(1f, loss));
        Assert.True(network.Gradients.All(float.IsFinite), $"{name}: a gradient is not finite");
        Assert.True(network.Gradients.Any(g => g != 0f), $"{name}: every gradient is 0");
    }

    private static string Alpha(string activation) => activation is "LeakyReLU" or "ELU" ? ", Alpha = 0.3f" : "";

    private static string Scale(string init) => init is "Constant" or "Uniform" or "Normal" ? ", InitScale = 0.25f" : "";
}
