using System;
using System.Linq;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Schedules;

/// <summary>Each schedule against its reference's formula, and the shape that formula promises.</summary>
public class ScheduleFormulaTests
{
    public static TheoryData<string> Cases => ScheduleCases.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_epoch_follows_the_formula(string name)
    {
        ScheduleCases.Case c = ScheduleCases.All[name];
        for (int epoch = 0; epoch <= 100; epoch++)
            ScheduleCases.AssertRate(c.Formula(epoch), c.Schedule.LearningRate(epoch), $"{name}, epoch {epoch}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Epoch_zero_gets_the_initial_rate(string name)
    {
        ILearningRateSchedule schedule = ScheduleCases.All[name].Schedule;
        float initial = schedule switch
        {
            StepDecay s => s.Initial,
            ExponentialDecay s => s.Initial,
            InverseTimeDecay s => s.Initial,
            CosineDecay s => s.Initial,
            _ => throw new InvalidOperationException(),
        };
        Assert.Equal(initial, schedule.LearningRate(0));
    }

    [Fact]
    public void Step_decay_holds_the_rate_for_a_step_then_multiplies_by_gamma()
    {
        var s = new StepDecay(0.8f, 3, 0.5f);
        Assert.Equal(new[] { 0.8f, 0.8f, 0.8f, 0.4f, 0.4f, 0.4f, 0.2f }, new[] { 0, 1, 2, 3, 4, 5, 6 }.Select(s.LearningRate));
    }

    [Fact]
    public void Inverse_time_decay_halves_the_rate_after_decay_steps_over_decay_rate_epochs()
    {
        var s = new InverseTimeDecay(0.6f, 0.5f, 3);
        Assert.Equal(0.3f, s.LearningRate(6)); // 0.6 / (1 + 0.5 * 6 / 3)
        Assert.Equal(0.2f, s.LearningRate(12));
    }

    [Fact]
    public void Cosine_decay_reaches_the_minimum_at_total_epochs_and_rises_after_it_as_torch_does()
    {
        var s = new CosineDecay(0.1f, 10, 0.001f);
        Assert.Equal(0.001f, s.LearningRate(10));
        Assert.Equal((0.1f + 0.001f) / 2, s.LearningRate(5), 7);
        Assert.Equal(s.LearningRate(9), s.LearningRate(11));
        Assert.Equal(0.1f, s.LearningRate(20));
    }

    [Fact]
    public void Applying_a_schedule_sets_the_optimizers_rate_without_allocating()
    {
        var schedule = new ExponentialDecay(0.1f, 0.9f);
        var optimizer = new Adam();
        schedule.ApplyTo(optimizer, 3);
        Assert.Equal(schedule.LearningRate(3), optimizer.LearningRate);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int epoch = 0; epoch < 1000; epoch++) schedule.ApplyTo(optimizer, epoch);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
