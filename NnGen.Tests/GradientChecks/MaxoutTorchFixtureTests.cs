using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Maxout networks against PyTorch's float64 results in Reference/Fixtures/torch_maxout_fixtures.json, written by
/// Reference/torch_maxout_reference.py (nn.Linear(fanIn, units * pieces), then the max over each unit's consecutive
/// pieces; its docstring has the data formulas): the declared shape reads as the fixture's, and with the fixture's
/// parameters the generated network gives PyTorch's outputs, loss and gradients to float tolerance (the layered
/// reference's error bounds, <see cref="LayeredTolerance"/>); the reference itself agrees with PyTorch at double's.
/// Only the committed JSON is read: no torch is needed here.
/// </summary>
public sealed class MaxoutTorchFixtureTests
{
    private sealed record Fixture(string Name, string Loss, int Inputs, string Layers, int Batch, float[] Parameters, float[] X, float[] T, double[] Outputs, double LossValue, double[] Gradients);

    private static readonly Lazy<IReadOnlyDictionary<string, Fixture>> Fixtures = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "Fixtures", "torch_maxout_fixtures.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("networks").EnumerateArray().Select(Read).ToDictionary(f => f.Name, StringComparer.Ordinal);
    });

    private static Fixture Read(JsonElement e)
    {
        float[] Floats(string name) => e.GetProperty(name).EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        double[] Doubles(string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        string layers = string.Join(" -> ", e.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("kind").GetString() == "Maxout"
            ? $"Maxout({l.GetProperty("units").GetInt32()} x {l.GetProperty("pieces").GetInt32()})"
            : $"Dense({l.GetProperty("units").GetInt32()}{(l.GetProperty("activation").GetString() is "Identity" ? "" : " " + l.GetProperty("activation").GetString())})"));
        return new Fixture(e.GetProperty("name").GetString()!, e.GetProperty("loss").GetString()!, e.GetProperty("inputs").GetInt32(), layers,
            e.GetProperty("batch").GetInt32(), Floats("parameters"), Floats("x"), Floats("t"), Doubles("outputs"), e.GetProperty("loss_value").GetDouble(), Doubles("gradients"));
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in Fixtures.Value.Keys) data.Add(name);
        return data;
    }

    [Fact]
    public void The_fixtures_cover_both_code_shapes_every_loss_and_maxout_after_maxout()
    {
        Assert.Equal(4, Fixtures.Value.Count);
        Assert.Equal(Enum.GetNames<Loss>().OrderBy(n => n), Fixtures.Value.Values.Select(f => f.Loss).OrderBy(n => n));
        Assert.Contains(Fixtures.Value.Keys, n => n.EndsWith("Loops", StringComparison.Ordinal));
        Assert.Contains(Fixtures.Value.Keys, n => n.EndsWith("Unrolled", StringComparison.Ordinal));
        Assert.Contains(Fixtures.Value.Values, f => f.Layers.Contains("x 2) -> Maxout(", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_generated_network_gives_PyTorchs_outputs_loss_and_gradients(string name)
    {
        Fixture f = Fixtures.Value[name];
        LayeredCase c = LayeredCatalog.Get(name);
        // the C# declaration is the fixture's network
        Assert.Equal($"{f.Inputs} -> {f.Layers}, {f.Loss}", c.Spec.ToString());
        Assert.Equal(f.Parameters.Length, c.Spec.ParameterCount);

        double[] p = LayeredCaseData.ToDouble(f.Parameters), x = LayeredCaseData.ToDouble(f.X), t = LayeredCaseData.ToDouble(f.T);
        LayeredForward reference = LayeredReference.Forward(c.Spec, p, x, LayeredMode.Training, targets: t);
        Tracked[] gradient = LayeredReference.Gradient(c.Spec, p, reference, t);
        Assert.True(reference.KinkMargin > 1e-4, $"{name}: the fixture's data sits near a tie or a kink.");
        // the reference agrees with PyTorch at double precision
        for (int j = 0; j < f.Outputs.Length; j++)
            Assert.True(Math.Abs(f.Outputs[j] - reference.Outputs[j].V) <= LayeredTolerance.Double(reference.Outputs[j]) + 1e-13, $"{name} reference output [{j}]: {f.Outputs[j]} vs {reference.Outputs[j].V} (bound {LayeredTolerance.Double(reference.Outputs[j])})");
        Assert.True(Math.Abs(f.LossValue - reference.Loss.V) <= LayeredTolerance.Double(reference.Loss) + 1e-13, $"{name} reference loss");
        for (int j = 0; j < f.Gradients.Length; j++)
            Assert.True(Math.Abs(f.Gradients[j] - gradient[j].V) <= LayeredTolerance.Double(gradient[j]) + 1e-13, $"{name} reference gradient [{j}]: {f.Gradients[j]} vs {gradient[j].V}");

        INetwork net = c.Create();
        f.Parameters.CopyTo(net.Parameters, 0);
        float[] outputs = new float[f.Outputs.Length];
        net.Predict(f.X, outputs);
        ElementwiseAssert.Close($"{name} Predict vs PyTorch", f.Outputs, outputs, j => LayeredTolerance.Float(reference.Outputs[j]));
        ElementwiseAssert.Close($"{name} ComputeLoss vs PyTorch", f.LossValue, net.ComputeLoss(f.X, f.T), LayeredTolerance.Loss(reference.Loss));
        float loss = net.ComputeGradients(f.X, f.T);
        ElementwiseAssert.Close($"{name} training loss vs PyTorch", f.LossValue, loss, LayeredTolerance.Loss(reference.Loss));
        ElementwiseAssert.Close($"{name} Gradients vs PyTorch", f.Gradients, net.Gradients, j => LayeredTolerance.Float(gradient[j]));
    }
}
