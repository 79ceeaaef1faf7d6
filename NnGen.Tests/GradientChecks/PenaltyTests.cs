using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The L1/L2 penalty (README: L1 * sum |w| + L2 * sum w^2 over dense weights, each layer's L1/L2 its own if it
/// wrote them, else the network's; added to ComputeLoss and ComputeGradients, with L1 sign(w) + 2 L2 w added to the
/// weights' gradient). Each penalized network has a twin "...Free" of the same shape without penalty: for the same
/// parameters the twins differ by exactly the penalty. The drawn weights of L1 layers stay 0.05 from 0 (sign(w) is a
/// kink).
/// </summary>
public sealed class PenaltyTests
{
    [Theory]
    [MemberData(nameof(LayeredCatalog.PenalizedNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Penalized_gradients_match_central_differences_of_the_penalized_loss(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        float loss = net.ComputeGradients(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(c.Spec, data.P, f, data.T);
        Assert.True(f.Penalty.V > 1e-3 * f.Loss.V, $"{c}: the penalty is too small to matter here.");
        ElementwiseAssert.Close($"{c} training loss with penalty (batch {batch})", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        ElementwiseAssert.Close($"{c} Gradients with penalty (batch {batch})", data.NumericGradient, net.Gradients, j => LayeredTolerance.Gradient(analytic[j], f.Loss));
    }

    [Theory]
    [MemberData(nameof(LayeredCatalog.PenalizedNames), MemberType = typeof(LayeredCatalog))]
    public void ComputeLoss_is_the_inference_loss_plus_the_penalty(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, 5);
        INetwork net = c.Create();
        data.LoadInto(net);
        Tracked[] state = LayeredReference.ExactState(net.State);

        float loss = net.ComputeLoss(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Inference, state, targets: data.T);
        ElementwiseAssert.Close($"{c} ComputeLoss with penalty", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
    }

    /// <summary>
    /// Against the twin without penalty, same parameters and batch: the losses differ by the penalty (each float loss
    /// within its bound, so the difference within the sum of both), the weights' gradients by L1 sign(w) + 2 L2 w
    /// (the penalized float gradient is the free one plus the penalty's gradient, rounded: a few ulps of both), and
    /// every other gradient (biases, gamma, beta) not at all: the same computation, bit for bit.
    /// </summary>
    [Theory]
    [MemberData(nameof(LayeredCatalog.PenalizedWithTwinNames), MemberType = typeof(LayeredCatalog))]
    public void The_penalty_and_its_gradient_are_the_difference_to_the_free_twin(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network), free = LayeredCatalog.Get(network + "Free");
        Assert.Equal(c.Spec.ParameterCount, free.Spec.ParameterCount);
        Assert.False(free.Spec.HasPenalty);
        LayeredCaseData data = LayeredCaseData.For(c, 5);
        INetwork penalized = c.Create(), plain = free.Create();
        data.LoadInto(penalized);
        data.LoadInto(plain);
        Tracked penalty = LayeredReference.Penalty(c.Spec, data.P);

        LayeredForward inference = LayeredReference.Forward(free.Spec, data.P, data.X, LayeredMode.Inference,
            LayeredReference.ExactState(plain.State), targets: data.T);
        double lossDifference = (double)penalized.ComputeLoss(data.Inputs, data.Targets) - plain.ComputeLoss(data.Inputs, data.Targets);
        Assert.True(Math.Abs(lossDifference - penalty.V) <= 2 * LayeredTolerance.Loss(inference.Loss + penalty),
            $"{c}: ComputeLoss differs from the free twin's by {lossDifference:R}, the penalty is {penalty.V:R}.");

        LayeredForward training = LayeredReference.Forward(free.Spec, data.P, data.X, LayeredMode.Training, targets: data.T);
        double trainingDifference = (double)penalized.ComputeGradients(data.Inputs, data.Targets) - plain.ComputeGradients(data.Inputs, data.Targets);
        Assert.True(Math.Abs(trainingDifference - penalty.V) <= 2 * LayeredTolerance.Loss(training.Loss + penalty),
            $"{c}: ComputeGradients' loss differs from the free twin's by {trainingDifference:R}, the penalty is {penalty.V:R}.");

        double[] expected = new double[c.Spec.ParameterCount];
        bool[] penalizedWeight = new bool[c.Spec.ParameterCount];
        for (int l = 0; l < c.Spec.Layers.Count; l++)
        {
            LayeredLayer layer = c.Spec.Layers[l];
            if (layer.Kind != LayeredKind.Dense) continue;
            for (int j = c.Spec.WeightOffset(l); j < c.Spec.BiasOffset(l); j++)
            {
                expected[j] = layer.L1 * Math.Sign(data.P[j]) + 2 * layer.L2 * data.P[j];
                penalizedWeight[j] = true;
            }
        }
        double[] difference = penalized.Gradients.Zip(plain.Gradients, (a, b) => (double)a - b).ToArray();
        ElementwiseAssert.Close($"{c} Gradients minus the free twin's", expected,
            difference.Select(v => (float)v).ToArray(),
            j => penalizedWeight[j] ? 4 * Tracked.FloatUnit * (Math.Abs(penalized.Gradients[j]) + Math.Abs(plain.Gradients[j]) + Math.Abs(expected[j])) : 0);
    }

    /// <summary>What the declarations resolve to (README: a [Dense]'s L1 or L2 overrides the network's, each on its own).</summary>
    [Fact]
    public void Per_layer_options_override_the_network_one_by_one()
    {
        LayeredSpec spec = LayeredCatalog.Get("PenaltyLoopOverrides").Spec;
        Assert.Equal(new[] { (0.003f, 0.05f), (0f, 0.001f), (0.003f, 0.001f) },
            spec.Layers.Select(l => ((float)l.L1, (float)l.L2)));
        spec = LayeredCatalog.Get("PenaltyPerLayer").Spec;
        Assert.Equal(new[] { (0.02f, 0f), (0f, 0f), (0f, 0.1f) }, spec.Layers.Select(l => ((float)l.L1, (float)l.L2)));
    }

    /// <summary>
    /// The smallest case by hand: PenaltyUnrolled with every weight w and bias 0 and zero inputs and targets (the data
    /// loss is 0): ComputeLoss is 0.01 * 20 |w| + 0.02 * 20 w^2 (20 weights), and each weight's gradient
    /// 0.01 sign(w) + 0.04 w.
    /// </summary>
    [Theory]
    [InlineData(0.5f)]
    [InlineData(-0.25f)]
    public void The_penalty_by_hand(float w)
    {
        var net = new LayeredNetworks.PenaltyUnrolled();
        LayeredSpec spec = LayeredCatalog.Get("PenaltyUnrolled").Spec;
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            net.Parameters.AsSpan(spec.WeightOffset(l), spec.BiasOffset(l) - spec.WeightOffset(l)).Fill(w);
            net.Parameters.AsSpan(spec.BiasOffset(l), spec.Layers[l].Units).Fill(0f);
        }
        float[] x = new float[2 * 3], t = new float[2 * 2];
        double expected = 0.01f * 20 * Math.Abs(w) + 0.02f * 20 * (double)w * w;
        Assert.Equal(expected, net.ComputeLoss(x, t), 6);
        Assert.Equal(expected, net.ComputeGradients(x, t), 6);
        for (int l = 0; l < spec.Layers.Count; l++)
            for (int j = spec.WeightOffset(l); j < spec.BiasOffset(l); j++)
                Assert.Equal(0.01f * Math.Sign(w) + 2 * 0.02f * (double)w, net.Gradients[j], 6);
    }
}
