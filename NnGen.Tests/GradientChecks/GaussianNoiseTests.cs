using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// GaussianNoise (README: additive N(0, sd) noise in training calls, Keras' GaussianNoise): the identity in inference;
/// in training the noise, read from the gradients (<see cref="StochasticProbe"/>), has mean 0 and standard deviation
/// sd, changes every call and repeats with the seed. The statistical bounds are stated at each check; each fails for
/// a correct generator with probability below 1e-8 (the draws are seeded, so a passing test always passes).
/// </summary>
public sealed class GaussianNoiseTests
{
    public static TheoryData<string, string> Twins() => new()
    {
        { "NoiseProbe64", "Probe64Free" },
        { "HiddenNoise", "HiddenNoiseFree" },
        { "LoopNoise", "LoopNoiseFree" },
        { "WideNoise", "WideNoiseFree" },
    };

    /// <summary>As <see cref="DropoutTests.Inference_is_the_identity"/>: Predict and ComputeLoss equal the twin without noise.</summary>
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

        float[] y = new float[17 * free.Spec.OutputSize], yFree = new float[y.Length];
        net.Predict(data.Inputs, y);
        plain.Predict(data.Inputs, yFree);
        float loss = net.ComputeLoss(data.Inputs, data.Targets), lossFree = plain.ComputeLoss(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(free.Spec, data.P, data.X, LayeredMode.Inference, targets: data.T);
        ElementwiseAssert.Close($"{c} Predict vs the reference without noise", f.Outputs.Values(), y, j => LayeredTolerance.Float(f.Outputs[j]));
        ElementwiseAssert.Close($"{c} ComputeLoss vs the reference without noise", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        if (GeneratedShapes.Of(c.Type) == GeneratedShapes.Of(free.Type))
        {
            Assert.Equal(yFree, y);
            Assert.Equal(lossFree, loss);
        }
    }

    /// <summary>
    /// 500 calls of NoiseProbe64 (sd 0.5), N = 32,000 draws, read exactly (input 0, W = 0, target -1: the gradient is 2
    /// noise). Mean: the sample mean of N(0, sd^2) draws is N(0, sd^2 / N): |mean| &lt;= 6 sd / sqrt(N) fails with
    /// probability 2e-9. Variance: s^2 / sd^2 is chi-square(N - 1) / (N - 1), normal to a very good approximation at
    /// this N with standard deviation sqrt(2 / (N - 1)): |s^2 / sd^2 - 1| &lt;= 6 sqrt(2 / (N - 1)) (about 0.047),
    /// 2e-9. Shape: the fraction within one sd is 0.6827 and within 0.02 of it (Hoeffding 2 exp(-2 N 0.02^2) = 1.5e-11),
    /// which a uniform or two-point noise of the same variance would miss (0.577 and 0 or 1).
    /// </summary>
    [Fact]
    public void The_noise_has_mean_zero_and_the_declared_standard_deviation()
    {
        LayeredCase c = LayeredCatalog.Get("NoiseProbe64");
        const double sd = 0.5;
        Assert.Equal(sd, c.Spec.Layers[0].Rate);
        INetwork net = c.Create(seed: 5);
        double[] noise = Enumerable.Range(0, 500).SelectMany(_ => StochasticProbe.ReadNoise(c.Spec, net, 1).Values()).ToArray();
        int count = noise.Length;
        double mean = noise.Average(), variance = noise.Sum(v => (v - mean) * (v - mean)) / (count - 1);
        Assert.True(Math.Abs(mean) <= 6 * sd / Math.Sqrt(count), $"mean {mean:R}");
        Assert.True(Math.Abs(variance / (sd * sd) - 1) <= 6 * Math.Sqrt(2.0 / (count - 1)), $"standard deviation {Math.Sqrt(variance):R}");
        double withinOne = noise.Count(v => Math.Abs(v) < sd) / (double)count;
        Assert.InRange(withinOne, 0.6827 - 0.02, 0.6827 + 0.02);
    }

    /// <summary>
    /// Every sample and unit gets its own noise: 300 calls of HiddenNoise (sd 0.3) with 5 samples of 6 units
    /// (9,000 draws) have the declared standard deviation (as above, 6 sqrt(2 / (N - 1)) = 0.09, 2e-9), and within a
    /// call no two samples get the same noise vector and no two units the same noise column (a coincidence of 5 or 6
    /// independent continuous draws at float resolution, below 1e-30; a generator that reused one sample's or one
    /// unit's noise would repeat them exactly).
    /// </summary>
    [Fact]
    public void Every_sample_and_unit_gets_its_own_noise()
    {
        LayeredCase c = LayeredCatalog.Get("HiddenNoise");
        INetwork net = c.Create(seed: 6);
        const double sd = 0.3;
        int repeats = 0;
        var all = new System.Collections.Generic.List<double>();
        for (int call = 0; call < 300; call++)
        {
            double[] noise = StochasticProbe.ReadNoise(c.Spec, net, 5).Values();
            string[] rows = Enumerable.Range(0, 5).Select(s => string.Join(",", noise.Skip(s * 6).Take(6))).ToArray();
            string[] columns = Enumerable.Range(0, 6).Select(i => string.Join(",", Enumerable.Range(0, 5).Select(s => noise[s * 6 + i]))).ToArray();
            repeats += rows.Length - rows.Distinct().Count() + columns.Length - columns.Distinct().Count();
            all.AddRange(noise);
        }
        double mean = all.Average(), variance = all.Sum(v => (v - mean) * (v - mean)) / (all.Count - 1);
        Assert.True(Math.Abs(mean) <= 6 * sd / Math.Sqrt(all.Count), $"mean {mean:R}");
        Assert.True(Math.Abs(variance / (sd * sd) - 1) <= 6 * Math.Sqrt(2.0 / (all.Count - 1)), $"standard deviation {Math.Sqrt(variance):R}");
        Assert.Equal(0, repeats);
    }

    [Fact]
    public void The_noise_changes_every_call_and_repeats_with_the_seed()
    {
        LayeredCase c = LayeredCatalog.Get("NoiseProbe64");
        INetwork a = c.Create(seed: 9), b = c.Create(seed: 9), other = c.Create(seed: 10);
        double[]? previous = null;
        for (int call = 0; call < 5; call++)
        {
            double[] na = StochasticProbe.ReadNoise(c.Spec, a, 1).Values(), nb = StochasticProbe.ReadNoise(c.Spec, b, 1).Values();
            double[] no = StochasticProbe.ReadNoise(c.Spec, other, 1).Values();
            Assert.Equal(na, nb);
            Assert.NotEqual(na, no);
            if (previous is not null) Assert.NotEqual(previous, na);
            previous = na;
        }
    }

    /// <summary>HiddenNoise (6 units, a twin in unrolled code) up to its 5 outputs; WideNoise (33 units, loop code with vector kernels and a tail) up to 17.</summary>
    public static TheoryData<string, int> HiddenNoiseCases() => new()
    {
        { "HiddenNoise", 1 }, { "HiddenNoise", 2 }, { "HiddenNoise", 5 },
        { "WideNoise", 1 }, { "WideNoise", 2 }, { "WideNoise", 5 }, { "WideNoise", 17 },
    };

    /// <summary>
    /// Noise between hidden layers: a probe instance of the same class and seed reads the noise of the first training
    /// call (one sample per output, so up to as many samples as outputs); the network's own first call must return the
    /// reference's training loss with that noise added, and Gradients equal to central differences of it (the noise
    /// passes gradients through unchanged). The loss must differ from the noise-free one by far more than its
    /// tolerance, so that a network that added no noise fails.
    /// </summary>
    [Theory]
    [MemberData(nameof(HiddenNoiseCases))]
    public void Hidden_noise_gradients_match_central_differences_with_the_noise_read(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        int r = StochasticProbe.RandomLayer(c.Spec);
        Tracked[] noise = StochasticProbe.ReadNoise(c.Spec, c.Create(seed: 12), batch);
        var draws = new LayeredDraws(c.Spec).WithNoise(c.Spec, r, noise);

        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork net = c.Create(seed: 12);
        data.LoadInto(net);
        float loss = net.ComputeGradients(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, draws: draws, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(c.Spec, data.P, f, data.T, draws: draws);
        double[] numeric = LayeredReference.FiniteDifferenceGradient(c.Spec, data.P, data.X, data.T, LayeredMode.Training, draws: draws);
        LayeredForward clean = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Inference, targets: data.T);
        Assert.True(Math.Abs(clean.Loss.V - f.Loss.V) > 100 * LayeredTolerance.Loss(f.Loss), "The noise does not change the loss; the check would prove nothing.");
        ElementwiseAssert.Close($"{c} training loss with the read noise (batch {batch})", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        ElementwiseAssert.Close($"{c} Gradients with the read noise (batch {batch})", numeric, net.Gradients, j => LayeredTolerance.Gradient(analytic[j], f.Loss));
    }

    /// <summary>
    /// The noise is drawn per sample and unit in loop code too: 60 calls of WideNoise (sd 0.25) with 17 samples of 33
    /// units (33,660 draws) have the declared standard deviation (6 sqrt(2 / (N - 1)) = 0.046, 2e-9), and within a call no
    /// two samples share a noise vector (as in <see cref="Every_sample_and_unit_gets_its_own_noise"/>).
    /// </summary>
    [Fact]
    public void Wide_loop_noise_has_the_declared_standard_deviation_per_sample()
    {
        LayeredCase c = LayeredCatalog.Get("WideNoise");
        INetwork net = c.Create(seed: 13);
        const double sd = 0.25;
        Assert.Equal(sd, c.Spec.Layers[1].Rate);
        int repeats = 0;
        var all = new System.Collections.Generic.List<double>();
        for (int call = 0; call < 60; call++)
        {
            double[] noise = StochasticProbe.ReadNoise(c.Spec, net, 17).Values();
            string[] rows = Enumerable.Range(0, 17).Select(s => string.Join(",", noise.Skip(s * 33).Take(33))).ToArray();
            repeats += rows.Length - rows.Distinct().Count();
            all.AddRange(noise);
        }
        double mean = all.Average(), variance = all.Sum(v => (v - mean) * (v - mean)) / (all.Count - 1);
        Assert.True(Math.Abs(mean) <= 6 * sd / Math.Sqrt(all.Count), $"mean {mean:R}");
        Assert.True(Math.Abs(variance / (sd * sd) - 1) <= 6 * Math.Sqrt(2.0 / (all.Count - 1)), $"standard deviation {Math.Sqrt(variance):R}");
        Assert.Equal(0, repeats);
    }
}
