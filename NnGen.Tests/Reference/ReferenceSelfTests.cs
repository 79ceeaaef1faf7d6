using System;
using System.Linq;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Reference;

/// <summary>The reference itself: known values of the losses and activations, and its gradients against its own finite differences.</summary>
public sealed class ReferenceSelfTests
{
    [Fact]
    public void Mse_and_Mae_are_means_over_all_elements()
    {
        Assert.Equal(2.5, ReferenceLosses.MeanSquaredError(new[] { 1.0, 2.0 }, new[] { 0.0, 0.0 }));
        Assert.Equal(1.5, ReferenceLosses.MeanAbsoluteError(new[] { 1.0, -2.0 }, new[] { 0.0, 0.0 }));
    }

    [Fact]
    public void Bce_with_logits_is_the_binary_cross_entropy_of_the_sigmoid_and_stable()
    {
        double z = 1.3, t = 0.3, sigmoid = 1 / (1 + Math.Exp(-z));
        Assert.Equal(-(t * Math.Log(sigmoid) + (1 - t) * Math.Log(1 - sigmoid)), ReferenceLosses.BinaryCrossEntropyWithLogit(z, t), 14);
        Assert.Equal(Math.Log(2), ReferenceLosses.BinaryCrossEntropyWithLogit(0, 0.7), 15);
        Assert.Equal(0.0, ReferenceLosses.BinaryCrossEntropyWithLogit(800, 1), 15);
        Assert.Equal(800.0, ReferenceLosses.BinaryCrossEntropyWithLogit(800, 0), 12);
        Assert.Equal(800.0, ReferenceLosses.BinaryCrossEntropyWithLogit(-800, 1), 12);
        Assert.Equal(Math.Exp(-40), ReferenceLosses.BinaryCrossEntropyWithLogit(40, 1), Math.Exp(-40) * 1e-14); // log1p, not log(1 + tiny)
    }

    [Fact]
    public void Cce_takes_probability_targets_unnormalized_and_is_stable()
    {
        // -sum_k t_k log softmax(z)_k with t = (1, 1), z = (0, 0): 2 log 2 (PyTorch does not normalize the targets).
        Assert.Equal(2 * Math.Log(2), ReferenceLosses.CrossEntropy(new[] { 0.0, 0.0 }, new[] { 1.0, 1.0 }, 2), 15);
        Assert.Equal(1000.0, ReferenceLosses.CrossEntropy(new[] { 1000.0, 0.0 }, new[] { 0.0, 1.0 }, 2), 12);
        // mean over rows, not over elements
        Assert.Equal(Math.Log(2) / 2, ReferenceLosses.CrossEntropy(new[] { 0.0, 0.0, 5.0, 5.0 }, new[] { 1.0, 0.0, 0.0, 0.0 }, 2), 15);
    }

    [Fact]
    public void Row_sums_over_the_count_are_the_losses()
    {
        var random = new DeterministicRandom(7);
        double[] z = Enumerable.Range(0, 12).Select(_ => random.Symmetric(3)).ToArray();
        double[] y = z.Select(ReferenceActivations.Sigmoid).ToArray();
        double[] t = Enumerable.Range(0, 12).Select(_ => random.NextDouble()).ToArray();
        foreach (Loss loss in Enum.GetValues<Loss>())
        {
            double sum = 0;
            for (int s = 0; s < 4; s++) sum += ReferenceLosses.RowSum(loss, z.AsSpan(s * 3, 3), y.AsSpan(s * 3, 3), t.AsSpan(s * 3, 3));
            Assert.Equal(ReferenceLosses.Of(loss, z, y, t, 3), sum / ReferenceLosses.Count(loss, 4, 3), 14);
        }
    }

    [Fact]
    public void Activations_have_PyTorchs_values_and_kink_conventions()
    {
        // torch.selu(torch.tensor([1., -1.], dtype=torch.float64)) = [1.0507009873554805, -1.1113307378125625]
        Assert.Equal(1.0507009873554805, ReferenceActivations.Apply(Activation.SELU, double.NaN, 1), 15);
        Assert.Equal(-1.1113307378125625, ReferenceActivations.Apply(Activation.SELU, double.NaN, -1), 15);
        Assert.Equal(0.5 * (Math.Exp(-1) - 1), ReferenceActivations.Apply(Activation.ELU, 0.5, -1), 15);
        Assert.Equal(-0.02, ReferenceActivations.Apply(Activation.LeakyReLU, 0.01, -2), 15);
        Assert.Equal(0.0, ReferenceActivations.Derivative(Activation.ReLU, double.NaN, 0));
        Assert.Equal(0.01, ReferenceActivations.Derivative(Activation.LeakyReLU, 0.01, 0));
        Assert.Equal(0.5, ReferenceActivations.Derivative(Activation.ELU, 0.5, 0));
        Assert.Equal(1e-10 + 0.5e-20, ReferenceActivations.ExpM1(1e-10), 1e-10 * 1e-15);
        Assert.Equal(1e-12 - 0.5e-24, ReferenceActivations.Log1P(1e-12), 1e-12 * 1e-15);
    }

    [Theory]
    [InlineData(Activation.Identity)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.LeakyReLU)]
    [InlineData(Activation.ELU)]
    [InlineData(Activation.SELU)]
    public void Activation_derivatives_match_finite_differences(Activation activation)
    {
        double alpha = NetworkSpec.ResolveAlpha(activation, 0.3);
        foreach (double z in new[] { -2.5, -0.4, 0.3, 1.7 })
        {
            double numeric = FiniteDifferences.Gradient(v => ReferenceActivations.Apply(activation, alpha, v[0]), new[] { z })[0];
            Assert.Equal(ReferenceActivations.Derivative(activation, alpha, z), numeric, 9);
        }
    }

    [Fact]
    public void The_stencil_differentiates_a_known_function()
    {
        double[] p = { 0.7, -1.3, 0.4 };
        double[] numeric = FiniteDifferences.Gradient(v => v[0] * v[0] * v[0] * v[1] + Math.Sin(v[2]) * v[0], p);
        double[] exact = { 3 * p[0] * p[0] * p[1] + Math.Sin(p[2]), p[0] * p[0] * p[0], Math.Cos(p[2]) * p[0] };
        for (int j = 0; j < p.Length; j++) Assert.Equal(exact[j], numeric[j], 10);
    }

    [Fact]
    public void The_stencil_refuses_to_straddle_a_kink()
    {
        var spec = new NetworkSpec(1, Loss.MeanSquaredError, new[] { new LayerSpec(1, Activation.ReLU, double.NaN) });
        // z = w x + b = 1 * 1 + (-1 + 1e-6): 1e-6 from the kink, inside the stencil's reach of 2e-5.
        Assert.Throws<InvalidOperationException>(() => FiniteDifferences.Gradient(spec, new[] { 1.0, -1 + 1e-6 }, new[] { 1.0 }, new[] { 0.5 }));
    }

    /// <summary>The cached evaluation inside <see cref="FiniteDifferences"/> against differences of the reference loss itself.</summary>
    [Theory]
    [InlineData("DeepUnrolledCce", 5)]
    [InlineData("DeepUnrolledBce", 2)]
    [InlineData("DeepUnrolledMae", 5)]
    [InlineData("DeepUnrolledMseSoftmax", 3)]
    [InlineData("UnrolledSELUMse", 2)]
    public void Finite_differences_equal_those_of_the_reference_loss_recomputed_in_full(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        double[] x = data.X, t = data.T;
        double[] plain = FiniteDifferences.Gradient(p => ReferenceNetwork.ComputeLoss(c.Spec, p, x, t), data.P);
        double[] cached = FiniteDifferences.Gradient(c.Spec, data.P, x, t);
        double scale = ReferenceNetwork.Evaluate(c.Spec, data.P, x, t).LossScale;
        for (int j = 0; j < plain.Length; j++)
            Assert.True(Math.Abs(plain[j] - cached[j]) <= FloatTolerance.FiniteDifferenceError(scale), $"{network} [{j}]: {plain[j]:R} vs {cached[j]:R}");
    }

    /// <summary>The reference's analytic backward pass (which also yields the tolerance scales) against finite differences, in double.</summary>
    [Theory]
    [MemberData(nameof(NetworkCatalog.Names), MemberType = typeof(NetworkCatalog))]
    public void Analytic_reference_gradient_matches_finite_differences(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, 5);
        GradientResult analytic = ReferenceGradient.Compute(c.Spec, data.P, data.X, data.T);
        double[] numeric = data.NumericGradient;
        for (int j = 0; j < numeric.Length; j++)
        {
            double allowed = FloatTolerance.FiniteDifferenceError(analytic.LossScale) + 1e-12 * analytic.GradientScale[j];
            Assert.True(Math.Abs(analytic.Gradient[j] - numeric[j]) <= allowed,
                $"{c} [{j}]: analytic {analytic.Gradient[j]:R}, numeric {numeric[j]:R}, allowed {allowed:E2}");
            Assert.True(analytic.GradientScale[j] >= Math.Abs(analytic.Gradient[j]) * (1 - 1e-12), $"{c} [{j}]: the error scale is below the value it bounds.");
        }
    }
}
