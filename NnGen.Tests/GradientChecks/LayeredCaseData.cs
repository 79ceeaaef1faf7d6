using System;
using System.Collections.Concurrent;
using System.Linq;
using NnGen.Tests.Reference;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Deterministic parameters, inputs and targets for a <see cref="LayeredCase"/> and batch size, drawn in double and
/// rounded to float (what the network holds); the reference works on exactly those floats. Draws are rejected until
/// every kink (an activation's z, an MAE residual, an L1 weight) is at least <see cref="CaseData.KinkMargin"/> away
/// in training mode and every layer with parameters has a gradient (<see cref="CaseData.MinimumGradient"/>).
/// </summary>
public sealed class LayeredCaseData
{
    private static readonly ConcurrentDictionary<(string, int), LayeredCaseData> Cache = new();

    private readonly LayeredSpec _spec;
    private double[]? _numericGradient;

    private LayeredCaseData(LayeredSpec spec, float[] parameters, float[] inputs, float[] targets)
    {
        _spec = spec;
        Parameters = parameters;
        Inputs = inputs;
        Targets = targets;
    }

    public float[] Parameters { get; }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public int Batch => Inputs.Length / _spec.InputSize;

    public double[] P => ToDouble(Parameters);

    public double[] X => ToDouble(Inputs);

    public double[] T => ToDouble(Targets);

    /// <summary>Central differences of the reference's training-mode loss here (deterministic networks only).</summary>
    public double[] NumericGradient => _numericGradient ??= LayeredReference.FiniteDifferenceGradient(_spec, P, X, T);

    public void LoadInto(INetwork network) => Parameters.CopyTo(network.Parameters, 0);

    public static LayeredCaseData For(LayeredCase c, int batch) => Cache.GetOrAdd((c.Name, batch), key => Draw(c.Spec, key.Item1, key.Item2));

    /// <summary>Fresh data for <paramref name="spec"/> under another name (for sequences of batches).</summary>
    public static LayeredCaseData Draw(LayeredSpec spec, string name, int batch)
    {
        // Networks with random layers are drawn with neutral draws (every value kept, no noise): their kinks sit below
        // the random layer, where the draws change nothing.
        bool stochastic = spec.Layers.Any(l => l.Kind is LayeredKind.Dropout or LayeredKind.GaussianNoise);
        LayeredMode mode = spec.HasBatchNorm && batch < 2 ? LayeredMode.Inference : LayeredMode.Training;
        Tracked[] state = LayeredReference.ExactState(spec.InitialState());
        var neutral = new LayeredDraws(spec);
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Kind == LayeredKind.Dropout) neutral.WithMask(spec, l, Enumerable.Repeat(true, batch * spec.Layers[l].Units).ToArray());
            if (spec.Layers[l].Kind == LayeredKind.GaussianNoise) neutral.WithNoise(spec, l, new Tracked[batch * spec.Layers[l].Units]);
        }
        for (int salt = 0; salt < 1000; salt++)
        {
            var random = new DeterministicRandom(DeterministicRandom.Hash("layered " + name) ^ (ulong)batch * 0x100000001B3UL ^ (ulong)salt << 40);
            float[] p = DrawParameters(spec, random), x = DrawInputs(spec, batch, random), t = DrawTargets(spec, batch, random);
            LayeredForward f = LayeredReference.Forward(spec, ToDouble(p), ToDouble(x), mode, state, neutral, ToDouble(t));
            if (f.KinkMargin < CaseData.KinkMargin) continue;
            if (mode == LayeredMode.Training && !stochastic && !EveryLayerLearns(spec, ToDouble(p), f, ToDouble(t))) continue;
            return new LayeredCaseData(spec, p, x, t);
        }
        throw new InvalidOperationException($"No draw for {name} (batch {batch}) keeps the kinks {CaseData.KinkMargin} away with a gradient in every layer.");
    }

    /// <summary>
    /// Every layer with parameters has a gradient element above <see cref="CaseData.MinimumGradient"/>, except layers
    /// below a LayerNorm over one feature, whose output (beta) does not depend on them, and a normalization directly
    /// followed by a BatchNorm, which undoes its gamma and beta up to epsilon.
    /// </summary>
    private static bool EveryLayerLearns(LayeredSpec spec, double[] p, LayeredForward f, double[] t)
    {
        double[] g = LayeredReference.Gradient(spec, p, f, t).Values();
        int lastCut = -1;
        for (int l = 0; l < spec.Layers.Count; l++)
            if (spec.Layers[l].Kind == LayeredKind.LayerNorm && spec.Layers[l].Units == 1) lastCut = l;
        for (int l = lastCut; l < spec.Layers.Count; l++)
        {
            if (l < 0 || !spec.Layers[l].HasParameters) continue;
            if (spec.Layers[l].Kind != LayeredKind.Dense && spec.Layers[l + 1].Kind == LayeredKind.BatchNorm) continue;
            int start = spec.WeightOffset(l), end = spec.ParameterEnd(l);
            if (!g.AsSpan(start, end - start).ToArray().Any(v => Math.Abs(v) > CaseData.MinimumGradient)) return false;
        }
        return true;
    }

    /// <summary>
    /// Dense W uniform in +-1.5 sqrt(3 / fanIn) (for an L1-penalized layer at least 0.05 from 0), b uniform in +-0.5;
    /// gamma of either sign with |gamma| in [0.5, 1.5], beta uniform in +-0.5.
    /// </summary>
    public static float[] DrawParameters(LayeredSpec spec, DeterministicRandom random)
    {
        float[] p = new float[spec.ParameterCount];
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            int w = spec.WeightOffset(l), b = spec.BiasOffset(l), units = layer.Units;
            switch (layer.Kind)
            {
                case LayeredKind.Maxout:
                    double pieceRange = 1.5 * Math.Sqrt(3.0 / spec.FanIn(l));
                    for (int j = w; j < b; j++) p[j] = (float)random.Symmetric(pieceRange);
                    for (int o = 0; o < layer.Rows; o++) p[b + o] = (float)random.Symmetric(0.5);
                    break;
                case LayeredKind.Dense:
                    double range = 1.5 * Math.Sqrt(3.0 / spec.FanIn(l));
                    for (int j = w; j < b; j++)
                    {
                        double v = random.Symmetric(range);
                        if (layer.L1 != 0) v = Math.Sign(v) * (0.05 + Math.Abs(v) * (range - 0.05) / range);
                        p[j] = (float)v;
                    }
                    for (int o = 0; o < units; o++) p[b + o] = (float)random.Symmetric(0.5);
                    break;
                case LayeredKind.BatchNorm:
                case LayeredKind.LayerNorm:
                    for (int o = 0; o < units; o++)
                    {
                        double v = random.Symmetric(1.0);
                        p[w + o] = (float)(Math.Sign(v) * (0.5 + Math.Abs(v)));
                    }
                    for (int o = 0; o < units; o++) p[b + o] = (float)random.Symmetric(0.5);
                    break;
            }
        }
        return p;
    }

    public static float[] DrawInputs(LayeredSpec spec, int batch, DeterministicRandom random)
    {
        float[] x = new float[batch * spec.InputSize];
        for (int j = 0; j < x.Length; j++) x[j] = (float)random.Symmetric(1.0);
        return x;
    }

    /// <summary>As <see cref="CaseData"/>: soft labels for BCE (every fourth exactly 0 or 1), rows of every kind for CCE.</summary>
    public static float[] DrawTargets(LayeredSpec spec, int batch, DeterministicRandom random)
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

    public static double[] ToDouble(float[] values) => values.Select(v => (double)v).ToArray();
}
