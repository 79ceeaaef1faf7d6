using System;
using System.Linq;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>Properties, step counts and the details the generic comparisons do not pin down.</summary>
public class OptimizerBehaviourTests
{
    [Fact]
    public void Defaults_are_torchs()
    {
        var rms = new RmsProp();
        Assert.Equal((0.01f, 0.99f, 1e-8f, 0f), (rms.LearningRate, rms.Alpha, rms.Epsilon, rms.Momentum));
        var adam = new Adam();
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 0f), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay));
        var adamW = new AdamW();
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay));
        var sgd = new Sgd(0.1f);
        Assert.Equal((0.1f, 0f, false, 0f), (sgd.LearningRate, sgd.Momentum, sgd.Nesterov, sgd.WeightDecay));
    }

    [Fact]
    public void Each_optimizer_counts_its_steps()
    {
        var sgd = new Sgd(0.1f, 0.9f);
        var rms = new RmsProp();
        var adam = new Adam();
        var adamW = new AdamW();
        float[] p = OptimizerData.Initial();
        for (int t = 1; t <= 3; t++)
        {
            float[] g = OptimizerData.Gradient(t);
            sgd.Step(p, g); rms.Step(p, g); adam.Step(p, g); adamW.Step(p, g);
        }
        Assert.Equal((3, 3, 3, 3), (sgd.StepCount, rms.StepCount, adam.StepCount, adamW.StepCount));
        Assert.Throws<ArgumentException>(() => adam.Step(p, new float[1]));
        Assert.Equal(3, adam.StepCount);
    }

    [Fact]
    public void Adams_first_step_moves_each_parameter_by_the_learning_rate_against_the_gradient_sign()
    {
        // Bias correction makes the first step lr * g / (|g| + eps'): about lr in size whatever the gradient's scale.
        var adam = new Adam(0.01f);
        float[] p = new float[5];
        adam.Step(p, new[] { 3f, -0.002f, 1000f, -7f, 0f });
        Assert.Equal(new[] { -0.01f, 0.01f, -0.01f, 0.01f, 0f }, p, (a, b) => Math.Abs(a - b) < 1e-7f);
    }

    [Fact]
    public void RmsProps_one_minus_alpha_is_torchs_one_minus_the_decimal_alpha()
    {
        // torch.optim.RMSprop([p], lr=1, eps=0) from p=0 with g=1 gives exactly -10: v = float(1 - 0.99).
        // With 1 - 0.99f computed in float, v is 1e-6 smaller and p would be -10.0000048.
        var rms = new RmsProp(1f, 0.99f, 0f);
        float[] p = { 0f };
        rms.Step(p, new[] { 1f });
        Assert.Equal(-10f, p[0]);
    }

    [Fact]
    public void AdamW_decays_the_parameters_before_the_update_and_Adam_adds_the_decay_to_the_gradient()
    {
        // With a zero gradient Adam's weight decay is a gradient wd * p, so the first step is about -lr * sign(p);
        // AdamW's is the decay alone: p * (1 - lr * wd) and no Adam step (m = 0).
        var adam = new Adam(0.1f, weightDecay: 0.5f);
        var adamW = new AdamW(0.1f, weightDecay: 0.5f);
        float[] a = { 2f, -4f }, w = { 2f, -4f };
        adam.Step(a, new float[2]);
        adamW.Step(w, new float[2]);
        Assert.Equal(new[] { 1.9f, -3.9f }, a, (x, y) => Math.Abs(x - y) < 1e-6f);
        Assert.Equal(new[] { 2f * 0.95f, -4f * 0.95f }, w);
    }

    [Fact]
    public void Sgd_momentum_accumulates_the_gradients()
    {
        // torch: buf = g on the first step, momentum * buf + g after, so two equal
        // gradients move p by lr * g and then lr * (1 + momentum) * g.
        var sgd = new Sgd(0.5f, 0.5f);
        float[] p = { 0f };
        sgd.Step(p, new[] { 1f });
        Assert.Equal(-0.5f, p[0]);
        sgd.Step(p, new[] { 1f });
        Assert.Equal(-1.25f, p[0]);
    }

    /// <summary>
    /// A step over an empty vector (here an empty slice in the middle of real arrays, so that a vector path that wrote
    /// or read past the span's end would show) writes nothing: the parameters around it stay as they were, and so do
    /// the gradients. It throws nothing, for every optimizer with and without its options.
    /// </summary>
    [Fact]
    public void An_empty_parameter_vector_is_a_valid_no_op()
    {
        IOptimizer[] optimizers =
        {
            new Sgd(0.1f), new Sgd(0.1f, 0.9f), new Sgd(0.1f, 0.9f, nesterov: true), new RmsProp(), new RmsProp(momentum: 0.9f),
            new Adam(), new Adam(weightDecay: 0.1f), new AdamW(),
        };
        foreach (IOptimizer optimizer in optimizers)
        {
            float[] p = Enumerable.Range(1, 40).Select(i => (float)i).ToArray(), before = (float[])p.Clone();
            float[] g = Enumerable.Repeat(1f, 40).ToArray();
            for (int step = 0; step < 3; step++) optimizer.Step(p.AsSpan(8, 0), g.AsSpan(8, 0));
            Assert.Equal(before, p);
            Assert.All(g, value => Assert.Equal(1f, value));
        }
    }
}
