using System;
using System.Collections.Concurrent;
using System.Linq;
using NnGen.Tests.Reference;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Deterministic pseudo-random parameters, inputs and targets for a network and batch size. Values are drawn in
/// double, rounded to float (what the network holds), and the reference works on exactly those floats.
/// </summary>
public sealed class CaseData
{
    /// <summary>
    /// The nearest a pre-activation of a ReLU-like unit (or, under MAE, an output to its target) may be to its kink.
    /// Float evaluation moves z by ~1e-6 and the finite-difference stencil by ~1e-4 at most, so both stay on one
    /// side; <see cref="FiniteDifferences"/> also checks this at every stencil point.
    /// </summary>
    public const double KinkMargin = 1e-3;

    /// <summary>Every layer must have a gradient element at least this large (see <see cref="EveryLayerLearns"/>).</summary>
    public const double MinimumGradient = 1e-4;

    private static readonly ConcurrentDictionary<(string, int), CaseData> Cache = new();

    private readonly NetworkSpec _spec;
    private double[]? _numericGradient;

    private CaseData(NetworkSpec spec, float[] parameters, float[] inputs, float[] targets, int salt)
    {
        _spec = spec;
        Parameters = parameters;
        Inputs = inputs;
        Targets = targets;
        Salt = salt;
    }

    public float[] Parameters { get; }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    /// <summary>How many draws were rejected (too near a kink, or a layer without gradient) before this one.</summary>
    public int Salt { get; }

    public double[] P => Parameters.Select(v => (double)v).ToArray();

    public double[] X => Inputs.Select(v => (double)v).ToArray();

    public double[] T => Targets.Select(v => (double)v).ToArray();

    /// <summary>The finite-difference gradient of the reference loss here, computed once for the checks that share it.</summary>
    public double[] NumericGradient => _numericGradient ??= FiniteDifferences.Gradient(_spec, P, X, T);

    /// <summary>Copies the parameters into a generated network.</summary>
    public void LoadInto(INetwork network) => Parameters.CopyTo(network.Parameters, 0);

    public static CaseData For(NetworkCase network, int batch) => Cache.GetOrAdd((network.Name, batch), key => Draw(network.Spec, key.Item1, key.Item2));

    private static CaseData Draw(NetworkSpec spec, string name, int batch)
    {
        for (int salt = 0; salt < 1000; salt++)
        {
            var random = new DeterministicRandom(DeterministicRandom.Hash(name) ^ (ulong)batch * 0x100000001B3UL ^ (ulong)salt << 40);
            float[] p = DrawParameters(spec, random), x = DrawInputs(spec, batch, random), t = DrawTargets(spec, batch, random);
            BatchEvaluation e = ReferenceNetwork.Evaluate(spec, ToDouble(p), ToDouble(x), ToDouble(t));
            if (e.KinkMargin >= KinkMargin && EveryLayerLearns(spec, ToDouble(p), ToDouble(x), ToDouble(t)))
                return new CaseData(spec, p, x, t, salt);
        }
        throw new InvalidOperationException($"No draw for {name} (batch {batch}) keeps every kink at least {KinkMargin} away with a gradient in every layer.");
    }

    /// <summary>
    /// Rejects points where a whole layer's gradient vanishes (every ReLU output dead, or MAE through a softmax with
    /// all residuals of one sign, whose gradient is exactly 0): a check there would prove nothing about that layer.
    /// </summary>
    private static bool EveryLayerLearns(NetworkSpec spec, double[] p, double[] x, double[] t)
    {
        double[] g = ReferenceGradient.Compute(spec, p, x, t).Gradient;
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            int start = spec.WeightOffset(l), end = spec.BiasOffset(l) + spec.Layers[l].Units;
            if (!g.AsSpan(start, end - start).ToArray().Any(v => Math.Abs(v) > MinimumGradient)) return false;
        }
        return true;
    }

    /// <summary>W uniform in +-1.5 sqrt(3 / fanIn) (pre-activations of order 1 for inputs of order 1), b uniform in +-0.5.</summary>
    private static float[] DrawParameters(NetworkSpec spec, DeterministicRandom random)
    {
        float[] p = new float[spec.ParameterCount];
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            int fanIn = spec.FanIn(l), units = spec.Layers[l].Units;
            double range = 1.5 * Math.Sqrt(3.0 / fanIn);
            for (int j = 0; j < units * fanIn; j++) p[spec.WeightOffset(l) + j] = (float)random.Symmetric(range);
            for (int o = 0; o < units; o++) p[spec.BiasOffset(l) + o] = (float)random.Symmetric(0.5);
        }
        return p;
    }

    private static float[] DrawInputs(NetworkSpec spec, int batch, DeterministicRandom random)
    {
        float[] x = new float[batch * spec.InputSize];
        for (int j = 0; j < x.Length; j++) x[j] = (float)random.Symmetric(1.0);
        return x;
    }

    /// <summary>
    /// MSE/MAE: in [0, 1] under Sigmoid and Softmax, in [-1, 1] otherwise. BCE: soft labels in [0, 1], every
    /// fourth exactly 0 or 1. CCE: rows in turn one-hot, a probability vector, and non-negative weights that do
    /// not sum to 1 (PyTorch does not normalize probability targets, and neither may NnGen).
    /// </summary>
    private static float[] DrawTargets(NetworkSpec spec, int batch, DeterministicRandom random)
    {
        int outputs = spec.OutputSize;
        float[] t = new float[batch * outputs];
        switch (spec.Loss)
        {
            case Loss.BinaryCrossEntropy:
                for (int j = 0; j < t.Length; j++) t[j] = j % 4 == 3 ? (j / 4) % 2 : (float)random.NextDouble();
                break;
            case Loss.CategoricalCrossEntropy:
                int kind = (int)(random.NextUInt64() % 3);
                for (int s = 0; s < batch; s++, kind = (kind + 1) % 3)
                {
                    Span<float> row = t.AsSpan(s * outputs, outputs);
                    if (kind == 0)
                    {
                        row[(int)(random.NextUInt64() % (ulong)outputs)] = 1f;
                        continue;
                    }
                    double[] w = new double[outputs];
                    for (int k = 0; k < outputs; k++) w[k] = random.NextDouble();
                    double total = kind == 1 ? w.Sum() : 1.0;
                    for (int k = 0; k < outputs; k++) row[k] = (float)(w[k] / total);
                }
                break;
            default:
                bool unit = spec.Output.Activation is Activation.Sigmoid or Activation.Softmax;
                for (int j = 0; j < t.Length; j++) t[j] = (float)(unit ? random.NextDouble() : random.Symmetric(1.0));
                break;
        }
        return t;
    }

    private static double[] ToDouble(float[] values) => values.Select(v => (double)v).ToArray();
}
