using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Dropout (README: inverted dropout, nn.Dropout(p)): the identity in inference calls; in training calls each value is
/// zeroed with probability p and the rest multiplied by 1 / (1 - p), from the network's own seeded generator. The
/// masks are read from the gradients (<see cref="StochasticProbe"/>). The statistical bounds are Hoeffding's:
/// P(|mean of N Bernoulli draws - p| &gt;= eps) &lt;= 2 exp(-2 N eps^2); each is chosen so that a correct
/// implementation fails with probability below 1e-6 (stated at each check). The draws are deterministic (seeded), so
/// a test that passes once passes every time; the bound says how unlikely it was that a correct generator fails.
/// </summary>
public sealed class DropoutTests
{
    public static TheoryData<string, string> Twins() => new()
    {
        { "DropoutProbe64", "Probe64Free" },
        { "DropoutProbe64Rate075", "Probe64Free" },
        { "HiddenDropout", "HiddenDropoutFree" },
        { "DeepDropout", "DeepDropoutFree" },
        { "BnDropout", "BnDropoutFree" },
    };

    /// <summary>
    /// Predict and ComputeLoss equal the twin without dropout, same parameters, also right after a training call
    /// (which must not leave its mask behind): to the float bound of the reference's inference when the twin's code
    /// shape differs (the twin is unrolled), bit for bit when both are loops (dropout's inference is a copy).
    /// </summary>
    [Theory]
    [MemberData(nameof(Twins))]
    public void Inference_is_the_identity(string network, string twin)
    {
        LayeredCase c = LayeredCatalog.Get(network), free = LayeredCatalog.Get(twin);
        LayeredCaseData data = LayeredCaseData.For(free, 17);
        INetwork net = c.Create(), plain = free.Create();
        data.LoadInto(net);
        data.LoadInto(plain);
        net.ComputeGradients(data.Inputs, data.Targets);
        plain.ComputeGradients(data.Inputs, data.Targets);
        data.LoadInto(net); // the same parameters again (ComputeGradients leaves them, but make it plain)

        float[] y = new float[17 * free.Spec.OutputSize], yFree = new float[y.Length];
        net.Predict(data.Inputs, y);
        plain.Predict(data.Inputs, yFree);
        float loss = net.ComputeLoss(data.Inputs, data.Targets), lossFree = plain.ComputeLoss(data.Inputs, data.Targets);

        bool sameShape = GeneratedShapes.Of(c.Type) == GeneratedShapes.Of(free.Type);
        Assert.Equal(plain.State, net.State); // a BatchNorm below the dropout saw the same batch in both
        LayeredForward f = LayeredReference.Forward(free.Spec, data.P, data.X, LayeredMode.Inference, LayeredReference.ExactState(plain.State), targets: data.T);
        ElementwiseAssert.Close($"{c} Predict vs the reference without dropout", f.Outputs.Values(), y, j => LayeredTolerance.Float(f.Outputs[j]));
        ElementwiseAssert.Close($"{c} ComputeLoss vs the reference without dropout", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        if (sameShape)
        {
            Assert.Equal(yFree, y);
            Assert.Equal(lossFree, loss);
        }
    }

    /// <summary>
    /// Batch 1 through DropoutProbe64-like networks, input 1, W = 0, target -1: each weight gradient is exactly 2 m_i.
    /// Every multiplier is 0 or one value M, and M is 1 / (1 - p) to within one float ulp (the float nearest to it, or
    /// the next when 1 - p itself is rounded, as in PyTorch's float32 dropout).
    /// </summary>
    [Theory]
    [InlineData("DropoutProbe64", 0.3f)]
    [InlineData("DropoutProbe64Rate01", 0.1f)]
    [InlineData("DropoutProbe64Rate075", 0.75f)]
    [InlineData("DropoutProbe64Rate0", 0f)]
    public void Kept_values_are_scaled_by_one_over_one_minus_the_rate_and_dropped_ones_are_zero(string network, float rate)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        Assert.Equal(rate, (float)c.Spec.Layers[0].Rate);
        INetwork net = c.Create(seed: 1);
        var multipliers = new HashSet<float>();
        for (int call = 0; call < 50; call++)
        {
            (bool[] keep, float[] g) = StochasticProbe.ReadMasks(c.Spec, net, 1);
            for (int i = 0; i < g.Length; i++)
            {
                float m = g[i] / 2;
                Assert.True(keep[i] ? m != 0 : m == 0, $"{c}: multiplier {m:R} at {i}");
                if (m != 0) multipliers.Add(m);
            }
        }
        float scale = Assert.Single(multipliers);
        double exact = 1.0 / (1.0 - (double)rate);
        double ulp = MathF.BitIncrement(scale) - scale;
        Assert.True(Math.Abs(scale - exact) <= ulp, $"{c}: kept values are multiplied by {scale:R}, 1 / (1 - {rate:R}) is {exact:R}.");
        if (rate == 0f) Assert.Equal(1f, scale);
    }

    /// <summary>
    /// Over 1,000 calls of batch 1 (64,000 draws) the dropped fraction is within 0.015 of p (Hoeffding: a correct
    /// generator fails with probability below 2 exp(-28.8) = 6e-13); every input position within 0.1 of p over its
    /// 1,000 draws (64 * 2 exp(-20) = 3e-7); and no mask repeats the one before (each repeat has probability
    /// (p^2 + (1-p)^2)^64, below 1e-15 for p = 0.3).
    /// </summary>
    [Fact]
    public void The_dropped_fraction_is_the_rate_everywhere_and_masks_change_every_call()
    {
        LayeredCase c = LayeredCatalog.Get("DropoutProbe64");
        INetwork net = c.Create(seed: 2);
        const int calls = 1000;
        int[] dropped = new int[64];
        bool[]? previous = null;
        int repeats = 0;
        for (int call = 0; call < calls; call++)
        {
            bool[] keep = StochasticProbe.ReadMasks(c.Spec, net, 1).Keep;
            for (int i = 0; i < 64; i++) if (!keep[i]) dropped[i]++;
            if (previous is not null && previous.SequenceEqual(keep)) repeats++;
            previous = keep;
        }
        double fraction = dropped.Sum() / (64.0 * calls);
        Assert.InRange(fraction, 0.3 - 0.015, 0.3 + 0.015);
        foreach (int d in dropped) Assert.InRange(d / (double)calls, 0.3 - 0.1, 0.3 + 0.1);
        Assert.Equal(0, repeats);
    }

    /// <summary>
    /// Within a batch every sample gets its own mask: 200 calls of 5 samples, read through 16^-k-weighted targets. The
    /// dropped fraction is within 0.02 of p (64,000 draws: Hoeffding 2 exp(-51)), and samples of one call do not share
    /// their mask: two independent masks are equal with probability (p^2 + (1-p)^2)^64, 7e-16 for p = 0.3 and 9e-14
    /// for p = 0.75, so none of the 2,000 pairs may; for p = 0.1 it is 3.1e-6, an expected 0.006 pairs, and more than
    /// 3 has probability below 1e-10. A batch that reused one mask for all samples would share all 2,000.
    /// </summary>
    [Theory]
    [InlineData("DropoutProbe64", 0.3)]
    [InlineData("DropoutProbe64Rate01", 0.1)]
    [InlineData("DropoutProbe64Rate075", 0.75)]
    public void Every_sample_of_a_batch_gets_its_own_mask(string network, double rate)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        INetwork net = c.Create(seed: 4);
        const int calls = 200, n = 5;
        int dropped = 0, shared = 0;
        for (int call = 0; call < calls; call++)
        {
            bool[] keep = StochasticProbe.ReadMasks(c.Spec, net, n).Keep;
            dropped += keep.Count(k => !k);
            for (int s = 0; s < n; s++)
                for (int q = s + 1; q < n; q++)
                    if (keep.AsSpan(s * 64, 64).SequenceEqual(keep.AsSpan(q * 64, 64))) shared++;
        }
        Assert.InRange(dropped / (64.0 * n * calls), rate - 0.02, rate + 0.02);
        Assert.InRange(shared, 0, rate == 0.1 ? 3 : 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_masks_and_another_seed_others()
    {
        LayeredCase c = LayeredCatalog.Get("DropoutProbe64");
        INetwork a = c.Create(seed: 7), b = c.Create(seed: 7), other = c.Create(seed: 8);
        for (int call = 0; call < 5; call++)
        {
            bool[] ma = StochasticProbe.ReadMasks(c.Spec, a, 3).Keep, mb = StochasticProbe.ReadMasks(c.Spec, b, 3).Keep;
            bool[] mo = StochasticProbe.ReadMasks(c.Spec, other, 3).Keep;
            Assert.Equal(ma, mb);
            Assert.NotEqual(ma, mo);
        }
    }

    public static TheoryData<string, int> HiddenCases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { "HiddenDropout", "DeepDropout" })
            foreach (int n in new[] { 1, 2, 5, 17 }) data.Add(name, n);
        foreach (int n in new[] { 2, 5, 15 }) data.Add("BnDropout", n); // 3 outputs read up to 15 samples' masks
        return data;
    }

    /// <summary>
    /// Dropout between hidden layers: a probe instance of the same class and seed reads the masks of the first training
    /// call with this batch size; the network's own first call (its parameters, its batch) must then return the
    /// reference's training loss with those masks and Gradients equal to central differences of it.
    /// </summary>
    [Theory]
    [MemberData(nameof(HiddenCases))]
    public void Hidden_dropout_gradients_match_central_differences_through_the_mask(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        int r = StochasticProbe.RandomLayer(c.Spec);
        bool[] keep = StochasticProbe.ReadMasks(c.Spec, c.Create(seed: 11), batch).Keep;
        var draws = new LayeredDraws(c.Spec).WithMask(c.Spec, r, keep);

        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork net = c.Create(seed: 11);
        data.LoadInto(net);
        float loss = net.ComputeGradients(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, draws: draws, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(c.Spec, data.P, f, data.T, draws: draws);
        double[] numeric = LayeredReference.FiniteDifferenceGradient(c.Spec, data.P, data.X, data.T, LayeredMode.Training, draws: draws);
        ElementwiseAssert.Close($"{c} training loss with the read mask (batch {batch})", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        ElementwiseAssert.Close($"{c} Gradients with the read mask (batch {batch})", numeric, net.Gradients, j => LayeredTolerance.Gradient(analytic[j], f.Loss));
    }
}
