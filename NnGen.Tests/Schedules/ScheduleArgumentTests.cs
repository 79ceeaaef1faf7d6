using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Schedules;

/// <summary>Invalid schedule arguments and epochs throw ArgumentOutOfRangeException naming the argument.</summary>
public class ScheduleArgumentTests
{
    private static readonly Dictionary<string, (Func<object> Create, string Parameter)> Invalid = new()
    {
        ["step initial -1"] = (() => new StepDecay(-1f, 3), "initial"),
        ["step initial NaN"] = (() => new StepDecay(float.NaN, 3), "initial"),
        ["step size 0"] = (() => new StepDecay(0.1f, 0), "stepSize"),
        ["step gamma -0.5"] = (() => new StepDecay(0.1f, 3, -0.5f), "gamma"),
        ["step gamma inf"] = (() => new StepDecay(0.1f, 3, float.PositiveInfinity), "gamma"),
        ["exponential initial inf"] = (() => new ExponentialDecay(float.PositiveInfinity, 0.9f), "initial"),
        ["exponential gamma NaN"] = (() => new ExponentialDecay(0.1f, float.NaN), "gamma"),
        ["inverse initial -0.1"] = (() => new InverseTimeDecay(-0.1f, 0.5f), "initial"),
        ["inverse rate -1"] = (() => new InverseTimeDecay(0.1f, -1f), "decayRate"),
        ["inverse steps 0"] = (() => new InverseTimeDecay(0.1f, 0.5f, 0), "decaySteps"),
        ["cosine initial NaN"] = (() => new CosineDecay(float.NaN, 10), "initial"),
        ["cosine total 0"] = (() => new CosineDecay(0.1f, 0), "totalEpochs"),
        ["cosine minimum -0.01"] = (() => new CosineDecay(0.1f, 10, -0.01f), "minimum"),
        ["cosine minimum above initial"] = (() => new CosineDecay(0.1f, 10, 0.2f), "minimum"),
    };

    public static TheoryData<string> InvalidCases() => new(Invalid.Keys.OrderBy(k => k, StringComparer.Ordinal));

    public static TheoryData<string> Cases => ScheduleCases.Names();

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_arguments_throw_naming_the_argument(string name)
    {
        (Func<object> create, string parameter) = Invalid[name];
        var e = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_negative_epoch_throws(string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleCases.All[name].Schedule.LearningRate(-1));
        Assert.Equal("epoch", e.ParamName);
    }

    [Fact]
    public void Applying_checks_its_arguments()
    {
        var schedule = new StepDecay(0.1f, 2);
        Assert.Throws<ArgumentNullException>(() => schedule.ApplyTo(null!, 0));
        Assert.Throws<ArgumentNullException>(() => LearningRateScheduleExtensions.ApplyTo(null!, new Sgd(0.1f), 0));
        var optimizer = new Sgd(0.5f);
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.ApplyTo(optimizer, -1));
        Assert.Equal(0.5f, optimizer.LearningRate);
    }
}
