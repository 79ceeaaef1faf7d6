using System;
using System.Linq;
using Xunit;

namespace NnGen.Tests.Weights;

/// <summary>
/// A network built with Fixtures/tiny.nngen in its binary: <c>new N()</c> is the file's network, bit for bit, without
/// reading it; <c>new N(seed)</c> is the fresh initialization a network declared without Weights gets from that seed.
/// </summary>
public sealed class EmbeddedWeightsTests
{
    private static readonly float[] Inputs = { 0.5f, -1f, 0.25f, 1f, 0.75f, -0.5f, -0.25f, 0f, 2f, 1.5f, -1.5f, 0.125f };
    private static readonly float[] Targets = { 1f, 0f, 0f, 1f, 0.5f, 0.5f, -1f, 1f };

    private static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();

    [Fact]
    public void New_without_a_seed_holds_the_files_parameters_and_state()
    {
        var embedded = new EmbeddedTinyNet();
        var loaded = new EmbeddedTinyNet(1);
        loaded.LoadFrom(WeightsFixture.FullPath());

        Assert.Equal(Bits(loaded.Parameters), Bits(embedded.Parameters));
        Assert.Equal(Bits(loaded.State), Bits(embedded.State));
        Assert.Equal(Enumerable.Range(0, EmbeddedTinyNet.ParameterCount).Select(i => BitConverter.SingleToUInt32Bits(WeightsFixture.Parameter(i))), Bits(embedded.Parameters));
        Assert.NotEqual(Bits(new EmbeddedTinyNet(1).Parameters), Bits(embedded.Parameters));
    }

    [Fact]
    public void New_without_a_seed_predicts_and_trains_as_the_loaded_file_with_seed_0()
    {
        var embedded = new EmbeddedTinyNet();
        PlainTinyNet loaded = PlainTinyNet.Load(WeightsFixture.FullPath());
        var expected = new float[8];
        var actual = new float[8];
        loaded.Predict(Inputs, expected);
        embedded.Predict(Inputs, actual);
        Assert.Equal(Bits(expected), Bits(actual));

        // dropout draws from seed 0's sequence, as in new PlainTinyNet() (seed 0) loaded from the file
        for (int step = 0; step < 3; step++)
            Assert.Equal(BitConverter.SingleToUInt32Bits(loaded.TrainStep(Inputs, Targets, new Sgd(0.1f))), BitConverter.SingleToUInt32Bits(embedded.TrainStep(Inputs, Targets, new Sgd(0.1f))));
        Assert.Equal(Bits(loaded.Parameters), Bits(embedded.Parameters));
        Assert.Equal(Bits(loaded.State), Bits(embedded.State));
    }

    [Fact]
    public void A_seed_gives_the_fresh_initialization_of_a_network_without_weights()
    {
        var embedded = new EmbeddedTinyNet(5);
        var plain = new PlainTinyNet(5);

        Assert.Equal(Bits(plain.Parameters), Bits(embedded.Parameters));
        Assert.Equal(Bits(plain.State), Bits(embedded.State));
        for (int step = 0; step < 3; step++)
            Assert.Equal(BitConverter.SingleToUInt32Bits(plain.TrainStep(Inputs, Targets, new Sgd(0.1f))), BitConverter.SingleToUInt32Bits(embedded.TrainStep(Inputs, Targets, new Sgd(0.1f))));
        Assert.Equal(Bits(plain.Parameters), Bits(embedded.Parameters));
    }

    [Fact]
    public void Both_networks_share_the_files_signature_and_Load_starts_from_the_file()
    {
        Assert.Equal(PlainTinyNet.ModelSignature, EmbeddedTinyNet.ModelSignature);
        EmbeddedTinyNet reloaded = EmbeddedTinyNet.Load(WeightsFixture.FullPath());
        Assert.Equal(Bits(new EmbeddedTinyNet().Parameters), Bits(reloaded.Parameters));
    }
}
