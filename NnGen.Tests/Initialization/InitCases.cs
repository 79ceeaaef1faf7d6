using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Tests.Initialization.Networks;
using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>
/// The networks of <see cref="Networks"/> with what each layer's declaration asks for: its fan-in, units, Init and
/// InitScale (the value the declaration implies, with the defaults of DESIGN.md filled in).
/// </summary>
public static class InitCases
{
    public sealed record Layer(int FanIn, int Units, Init Init, float Scale);

    public sealed record Case(Func<int, INetwork> Create, IReadOnlyList<Layer> Layers, int Seed);

    /// <summary>InitScale's default for Uniform and Normal (DESIGN.md).</summary>
    public const float DefaultScale = 0.05f;

    private static readonly int[] LayerChain = { 784, 128, 16, 300, 64, 64 };
    private static readonly int[] DefaultChain = { 16, 300, 64, 64 };

    private static IReadOnlyList<Layer> Chain(int[] sizes, Init init, params float[] scales)
        => Enumerable.Range(0, sizes.Length - 1).Select(l => new Layer(sizes[l], sizes[l + 1], init, scales.Length == 0 ? 0f : scales[l])).ToArray();

    // Each network starts from its own fixed seed, so the tests are deterministic and no two networks draw the same numbers.
    private static Case C(Func<int, INetwork> create, IReadOnlyList<Layer> layers, int seed) => new(create, layers, seed);

    /// <summary>Networks whose layers declare their own Init (and InitScale).</summary>
    public static readonly IReadOnlyDictionary<string, Case> LayerLevel = new Dictionary<string, Case>
    {
        ["Zeros"] = C(s => new LayerZerosNet(s), Chain(LayerChain, Init.Zeros), 101),
        ["Ones"] = C(s => new LayerOnesNet(s), Chain(LayerChain, Init.Ones), 102),
        ["Constant"] = C(s => new LayerConstantNet(s), Chain(LayerChain, Init.Constant, 0.75f, -2.5f, 0f, 1e-3f, 3f), 103),
        ["Uniform"] = C(s => new LayerUniformNet(s), Chain(LayerChain, Init.Uniform, 0.3f, 1f, DefaultScale, 0.01f, 2f), 104),
        ["Normal"] = C(s => new LayerNormalNet(s), Chain(LayerChain, Init.Normal, 0.3f, 1f, DefaultScale, 0.01f, 2f), 105),
        ["LeCunUniform"] = C(s => new LayerLeCunUniformNet(s), Chain(LayerChain, Init.LeCunUniform), 106),
        ["LeCunNormal"] = C(s => new LayerLeCunNormalNet(s), Chain(LayerChain, Init.LeCunNormal), 107),
        ["GlorotUniform"] = C(s => new LayerGlorotUniformNet(s), Chain(LayerChain, Init.GlorotUniform), 108),
        ["GlorotNormal"] = C(s => new LayerGlorotNormalNet(s), Chain(LayerChain, Init.GlorotNormal), 109),
        ["HeUniform"] = C(s => new LayerHeUniformNet(s), Chain(LayerChain, Init.HeUniform), 110),
        ["HeNormal"] = C(s => new LayerHeNormalNet(s), Chain(LayerChain, Init.HeNormal), 111),
    };

    /// <summary>Networks whose layers take the network's Init (Uniform and Normal then at the default scale).</summary>
    public static readonly IReadOnlyDictionary<string, Case> NetworkLevel = new Dictionary<string, Case>
    {
        ["Zeros"] = C(s => new DefaultZerosNet(s), Chain(DefaultChain, Init.Zeros), 201),
        ["Ones"] = C(s => new DefaultOnesNet(s), Chain(DefaultChain, Init.Ones), 202),
        ["Uniform"] = C(s => new DefaultUniformNet(s), Chain(DefaultChain, Init.Uniform, DefaultScale, DefaultScale, DefaultScale), 204),
        ["Normal"] = C(s => new DefaultNormalNet(s), Chain(DefaultChain, Init.Normal, DefaultScale, DefaultScale, DefaultScale), 205),
        ["LeCunUniform"] = C(s => new DefaultLeCunUniformNet(s), Chain(DefaultChain, Init.LeCunUniform), 206),
        ["LeCunNormal"] = C(s => new DefaultLeCunNormalNet(s), Chain(DefaultChain, Init.LeCunNormal), 207),
        ["GlorotUniform"] = C(s => new DefaultGlorotUniformNet(s), Chain(DefaultChain, Init.GlorotUniform), 208),
        ["GlorotNormal"] = C(s => new DefaultGlorotNormalNet(s), Chain(DefaultChain, Init.GlorotNormal), 209),
        ["HeUniform"] = C(s => new DefaultHeUniformNet(s), Chain(DefaultChain, Init.HeUniform), 210),
        ["HeNormal"] = C(s => new DefaultHeNormalNet(s), Chain(DefaultChain, Init.HeNormal), 211),
        // No Init stated anywhere: GlorotUniform.
        ["Unstated"] = C(s => new DefaultUnstatedNet(s), Chain(DefaultChain, Init.GlorotUniform), 212),
        // The network's HeNormal, the middle layer's own Uniform +-0.2.
        ["Overridden"] = C(s => new DefaultOverriddenNet(s), new Layer[] { new(16, 300, Init.HeNormal, 0f), new(300, 64, Init.Uniform, 0.2f), new(64, 64, Init.HeNormal, 0f) }, 213),
    };

    public static TheoryData<string> LayerLevelNames() => new(LayerLevel.Keys);

    public static TheoryData<string> NetworkLevelNames() => new(NetworkLevel.Keys);

    /// <summary>The statistical checks the two tables make (each at <see cref="SamplingBounds.Alpha"/>).</summary>
    public static int StatisticalCheckCount()
        => LayerLevel.Values.Concat(NetworkLevel.Values).SelectMany(c => c.Layers).Count(l => InitializerChecks.IsRandom(l.Init)) * InitializerChecks.ChecksPerRandomLayer;

    /// <summary>Each layer's weights and bias in <paramref name="parameters"/> (W[units][fanIn] then b[units], layer by layer).</summary>
    public static IEnumerable<(int Index, Layer Layer, float[] Weights, float[] Bias)> Split(Case c, float[] parameters)
    {
        int offset = 0;
        for (int l = 0; l < c.Layers.Count; l++)
        {
            Layer layer = c.Layers[l];
            float[] weights = parameters.AsSpan(offset, layer.FanIn * layer.Units).ToArray();
            offset += weights.Length;
            float[] bias = parameters.AsSpan(offset, layer.Units).ToArray();
            offset += bias.Length;
            yield return (l, layer, weights, bias);
        }
        Assert.Equal(parameters.Length, offset);
    }
}
