using System.Linq;
using System.Text.Json;
using Xunit;

namespace NnGen.Tests.Optimizers;

/// <summary>Each optimizer against torch.optim's results, read from the committed fixture.</summary>
public class TorchFixtureTests
{
    public static TheoryData<string> Cases() => new(TorchFixture.Names("optimizers"));

    [Fact]
    public void The_test_data_formulas_match_the_data_torch_was_given()
    {
        Assert.Equal(TorchFixture.Initial, OptimizerData.Initial());
        float[][] gradients = TorchFixture.Gradients;
        Assert.Equal(8, gradients.Length);
        for (int t = 1; t <= gradients.Length; t++)
            Assert.Equal(gradients[t - 1], OptimizerData.Gradient(t));
    }

    [Fact]
    public void The_fixture_covers_every_optimizer_and_their_defaults()
    {
        var kinds = TorchFixture.Names("optimizers").Select(n => TorchFixture.Optimizer(n).GetProperty("optimizer").GetString()).ToHashSet();
        Assert.Equal(new[] { "Adam", "AdamW", "RMSprop", "SGD" }, kinds.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (string defaults in new[] { "rmsprop-defaults", "adam-defaults", "adamw-defaults" })
            Assert.Empty(TorchFixture.Optimizer(defaults).GetProperty("args").EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_step_equals_torch(string name)
    {
        JsonElement entry = TorchFixture.Optimizer(name);
        IOptimizer optimizer = TorchFixture.CreateOptimizer(entry);
        float[][] steps = entry.GetProperty("steps").EnumerateArray().Select(TorchFixture.Floats).ToArray();
        float[] p = OptimizerData.Initial();
        for (int t = 1; t <= steps.Length; t++)
        {
            optimizer.Step(p, OptimizerData.Gradient(t));
            Close.Equal(steps[t - 1], p, Close.Tolerance(t), $"{name}, step {t}");
        }
    }
}
