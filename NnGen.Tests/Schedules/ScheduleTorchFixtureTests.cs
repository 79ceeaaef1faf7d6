using System.Linq;
using System.Text.Json;
using NnGen.Tests.Optimizers;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Schedules;

/// <summary>Each schedule against torch's scheduler (stepped epoch by epoch), read from the committed fixture.</summary>
public class ScheduleTorchFixtureTests
{
    public static TheoryData<string> Cases() => new(TorchFixture.Names("schedules"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_epoch_equals_torch(string name)
    {
        JsonElement entry = TorchFixture.Schedule(name);
        ILearningRateSchedule schedule = Create(entry);
        double[] rates = entry.GetProperty("rates").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(rates.Length >= 15);
        for (int epoch = 0; epoch < rates.Length; epoch++)
            ScheduleCases.AssertRate(rates[epoch], schedule.LearningRate(epoch), $"{name}, epoch {epoch}");
    }

    [Fact]
    public void The_fixture_covers_every_schedule()
    {
        var kinds = TorchFixture.Names("schedules").Select(n => TorchFixture.Schedule(n).GetProperty("schedule").GetString()).ToHashSet();
        Assert.Equal(new[] { "CosineAnnealingLR", "ExponentialLR", "InverseTimeDecay", "StepLR" }, kinds.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    private static ILearningRateSchedule Create(JsonElement entry)
    {
        float initial = (float)entry.GetProperty("initial").GetDouble();
        JsonElement a = entry.GetProperty("args");
        bool Has(string key, out JsonElement value) => a.TryGetProperty(key, out value);
        return entry.GetProperty("schedule").GetString() switch
        {
            "StepLR" => Has("gamma", out JsonElement g)
                ? new StepDecay(initial, a.GetProperty("step_size").GetInt32(), (float)g.GetDouble())
                : new StepDecay(initial, a.GetProperty("step_size").GetInt32()),
            "ExponentialLR" => new ExponentialDecay(initial, (float)a.GetProperty("gamma").GetDouble()),
            "CosineAnnealingLR" => new CosineDecay(initial, a.GetProperty("T_max").GetInt32(), Has("eta_min", out JsonElement m) ? (float)m.GetDouble() : 0f),
            "InverseTimeDecay" => new InverseTimeDecay(initial, (float)a.GetProperty("decay_rate").GetDouble(), Has("decay_steps", out JsonElement s) ? s.GetInt32() : 1),
            var other => throw new System.InvalidOperationException($"Unknown schedule {other} in the fixture."),
        };
    }
}
