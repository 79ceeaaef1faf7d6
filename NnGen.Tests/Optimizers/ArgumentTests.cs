using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>Length mismatches and invalid hyper-parameters throw ArgumentException and change nothing.</summary>
public class ArgumentTests
{
    public static TheoryData<string> Cases => OptimizerCases.Names();

    /// <summary>The cases that keep per-parameter state (all but SGD without momentum).</summary>
    public static TheoryData<string> StatefulCases()
        => new(OptimizerCases.All.Keys.Where(n => n is not ("sgd" or "sgd-weight-decay")).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_of_another_length_throw_and_leave_the_parameters_alone(string name)
    {
        IOptimizer optimizer = OptimizerCases.All[name].Create();
        float[] p = OptimizerData.Initial();
        float[] before = (float[])p.Clone();
        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(p, new float[p.Length - 1]));
        Assert.Equal("gradients", e.ParamName);
        Assert.Contains("37", e.Message);
        Assert.Throws<ArgumentException>(() => optimizer.Step(p, new float[p.Length + 1]));
        Assert.Equal(before, p);
    }

    [Theory]
    [MemberData(nameof(StatefulCases))]
    public void A_parameter_vector_of_another_length_than_the_state_throws(string name)
    {
        IOptimizer optimizer = OptimizerCases.All[name].Create();
        optimizer.Step(OptimizerData.Initial(), OptimizerData.Gradient(1));
        float[] shorter = OptimizerData.Initial(36);
        float[] before = (float[])shorter.Clone();
        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(shorter, OptimizerData.Gradient(2, 36)));
        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("one optimizer per parameter vector", e.Message);
        Assert.Equal(before, shorter);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_learning_rate_setter_rejects_negative_infinite_and_nan_values_and_accepts_zero(string name)
    {
        IOptimizer optimizer = OptimizerCases.All[name].Create();
        float original = optimizer.LearningRate;
        foreach (float bad in new[] { -1e-3f, float.NaN, float.PositiveInfinity, float.NegativeInfinity })
            Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = bad);
        Assert.Equal(original, optimizer.LearningRate);
        optimizer.LearningRate = 0f;
        float[] p = OptimizerData.Initial();
        float[] before = (float[])p.Clone();
        optimizer.Step(p, OptimizerData.Gradient(1));
        Assert.Equal(before, p); // a rate of 0 is valid and moves nothing (AdamW's decay lr * wd is 0 too)
    }

    private static readonly Dictionary<string, (Func<object> Create, string Parameter)> Invalid = new()
    {
        ["sgd lr -1"] = (() => new Sgd(-1f), "learningRate"),
        ["sgd lr NaN"] = (() => new Sgd(float.NaN), "learningRate"),
        ["sgd lr inf"] = (() => new Sgd(float.PositiveInfinity), "learningRate"),
        ["sgd momentum -0.1"] = (() => new Sgd(0.1f, -0.1f), "momentum"),
        ["sgd momentum NaN"] = (() => new Sgd(0.1f, float.NaN), "momentum"),
        ["sgd weight decay -1"] = (() => new Sgd(0.1f, weightDecay: -1f), "weightDecay"),
        ["sgd nesterov without momentum"] = (() => new Sgd(0.1f, nesterov: true), "nesterov"),
        ["rmsprop lr -1"] = (() => new RmsProp(-1f), "learningRate"),
        ["rmsprop alpha 1"] = (() => new RmsProp(alpha: 1f), "alpha"),
        ["rmsprop alpha -0.1"] = (() => new RmsProp(alpha: -0.1f), "alpha"),
        ["rmsprop alpha NaN"] = (() => new RmsProp(alpha: float.NaN), "alpha"),
        ["rmsprop epsilon -1e-8"] = (() => new RmsProp(epsilon: -1e-8f), "epsilon"),
        ["rmsprop momentum -0.5"] = (() => new RmsProp(momentum: -0.5f), "momentum"),
        ["rmsprop momentum inf"] = (() => new RmsProp(momentum: float.PositiveInfinity), "momentum"),
        ["adam lr NaN"] = (() => new Adam(float.NaN), "learningRate"),
        ["adam beta1 1"] = (() => new Adam(beta1: 1f), "beta1"),
        ["adam beta1 -0.1"] = (() => new Adam(beta1: -0.1f), "beta1"),
        ["adam beta2 1"] = (() => new Adam(beta2: 1f), "beta2"),
        ["adam beta2 1.5"] = (() => new Adam(beta2: 1.5f), "beta2"),
        ["adam epsilon NaN"] = (() => new Adam(epsilon: float.NaN), "epsilon"),
        ["adam weight decay -0.01"] = (() => new Adam(weightDecay: -0.01f), "weightDecay"),
        ["adamw lr -1"] = (() => new AdamW(-1f), "learningRate"),
        ["adamw beta1 NaN"] = (() => new AdamW(beta1: float.NaN), "beta1"),
        ["adamw beta2 1"] = (() => new AdamW(beta2: 1f), "beta2"),
        ["adamw epsilon -1"] = (() => new AdamW(epsilon: -1f), "epsilon"),
        ["adamw weight decay inf"] = (() => new AdamW(weightDecay: float.PositiveInfinity), "weightDecay"),
    };

    public static TheoryData<string> InvalidCases() => new(Invalid.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_hyper_parameters_throw_naming_the_parameter(string name)
    {
        (Func<object> create, string parameter) = Invalid[name];
        var e = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(parameter, e.ParamName);
    }
}
