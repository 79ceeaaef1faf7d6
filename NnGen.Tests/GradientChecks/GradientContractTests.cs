using System;
using NnGen.Tests.GradientChecks.Networks;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>What ComputeGradients and TrainStep promise beyond the values: the loss they return, overwriting, the SGD step.</summary>
public sealed class GradientContractTests
{
    [Theory]
    [MemberData(nameof(NetworkCatalog.NamesAndBatchSizes), MemberType = typeof(NetworkCatalog))]
    public void ComputeGradients_returns_the_loss_ComputeLoss_returns(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        float loss = net.ComputeLoss(data.Inputs, data.Targets);
        float lossWithGradients = net.ComputeGradients(data.Inputs, data.Targets);

        // Same batch, same parameters, same definition: the same float, bit for bit.
        int ulps = Math.Abs(BitConverter.SingleToInt32Bits(loss) - BitConverter.SingleToInt32Bits(lossWithGradients));
        Assert.True(ulps == 0, $"{c}, batch {batch}: ComputeLoss returned {loss:R} but ComputeGradients returned {lossWithGradients:R} ({ulps} ulp apart).");
    }

    /// <summary>
    /// The smallest case of the above: 1 -> 1 identity, MSE, W = 1, b = 0, x = (0.5, 0.25, 0), t = 0. The loss is
    /// 0.3125 / 3 = 0.10416666..., whose nearest float is 0.104166664f (0.10416667f is twice as far).
    /// </summary>
    [Fact]
    public void ComputeGradients_returns_the_correctly_rounded_mean_like_ComputeLoss()
    {
        var net = new Width1Linear();
        net.Parameters[0] = 1f;
        net.Parameters[1] = 0f;
        float[] x = { 0.5f, 0.25f, 0f }, t = { 0f, 0f, 0f };

        Assert.Equal(0.104166664f, net.ComputeLoss(x, t));
        Assert.Equal(0.104166664f, net.ComputeGradients(x, t));
    }

    [Theory]
    [MemberData(nameof(NetworkCatalog.Names), MemberType = typeof(NetworkCatalog))]
    public void Gradients_are_overwritten_not_accumulated(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData first = CaseData.For(c, 5), second = CaseData.For(c, 2);

        INetwork fresh = c.Create();
        first.LoadInto(fresh);
        fresh.ComputeGradients(second.Inputs, second.Targets);
        float[] expected = (float[])fresh.Gradients.Clone();

        INetwork net = c.Create();
        first.LoadInto(net);
        Array.Fill(net.Gradients, float.NaN);
        net.ComputeGradients(first.Inputs, first.Targets);
        float[] afterFirst = (float[])net.Gradients.Clone();
        Assert.DoesNotContain(afterFirst, float.IsNaN);
        net.ComputeGradients(first.Inputs, first.Targets);
        Assert.Equal(afterFirst, net.Gradients); // a repeated call gives the same gradient, not twice it
        net.ComputeGradients(second.Inputs, second.Targets);
        Assert.Equal(expected, net.Gradients);   // another, smaller batch leaves nothing of the previous one

        CaseData third = CaseData.For(c, 17);
        INetwork other = c.Create();
        first.LoadInto(other);
        other.ComputeGradients(third.Inputs, third.Targets);
        net.ComputeGradients(third.Inputs, third.Targets);
        Assert.Equal(other.Gradients, net.Gradients); // nor does a larger one after it
    }

    [Theory]
    [MemberData(nameof(NetworkCatalog.Names), MemberType = typeof(NetworkCatalog))]
    public void TrainStep_with_Sgd_moves_parameters_by_minus_lr_times_the_gradient(string network)
    {
        const float learningRate = 0.05f;
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, 5);
        INetwork net = c.Create();
        data.LoadInto(net);
        float lossBefore = net.ComputeGradients(data.Inputs, data.Targets);
        float[] g = (float[])net.Gradients.Clone();
        float[] expected = new float[g.Length];
        for (int j = 0; j < g.Length; j++) expected[j] = data.Parameters[j] - learningRate * g[j];

        INetwork trained = c.Create();
        data.LoadInto(trained);
        float loss = trained.TrainStep(data.Inputs, data.Targets, new Sgd(learningRate));

        Assert.Equal(lossBefore, loss);       // the loss before the step, as ComputeGradients returns it
        Assert.Equal(g, trained.Gradients);   // the gradient the step used, at the old parameters
        Assert.Equal(expected, trained.Parameters);
    }
}
