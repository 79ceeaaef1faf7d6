using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The generated networks (and the reference) against PyTorch's float64 results in Reference/Fixtures/torch_fixtures.json,
/// written by Reference/torch_reference.py. Only the committed JSON is read: no torch is needed here.
/// </summary>
public sealed class TorchFixtureTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, TorchFixture>> Fixtures = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "Fixtures", "torch_fixtures.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("networks").EnumerateArray()
            .Select(TorchFixture.Read).ToDictionary(f => f.Name, StringComparer.Ordinal);
    });

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in Fixtures.Value.Keys) data.Add(name);
        return data;
    }

    [Fact]
    public void The_fixtures_hold_the_networks_asked_for()
    {
        string[] required =
        {
            "Torch231SigmoidMse", "Torch42SoftmaxCce", "Torch241TanhSigmoidBce", "Torch6334ReLUSoftmaxCce",
            "Torch573IdentityMse", "Torch573SigmoidMse", "Torch573TanhMse", "Torch573ReLUMse", "Torch573LeakyReLUMse", "Torch573ELUMse", "Torch573SELUMse",
            "Torch573IdentityMae", "Torch573SigmoidMae", "Torch573TanhMae", "Torch573ReLUMae", "Torch573LeakyReLUMae", "Torch573ELUMae", "Torch573SELUMae",
        };
        Assert.Empty(required.Except(Fixtures.Value.Keys));
        Assert.Contains(Fixtures.Value.Keys, name => NetworkCatalog.Get(name).IsUnrolled);
        Assert.Contains(Fixtures.Value.Keys, name => !NetworkCatalog.Get(name).IsUnrolled);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fixture_data_follow_the_documented_formulas_and_shape(string name)
    {
        TorchFixture f = Fixtures.Value[name];
        NetworkSpec spec = NetworkCatalog.Get(name).Spec;
        Assert.Equal(f.Spec.ToString(), spec.ToString()); // the C# declaration has the fixture's shape, activations, alphas and loss

        // The formulas of torch_reference.py's docstring, in float64 then rounded to float32. (sin and cos of the
        // C runtime and of Python agree to the last bit or so; a float32 rounding could only differ if that bit
        // sat on a rounding boundary, about 2^-29 per value.)
        bool probabilities = spec.Loss is Loss.BinaryCrossEntropy or Loss.CategoricalCrossEntropy;
        Assert.Equal(Enumerable.Range(0, spec.ParameterCount).Select(i => (float)(0.5 * Math.Sin(1.7 * i + 0.3))), f.Parameters);
        Assert.Equal(Enumerable.Range(0, f.Batch * spec.InputSize).Select(j => (float)Math.Sin(0.9 * j + 1.1)), f.Inputs);
        Assert.Equal(Enumerable.Range(0, f.Batch * spec.OutputSize)
            .Select(j => probabilities ? (float)(0.5 + 0.5 * Math.Cos(1.3 * j + 0.5)) : (float)(0.8 * Math.Cos(1.3 * j + 0.5))), f.Targets);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_network_matches_PyTorch(string name)
    {
        TorchFixture f = Fixtures.Value[name];
        NetworkCase c = NetworkCatalog.Get(name);
        INetwork net = c.Create();
        f.Parameters.CopyTo(net.Parameters, 0);

        // The tolerances are float32's, on the error scales the reference computes at this point (FloatTolerance).
        GradientResult scales = ReferenceGradient.Compute(c.Spec, f.P, f.X, f.T);
        BatchEvaluation forward = ReferenceNetwork.Evaluate(c.Spec, f.P, f.X, f.T);

        float[] outputs = new float[f.Batch * c.Spec.OutputSize];
        net.Predict(f.Inputs, outputs);
        ElementwiseAssert.Close($"{name} Predict vs PyTorch", f.Outputs, outputs, j => FloatTolerance.Output(c.Spec, forward.OutputScales[j]));

        float loss = net.ComputeLoss(f.Inputs, f.Targets);
        ElementwiseAssert.Close($"{name} ComputeLoss vs PyTorch", f.Loss, loss, FloatTolerance.Loss(c.Spec, forward.LossScale, f.Loss));

        net.ComputeGradients(f.Inputs, f.Targets);
        ElementwiseAssert.Close($"{name} Gradients vs PyTorch", f.Gradients, net.Gradients,
            j => FloatTolerance.BackwardPass(c.Spec, f.Batch, scales.GradientScale[j]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reference_matches_PyTorch(string name)
    {
        TorchFixture f = Fixtures.Value[name];
        NetworkSpec spec = NetworkCatalog.Get(name).Spec;
        BatchEvaluation forward = ReferenceNetwork.Evaluate(spec, f.P, f.X, f.T);
        GradientResult backward = ReferenceGradient.Compute(spec, f.P, f.X, f.T);

        // Both are float64: they differ only by the order of roundings, at double's unit roundoff on the same scales.
        for (int j = 0; j < f.Outputs.Length; j++)
            AssertClose($"{name} output [{j}]", f.Outputs[j], forward.Outputs[j], FloatTolerance.DoubleEvaluation(FloatTolerance.ForwardChain(spec), forward.OutputScales[j]));
        AssertClose($"{name} loss", f.Loss, forward.Loss, FloatTolerance.DoubleEvaluation(FloatTolerance.LossChain(spec), forward.LossScale));
        for (int j = 0; j < f.Gradients.Length; j++)
            AssertClose($"{name} analytic gradient [{j}]", f.Gradients[j], backward.Gradient[j],
                FloatTolerance.DoubleEvaluation(FloatTolerance.GradientChain(spec, f.Batch), backward.GradientScale[j]));

        // and the finite differences the gradient checks rely on
        double[] numeric = FiniteDifferences.Gradient(spec, f.P, f.X, f.T);
        for (int j = 0; j < f.Gradients.Length; j++)
            AssertClose($"{name} finite difference [{j}]", f.Gradients[j], numeric[j], FloatTolerance.FiniteDifferenceError(forward.LossScale));
    }

    private static void AssertClose(string what, double expected, double actual, double tolerance)
        => Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: PyTorch {expected:R}, reference {actual:R}, |difference| {Math.Abs(expected - actual):E3} > {tolerance:E3}");

    private sealed class TorchFixture
    {
        public required string Name { get; init; }
        public required NetworkSpec Spec { get; init; }
        public required int Batch { get; init; }
        public required float[] Parameters { get; init; }
        public required float[] Inputs { get; init; }
        public required float[] Targets { get; init; }
        public required double[] Outputs { get; init; }
        public required double Loss { get; init; }
        public required double[] Gradients { get; init; }

        public double[] P => Parameters.Select(v => (double)v).ToArray();
        public double[] X => Inputs.Select(v => (double)v).ToArray();
        public double[] T => Targets.Select(v => (double)v).ToArray();

        public static TorchFixture Read(JsonElement e)
        {
            LayerSpec[] layers = e.GetProperty("layers").EnumerateArray().Select(l =>
            {
                var activation = Enum.Parse<Activation>(l.GetProperty("activation").GetString()!);
                JsonElement alpha = l.GetProperty("alpha");
                return new LayerSpec(l.GetProperty("units").GetInt32(), activation,
                    NetworkSpec.ResolveAlpha(activation, alpha.ValueKind == JsonValueKind.Null ? double.NaN : alpha.GetDouble()));
            }).ToArray();
            return new TorchFixture
            {
                Name = e.GetProperty("name").GetString()!,
                Spec = new NetworkSpec(e.GetProperty("input").GetInt32(), Enum.Parse<Loss>(e.GetProperty("loss").GetString()!), layers),
                Batch = e.GetProperty("batch").GetInt32(),
                Parameters = Floats(e.GetProperty("parameters")),
                Inputs = Floats(e.GetProperty("inputs")),
                Targets = Floats(e.GetProperty("targets")),
                Outputs = Doubles(e.GetProperty("outputs")),
                Loss = e.GetProperty("loss_value").GetDouble(),
                Gradients = Doubles(e.GetProperty("gradients")),
            };
        }

        /// <summary>The inputs are float32 values printed as float64: each reads back exactly.</summary>
        private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v =>
        {
            double d = v.GetDouble();
            float f = (float)d;
            if (f != d) throw new InvalidDataException($"{d:R} is not a float32 value.");
            return f;
        }).ToArray();

        private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }
}
