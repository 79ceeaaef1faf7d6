using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>
/// Each generated constructor initializes every layer as its own <c>[Dense(..., Init = ..., InitScale = ...)]</c>
/// says (DESIGN.md's definitions, fanIn = the layer's inputs, fanOut = its units), over layers 784x128, 128x16,
/// 16x300, 300x64 and 64x64; biases start at exactly 0. Failure probability: <see cref="SamplingBounds"/>.
/// </summary>
public sealed class LayerInitTests
{
    [Theory]
    [MemberData(nameof(InitCases.LayerLevelNames), MemberType = typeof(InitCases))]
    public void Each_layer_follows_its_declared_Init(string name)
    {
        InitCases.Case c = InitCases.LayerLevel[name];
        INetwork network = c.Create(c.Seed);
        foreach ((int index, InitCases.Layer layer, float[] weights, _) in InitCases.Split(c, network.Parameters))
            InitializerChecks.Assert($"{name}, layer {index + 1}", weights, layer.Init, layer.FanIn, layer.Units, layer.Scale);
    }

    [Theory]
    [MemberData(nameof(InitCases.LayerLevelNames), MemberType = typeof(InitCases))]
    public void Biases_start_at_exactly_zero(string name)
    {
        InitCases.Case c = InitCases.LayerLevel[name];
        INetwork network = c.Create(c.Seed);
        foreach ((int index, _, _, float[] bias) in InitCases.Split(c, network.Parameters))
            for (int o = 0; o < bias.Length; o++)
                Assert.True(bias[o] == 0f && !float.IsNegative(bias[o]), $"{name}, layer {index + 1}: bias {o} is {bias[o]:R}");
    }
}
