using System;
using System.Linq;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Reference;

/// <summary>
/// The layered reference itself: the declarations read as written, known values of BatchNorm, LayerNorm and the
/// penalty, its analytic gradients against its own central differences, and its tolerances tight enough that
/// deliberately wrong definitions (<see cref="LayeredMutation"/>) fall outside them.
/// </summary>
public sealed class LayeredReferenceSelfTests
{
    [Fact]
    public void Declarations_read_in_order_with_every_option()
    {
        Assert.Equal("5 -> Dense(7) -> BatchNorm(7 Tanh momentum 0.10000000149011612 eps 9.999999747378752E-06) -> Dense(33)"
            + " -> LayerNorm(33 ReLU eps 9.999999747378752E-06) -> Dense(7 Sigmoid) -> BatchNorm(7 momentum 0.10000000149011612 eps 9.999999747378752E-06)"
            + " -> Dense(3), MeanSquaredError", LayeredCatalog.Get("DeepMix").Spec.ToString());
        Assert.Equal("4 -> Dense(7 Tanh) -> BatchNorm(7 LeakyReLU 0.20000000298023224 momentum 0.30000001192092896 eps 0.0010000000474974513)"
            + " -> Dense(3), MeanAbsoluteError", LayeredCatalog.Get("BnLeaky7Mae").Spec.ToString());
        Assert.Equal("3 -> Dense(5 Tanh) -> Dropout(0.5) -> Dense(4), MeanSquaredError", LayeredCatalog.Get("HiddenDropout").Spec.ToString());
        Assert.Equal("3 -> Dense(6 Tanh) -> GaussianNoise(0.30000001192092896) -> Dense(5), MeanSquaredError", LayeredCatalog.Get("HiddenNoise").Spec.ToString());
    }

    /// <summary>The generated constants agree with the reference's reading of every declared network.</summary>
    [Theory]
    [MemberData(nameof(LayeredCatalog.AllNames), MemberType = typeof(LayeredCatalog))]
    public void Reference_reads_the_declared_shape_as_the_generator_did(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        INetwork net = c.Create();
        Assert.Equal(c.Spec.InputSize, net.InputSize);
        Assert.Equal(c.Spec.OutputSize, net.OutputSize);
        Assert.Equal(c.Spec.ParameterCount, net.ParameterCount);
        Assert.Equal(c.Spec.ParameterCount, net.Parameters.Length);
        Assert.Equal(c.Spec.StateCount, net.State.Length);
        Assert.Equal(c.Spec.InitialState().Select(v => (float)v), net.State);
        // README: gamma starts at 1 and beta at 0
        for (int l = 0; l < c.Spec.Layers.Count; l++)
        {
            if (c.Spec.Layers[l].Kind is not (LayeredKind.BatchNorm or LayeredKind.LayerNorm)) continue;
            Assert.All(net.Parameters.AsSpan(c.Spec.WeightOffset(l), c.Spec.Layers[l].Units).ToArray(), g => Assert.Equal(1f, g));
            Assert.All(net.Parameters.AsSpan(c.Spec.BiasOffset(l), c.Spec.Layers[l].Units).ToArray(), b => Assert.Equal(0f, b));
        }
    }

    /// <summary>
    /// [Input(1)] [BatchNorm] [Dense(1)], gamma 2, beta 0.5, W 1, b 0, x = (1, 2, 4): mean 7/3, biased variance 14/9,
    /// unbiased 7/3; y = 2 (x - 7/3) / sqrt(14/9 + eps) + 0.5. Inference with running mean 1 and variance 4:
    /// 2 (x - 1) / sqrt(4 + eps) + 0.5. Running statistics from (0, 1) with momentum 0.1: (0.7/3, 0.9 + 0.7/3).
    /// </summary>
    [Fact]
    public void BatchNorm_has_its_definition()
    {
        const double eps = 1e-5f, momentum = 0.1f;
        var spec = new LayeredSpec(1, Loss.MeanSquaredError, new[]
        {
            new LayeredLayer(LayeredKind.BatchNorm, 1, Activation.Identity, double.NaN, Momentum: momentum, Epsilon: eps),
            LayeredLayer.Dense(1),
        });
        double[] p = { 2, 0.5, 1, 0 }, x = { 1, 2, 4 };
        LayeredForward train = LayeredReference.Forward(spec, p, x, LayeredMode.Training);
        for (int s = 0; s < 3; s++) Assert.Equal(2 * (x[s] - 7.0 / 3) / Math.Sqrt(14.0 / 9 + eps) + 0.5, train.Outputs[s].V, 14);
        Tracked[] state = LayeredReference.UpdatedState(spec, train, LayeredReference.ExactState(spec.InitialState()));
        Assert.Equal(momentum * 7 / 3, state[0].V, 15);
        Assert.Equal(1 - momentum + momentum * 7 / 3, state[1].V, 15);
        LayeredForward inference = LayeredReference.Forward(spec, p, x, LayeredMode.Inference, LayeredReference.ExactState(new[] { 1.0, 4.0 }));
        for (int s = 0; s < 3; s++) Assert.Equal(2 * (x[s] - 1) / Math.Sqrt(4 + eps) + 0.5, inference.Outputs[s].V, 14);
    }

    /// <summary>
    /// [Input(3)] [LayerNorm] [Dense(1)] with gamma (1, -2, 0.5), beta (0, 0.25, 0), W (1, 1, 1): the sample (1, 2, 4)
    /// normalizes as above, in both modes; over one feature xhat is 0 and the output beta.
    /// </summary>
    [Fact]
    public void LayerNorm_has_its_definition()
    {
        const double eps = 1e-5f;
        var spec = new LayeredSpec(3, Loss.MeanSquaredError, new[] { new LayeredLayer(LayeredKind.LayerNorm, 3, Activation.Identity, double.NaN, Epsilon: eps), LayeredLayer.Dense(1) });
        double[] p = { 1, -2, 0.5, 0, 0.25, 0, 1, 1, 1, 0 }, x = { 1, 2, 4 };
        double inv = 1 / Math.Sqrt(14.0 / 9 + eps);
        double expected = 1 * (1 - 7.0 / 3) * inv - 2 * (2 - 7.0 / 3) * inv + 0.25 + 0.5 * (4 - 7.0 / 3) * inv;
        Assert.Equal(expected, LayeredReference.Forward(spec, p, x, LayeredMode.Training).Outputs[0].V, 14);
        Assert.Equal(expected, LayeredReference.Forward(spec, p, x, LayeredMode.Inference).Outputs[0].V, 14);

        var one = new LayeredSpec(1, Loss.MeanSquaredError, new[] { new LayeredLayer(LayeredKind.LayerNorm, 1, Activation.Identity, double.NaN, Epsilon: eps), LayeredLayer.Dense(1) });
        LayeredForward f = LayeredReference.Forward(one, new[] { 3.0, 0.75, 1, 0 }, new[] { 5.0, -7.0 }, LayeredMode.Training);
        Assert.Equal(new[] { 0.75, 0.75 }, f.Outputs.Values());
    }

    /// <summary>
    /// 2 -> Dense(2, L1 0.5, L2 0.25) -> Dense(1, L2 2), inputs 0, target 0: the hidden layer is its bias (10, 20), the
    /// output 0.5 * 10 - 0.25 * 20 + 30 = 30, the MSE 900 with dL/dy = 60. Penalty 0.5 * (1 + 2 + 3 + 4) + 0.25 * (1 + 4
    /// + 9 + 16) + 2 * (0.25 + 0.0625) = 13.125; gradients: W1 only the penalty's, L1 sign(w) + 2 L2 w; W2 60 * hidden plus
    /// 2 * 2 * w; biases none of it.
    /// </summary>
    [Fact]
    public void The_penalty_is_its_definition_per_layer()
    {
        var spec = new LayeredSpec(2, Loss.MeanSquaredError, new[] { LayeredLayer.Dense(2, l1: 0.5, l2: 0.25), LayeredLayer.Dense(1, l2: 2) });
        double[] p = { 1, -2, 3, -4, 10, 20, 0.5, -0.25, 30 };
        Assert.Equal(13.125, LayeredReference.Penalty(spec, p).V, 14);
        LayeredForward f = LayeredReference.Forward(spec, p, new[] { 0.0, 0.0 }, LayeredMode.Training, targets: new[] { 0.0 });
        Assert.Equal(900 + 13.125, f.Loss.V, 12);
        double[] g = LayeredReference.Gradient(spec, p, f, new[] { 0.0 }).Values();
        Assert.Equal(new[] { 1.0, -1.5, 2.0, -2.5, 0.5 * 60, -0.25 * 60, 600 + 2.0, 1200 - 1.0, 60 }, g);
    }

    /// <summary>The reference's analytic gradients (which also give the tolerances) against its central differences, in double.</summary>
    [Theory]
    [MemberData(nameof(LayeredCatalog.NormalizedNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Analytic_gradient_matches_central_differences(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(c.Spec, data.P, f, data.T);
        double[] numeric = data.NumericGradient;
        for (int j = 0; j < numeric.Length; j++)
        {
            double allowed = LayeredTolerance.FiniteDifference(f.Loss) + LayeredTolerance.Double(analytic[j]);
            Assert.True(Math.Abs(analytic[j].V - numeric[j]) <= allowed, $"{c} [{j}]: analytic {analytic[j].V:R}, numeric {numeric[j]:R}, allowed {allowed:E2}");
        }
    }

    /// <summary>
    /// Each deliberately wrong definition moves the training loss or some gradient element by more than the float
    /// tolerance the checks allow (at batch 5): the checks would catch a generator that made that mistake. Putting
    /// epsilon outside the square root changes xhat by about eps / (2 var) relative, which only the networks with
    /// Epsilon = 1e-3 make larger than float's resolution.
    /// </summary>
    [Theory]
    [MemberData(nameof(LayeredCatalog.NormalizedNames), MemberType = typeof(LayeredCatalog))]
    public void Wrong_definitions_fall_outside_the_tolerances(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, 5);
        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, targets: data.T);
        Tracked[] g = LayeredReference.Gradient(c.Spec, data.P, f, data.T);
        bool NoticedBy(LayeredMutation mutation)
        {
            LayeredForward m = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, targets: data.T, mutation: mutation);
            Tracked[] gm = LayeredReference.Gradient(c.Spec, data.P, m, data.T, mutation);
            return Math.Abs(m.Loss.V - f.Loss.V) > LayeredTolerance.Loss(f.Loss)
                   || Enumerable.Range(0, g.Length).Any(j => Math.Abs(gm[j].V - g[j].V) > LayeredTolerance.Float(g[j]));
        }

        // (over one feature LayerNorm's xhat is 0 whatever the variance)
        if (c.Spec.Layers.Any(l => l.Kind == LayeredKind.BatchNorm || (l.Kind == LayeredKind.LayerNorm && l.Units > 1)))
            Assert.True(NoticedBy(LayeredMutation.UnbiasedNormalization), $"{c}: normalizing with the unbiased variance goes unnoticed.");
        bool hasParametersBelowANorm = Enumerable.Range(1, c.Spec.Layers.Count - 1)
            .Any(l => c.Spec.Layers[l].Kind is LayeredKind.BatchNorm or LayeredKind.LayerNorm && c.Spec.Layers[l].Units > 1
                      && Enumerable.Range(0, l).Any(k => c.Spec.Layers[k].HasParameters));
        if (hasParametersBelowANorm)
            Assert.True(NoticedBy(LayeredMutation.StatisticsAsConstants), $"{c}: a backward pass that ignores the statistics goes unnoticed.");
        if (c.Spec.Layers.Any(l => l.Epsilon >= 1e-3))
            Assert.True(NoticedBy(LayeredMutation.EpsilonOutsideSqrt), $"{c}: epsilon outside the square root goes unnoticed.");
    }
}
