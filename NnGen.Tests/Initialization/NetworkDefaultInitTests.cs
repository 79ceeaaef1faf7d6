using Xunit;

namespace NnGen.Tests.Initialization;

/// <summary>
/// <c>[Network(..., Init = ...)]</c> reaches every layer that declares no Init of its own (Uniform and Normal at the
/// default scale 0.05; no Init at all means GlorotUniform), and a layer's own Init overrides it, over layers 16x300,
/// 300x64 and 64x64; biases start at exactly 0. Failure probability: <see cref="SamplingBounds"/>.
/// </summary>
public sealed class NetworkDefaultInitTests
{
    [Theory]
    [MemberData(nameof(InitCases.NetworkLevelNames), MemberType = typeof(InitCases))]
    public void Each_layer_follows_the_network_s_Init(string name)
    {
        InitCases.Case c = InitCases.NetworkLevel[name];
        INetwork network = c.Create(c.Seed);
        foreach ((int index, InitCases.Layer layer, float[] weights, _) in InitCases.Split(c, network.Parameters))
            InitializerChecks.Assert($"{name}, layer {index + 1}", weights, layer.Init, layer.FanIn, layer.Units, layer.Scale);
    }

    [Theory]
    [MemberData(nameof(InitCases.NetworkLevelNames), MemberType = typeof(InitCases))]
    public void Biases_start_at_exactly_zero(string name)
    {
        InitCases.Case c = InitCases.NetworkLevel[name];
        INetwork network = c.Create(c.Seed);
        foreach ((int index, _, _, float[] bias) in InitCases.Split(c, network.Parameters))
            for (int o = 0; o < bias.Length; o++)
                Assert.True(bias[o] == 0f && !float.IsNegative(bias[o]), $"{name}, layer {index + 1}: bias {o} is {bias[o]:R}");
    }
}
