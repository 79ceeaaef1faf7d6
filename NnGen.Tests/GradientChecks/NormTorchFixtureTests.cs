using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// BatchNorm, LayerNorm and penalty networks against PyTorch's float64 results in
/// Reference/Fixtures/torch_norm_fixtures.json, written by Reference/torch_norm_reference.py (its docstring has the
/// data formulas): training-mode loss and gradients, the running statistics after three training-mode passes, and the
/// inference outputs and loss after them. Only the committed JSON is read: no torch is needed here. The reference
/// is held to PyTorch at double's unit roundoff, the generated networks at float's, on the reference's error bounds
/// (<see cref="LayeredTolerance"/>).
/// </summary>
public sealed class NormTorchFixtureTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, NormFixture>> Fixtures = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "Fixtures", "torch_norm_fixtures.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("networks").EnumerateArray()
            .Select(NormFixture.Read).ToDictionary(f => f.Name, StringComparer.Ordinal);
    });

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in Fixtures.Value.Keys) data.Add(name);
        return data;
    }

    [Fact]
    public void The_fixtures_cover_batch_and_layer_normalization_and_the_penalty()
    {
        NormFixture[] all = Fixtures.Value.Values.ToArray();
        Assert.Contains(all, f => f.Spec.Layers[0].Kind == LayeredKind.BatchNorm);
        Assert.Contains(all, f => f.Spec.Layers.Any(l => l.Kind == LayeredKind.BatchNorm && l.Units == 1));
        Assert.Contains(all, f => f.Spec.Layers.Any(l => l.Kind == LayeredKind.LayerNorm && l.Units == 33));
        Assert.Contains(all, f => f.Spec.Layers.Count(l => l.Kind == LayeredKind.BatchNorm) >= 2 && f.Spec.Layers.Any(l => l.Kind == LayeredKind.LayerNorm));
        Assert.Contains(all, f => f.Spec.HasPenalty && f.Spec.HasBatchNorm);
        foreach (Loss loss in Enum.GetValues<Loss>()) Assert.Contains(all, f => f.Spec.Loss == loss);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fixture_data_follow_the_documented_formulas_and_shape(string name)
    {
        NormFixture f = Fixtures.Value[name];
        LayeredSpec spec = LayeredCatalog.Get(name).Spec;
        Assert.Equal(f.Spec.ToString(), spec.ToString()); // the C# declaration has the fixture's layers, options and loss
        bool probabilities = spec.Loss is Loss.BinaryCrossEntropy or Loss.CategoricalCrossEntropy;
        float Target(int j, double a, double b) => probabilities ? (float)(0.5 + 0.5 * Math.Cos(a * j + b)) : (float)(0.8 * Math.Cos(a * j + b));
        Assert.Equal(Enumerable.Range(0, spec.ParameterCount).Select(i => (float)(0.5 * Math.Sin(1.7 * i + 0.3))), f.Parameters);
        Assert.Equal(Enumerable.Range(0, f.Batch * spec.InputSize).Select(j => (float)Math.Sin(0.9 * j + 1.1)), f.Inputs);
        Assert.Equal(Enumerable.Range(0, f.Batch * spec.OutputSize).Select(j => Target(j, 1.3, 0.5)), f.Targets);
        int[] sizes = { f.Batch, f.Batch + 3, 2 };
        for (int k = 0; k < 3; k++)
            Assert.Equal(Enumerable.Range(0, sizes[k] * spec.InputSize).Select(j => (float)Math.Sin(0.9 * j + 1.1 + 0.7 * k)), f.StatBatches[k]);
        Assert.Equal(Enumerable.Range(0, 4 * spec.InputSize).Select(j => (float)Math.Sin(0.37 * j + 0.2)), f.InferenceInputs);
        Assert.Equal(Enumerable.Range(0, 4 * spec.OutputSize).Select(j => Target(j, 1.1, 0.9)), f.InferenceTargets);
        Assert.All(f.RunningStates, s => Assert.Equal(spec.StateCount, s.Length));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reference_matches_PyTorch(string name)
    {
        NormFixture f = Fixtures.Value[name];
        LayeredSpec spec = LayeredCatalog.Get(name).Spec;

        LayeredForward train = LayeredReference.Forward(spec, f.P, f.X, LayeredMode.Training, targets: f.T);
        Tracked[] gradient = LayeredReference.Gradient(spec, f.P, train, f.T);
        for (int j = 0; j < f.TrainOutputs.Length; j++)
            AssertClose($"{name} training output [{j}]", f.TrainOutputs[j], train.Outputs[j].V, LayeredTolerance.Double(train.Outputs[j]));
        AssertClose($"{name} training loss", f.TrainLoss, train.Loss.V, LayeredTolerance.Double(train.Loss));
        for (int j = 0; j < f.Gradients.Length; j++)
            AssertClose($"{name} gradient [{j}]", f.Gradients[j], gradient[j].V, LayeredTolerance.Double(gradient[j]));
        double[] numeric = LayeredReference.FiniteDifferenceGradient(spec, f.P, f.X, f.T);
        for (int j = 0; j < f.Gradients.Length; j++)
            AssertClose($"{name} central difference [{j}]", f.Gradients[j], numeric[j], LayeredTolerance.FiniteDifference(train.Loss));

        Tracked[] state = ReferenceStates(spec, f, out Tracked[][] states);
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < spec.StateCount; j++)
                AssertClose($"{name} running statistic [{j}] after pass {k}", f.RunningStates[k][j], states[k][j].V, LayeredTolerance.Double(states[k][j]));
        LayeredForward inference = LayeredReference.Forward(spec, f.P, f.InferenceX, LayeredMode.Inference, state, targets: f.InferenceT);
        for (int j = 0; j < f.InferenceOutputs.Length; j++)
            AssertClose($"{name} inference output [{j}]", f.InferenceOutputs[j], inference.Outputs[j].V, LayeredTolerance.Double(inference.Outputs[j]));
        AssertClose($"{name} inference loss", f.InferenceLoss, inference.Loss.V, LayeredTolerance.Double(inference.Loss));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_network_matches_PyTorch(string name)
    {
        NormFixture f = Fixtures.Value[name];
        LayeredCase c = LayeredCatalog.Get(name);
        LayeredSpec spec = c.Spec;

        INetwork net = c.Create();
        f.Parameters.CopyTo(net.Parameters, 0);
        float loss = net.ComputeGradients(f.Inputs, f.Targets);
        LayeredForward train = LayeredReference.Forward(spec, f.P, f.X, LayeredMode.Training, targets: f.T);
        Tracked[] gradient = LayeredReference.Gradient(spec, f.P, train, f.T);
        ElementwiseAssert.Close($"{name} training loss vs PyTorch", f.TrainLoss, loss, LayeredTolerance.Loss(train.Loss));
        ElementwiseAssert.Close($"{name} Gradients vs PyTorch", f.Gradients, net.Gradients, j => LayeredTolerance.Float(gradient[j]));

        Tracked[] state = ReferenceStates(spec, f, out Tracked[][] states);
        INetwork fresh = c.Create();
        f.Parameters.CopyTo(fresh.Parameters, 0);
        for (int k = 0; k < 3; k++)
        {
            fresh.ComputeGradients(f.StatBatches[k], new float[f.StatBatches[k].Length / spec.InputSize * spec.OutputSize]);
            Tracked[] expected = states[k];
            ElementwiseAssert.Close($"{name} State after training pass {k} vs PyTorch", f.RunningStates[k], fresh.State, j => LayeredTolerance.Float(expected[j]));
        }
        // the reference's inference with its own running statistics carries their float error into its bound
        LayeredForward inference = LayeredReference.Forward(spec, f.P, f.InferenceX, LayeredMode.Inference, state, targets: f.InferenceT);
        float[] outputs = new float[f.InferenceOutputs.Length];
        fresh.Predict(f.InferenceInputs, outputs);
        ElementwiseAssert.Close($"{name} Predict vs PyTorch", f.InferenceOutputs, outputs, j => LayeredTolerance.Float(inference.Outputs[j]));
        ElementwiseAssert.Close($"{name} ComputeLoss vs PyTorch", f.InferenceLoss, fresh.ComputeLoss(f.InferenceInputs, f.InferenceTargets), LayeredTolerance.Loss(inference.Loss));
    }

    /// <summary>The reference's running statistics after the three passes, each a training forward from the previous state.</summary>
    private static Tracked[] ReferenceStates(LayeredSpec spec, NormFixture f, out Tracked[][] states)
    {
        Tracked[] state = LayeredReference.ExactState(spec.InitialState());
        states = new Tracked[3][];
        for (int k = 0; k < 3; k++)
        {
            LayeredForward pass = LayeredReference.Forward(spec, f.P, LayeredCaseData.ToDouble(f.StatBatches[k]), LayeredMode.Training);
            states[k] = state = LayeredReference.UpdatedState(spec, pass, state);
        }
        return state;
    }

    private static void AssertClose(string what, double expected, double actual, double tolerance)
        => Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: PyTorch {expected:R}, reference {actual:R}, |difference| {Math.Abs(expected - actual):E3} > {tolerance:E3}");

    private sealed class NormFixture
    {
        public required string Name { get; init; }
        public required LayeredSpec Spec { get; init; }
        public required int Batch { get; init; }
        public required float[] Parameters { get; init; }
        public required float[] Inputs { get; init; }
        public required float[] Targets { get; init; }
        public required double[] TrainOutputs { get; init; }
        public required double TrainLoss { get; init; }
        public required double[] Gradients { get; init; }
        public required float[][] StatBatches { get; init; }
        public required double[][] RunningStates { get; init; }
        public required float[] InferenceInputs { get; init; }
        public required float[] InferenceTargets { get; init; }
        public required double[] InferenceOutputs { get; init; }
        public required double InferenceLoss { get; init; }

        public double[] P => LayeredCaseData.ToDouble(Parameters);
        public double[] X => LayeredCaseData.ToDouble(Inputs);
        public double[] T => LayeredCaseData.ToDouble(Targets);
        public double[] InferenceX => LayeredCaseData.ToDouble(InferenceInputs);
        public double[] InferenceT => LayeredCaseData.ToDouble(InferenceTargets);

        public static NormFixture Read(JsonElement e)
        {
            int width = e.GetProperty("input").GetInt32();
            var layers = new List<LayeredLayer>();
            foreach (JsonElement l in e.GetProperty("layers").EnumerateArray())
            {
                var activation = Enum.Parse<Activation>(l.GetProperty("activation").GetString()!);
                JsonElement a = l.GetProperty("alpha");
                double alpha = NetworkSpec.ResolveAlpha(activation, a.ValueKind == JsonValueKind.Null ? double.NaN : a.GetDouble());
                string kind = l.GetProperty("kind").GetString()!;
                LayeredLayer layer = kind switch
                {
                    "Dense" => new LayeredLayer(LayeredKind.Dense, l.GetProperty("units").GetInt32(), activation, alpha,
                        L1: l.GetProperty("l1").GetDouble(), L2: l.GetProperty("l2").GetDouble()),
                    "BatchNorm" => new LayeredLayer(LayeredKind.BatchNorm, width, activation, alpha,
                        Momentum: l.GetProperty("momentum").GetDouble(), Epsilon: l.GetProperty("epsilon").GetDouble()),
                    _ => new LayeredLayer(LayeredKind.LayerNorm, width, activation, alpha, Epsilon: l.GetProperty("epsilon").GetDouble()),
                };
                layers.Add(layer);
                width = layer.Units;
            }
            return new NormFixture
            {
                Name = e.GetProperty("name").GetString()!,
                Spec = new LayeredSpec(e.GetProperty("input").GetInt32(), Enum.Parse<Loss>(e.GetProperty("loss").GetString()!), layers),
                Batch = e.GetProperty("batch").GetInt32(),
                Parameters = Floats(e.GetProperty("parameters")),
                Inputs = Floats(e.GetProperty("inputs")),
                Targets = Floats(e.GetProperty("targets")),
                TrainOutputs = Doubles(e.GetProperty("train_outputs")),
                TrainLoss = e.GetProperty("train_loss").GetDouble(),
                Gradients = Doubles(e.GetProperty("gradients")),
                StatBatches = e.GetProperty("stat_batches").EnumerateArray().Select(Floats).ToArray(),
                RunningStates = e.GetProperty("running_states").EnumerateArray().Select(Doubles).ToArray(),
                InferenceInputs = Floats(e.GetProperty("inference_inputs")),
                InferenceTargets = Floats(e.GetProperty("inference_targets")),
                InferenceOutputs = Doubles(e.GetProperty("inference_outputs")),
                InferenceLoss = e.GetProperty("inference_loss").GetDouble(),
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
