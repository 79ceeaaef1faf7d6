using System;

namespace NnGen.Tests.Reference;

/// <summary>The forward pass of one sample: per layer the pre-activations z and activations a, with their error scales.</summary>
public sealed class SampleTrace
{
    public SampleTrace(int layers)
    {
        Z = new double[layers][];
        A = new double[layers][];
        ZScale = new double[layers][];
        AScale = new double[layers][];
    }

    public double[][] Z { get; }

    public double[][] A { get; }

    /// <summary>
    /// Error scales for float evaluation (see <see cref="FloatTolerance"/>): the same expressions evaluated on
    /// absolute values, so that a float implementation's error is at most about chain-length * u * scale.
    /// </summary>
    public double[][] ZScale { get; }

    public double[][] AScale { get; }
}

/// <summary>The forward pass and loss of a batch in double precision.</summary>
public sealed class BatchEvaluation
{
    public required SampleTrace[] Samples { get; init; }

    /// <summary>The last layer's pre-activations, [n][OutputSize].</summary>
    public required double[] Logits { get; init; }

    /// <summary>The last layer's activations (what Predict returns), [n][OutputSize].</summary>
    public required double[] Outputs { get; init; }

    /// <summary>The error scale of each output (<see cref="SampleTrace.AScale"/> of the last layer).</summary>
    public required double[] OutputScales { get; init; }

    /// <summary>The batch loss; NaN when no targets were given.</summary>
    public double Loss { get; init; } = double.NaN;

    /// <summary>The error scale of the loss: first-order propagation of the output scales plus the loss's own terms on absolute values.</summary>
    public double LossScale { get; init; } = double.NaN;

    /// <summary>
    /// The smallest distance of a non-smooth point from its kink: |z| at ReLU, LeakyReLU, ELU and SELU units, and
    /// |y - t| under MAE (infinity when there is none).
    /// </summary>
    public double KinkMargin { get; init; } = double.PositiveInfinity;
}

/// <summary>
/// An independent double-precision dense network written from the definitions in DESIGN.md: per layer
/// z_o = sum_i W[o * fanIn + i] a_i + b[o], then the activation; the loss as PyTorch defines it.
/// </summary>
public static class ReferenceNetwork
{
    public static SampleTrace Forward(NetworkSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> x)
    {
        if (x.Length != spec.InputSize) throw new ArgumentException("One sample expected.", nameof(x));
        if (p.Length != spec.ParameterCount) throw new ArgumentException("Wrong parameter count.", nameof(p));
        var trace = new SampleTrace(spec.Layers.Count);
        double[] input = x.ToArray(), inputScale = new double[x.Length];
        for (int i = 0; i < x.Length; i++) inputScale[i] = Math.Abs(x[i]);
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayerSpec layer = spec.Layers[l];
            int fanIn = spec.FanIn(l), w = spec.WeightOffset(l), b = spec.BiasOffset(l);
            double[] z = new double[layer.Units], a = new double[layer.Units];
            double[] zScale = new double[layer.Units], aScale = new double[layer.Units];
            for (int o = 0; o < layer.Units; o++)
            {
                double sum = p[b + o], scale = Math.Abs(p[b + o]);
                for (int i = 0; i < fanIn; i++)
                {
                    sum += p[w + o * fanIn + i] * input[i];
                    scale += Math.Abs(p[w + o * fanIn + i]) * inputScale[i];
                }
                z[o] = sum;
                zScale[o] = scale;
            }
            if (layer.Activation == Activation.Softmax)
            {
                ReferenceActivations.Softmax(z, a);
                double maxScale = 0;
                foreach (double s in zScale) maxScale = Math.Max(maxScale, s);
                // d softmax_k / d z_j = a_k (delta_kj - a_j): an error e in every z moves a_k by at most 2 a_k e;
                // the shift by the maximum and the normalization round relative to a_k.
                for (int k = 0; k < layer.Units; k++) aScale[k] = a[k] * (2 * maxScale + 1);
            }
            else
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    a[o] = ReferenceActivations.Apply(layer.Activation, layer.Alpha, z[o]);
                    aScale[o] = Math.Abs(ReferenceActivations.Derivative(layer.Activation, layer.Alpha, z[o])) * zScale[o]
                                + EvaluationScale(layer, z[o], a[o]);
                }
            }
            trace.Z[l] = z;
            trace.A[l] = a;
            trace.ZScale[l] = zScale;
            trace.AScale[l] = aScale;
            input = a;
            inputScale = aScale;
        }
        return trace;
    }

    /// <summary>The activation's own formula on absolute values: the scale of the rounding of evaluating it.</summary>
    private static double EvaluationScale(LayerSpec layer, double z, double a) => layer.Activation switch
    {
        Activation.Identity or Activation.ReLU => 0.0,
        Activation.ELU => z > 0 ? 0.0 : Math.Abs(layer.Alpha) * (Math.Exp(z) + 1.0),
        Activation.SELU => z > 0 ? Math.Abs(a) : ReferenceActivations.SeluScale * ReferenceActivations.SeluAlpha * (Math.Exp(z) + 1.0),
        _ => Math.Abs(a),
    };

    /// <summary>Forward pass of a batch; with targets also the loss, its error scale and the distance to the nearest kink.</summary>
    public static BatchEvaluation Evaluate(NetworkSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets = default)
    {
        int n = SampleCount(spec, inputs, targets);
        int outputs = spec.OutputSize, last = spec.Layers.Count - 1;
        var samples = new SampleTrace[n];
        double[] logits = new double[n * outputs], y = new double[n * outputs], yScale = new double[n * outputs];
        double margin = double.PositiveInfinity;
        for (int s = 0; s < n; s++)
        {
            SampleTrace trace = samples[s] = Forward(spec, p, inputs.Slice(s * spec.InputSize, spec.InputSize));
            trace.Z[last].CopyTo(logits, s * outputs);
            trace.A[last].CopyTo(y, s * outputs);
            trace.AScale[last].CopyTo(yScale, s * outputs);
            for (int l = 0; l < spec.Layers.Count; l++)
            {
                if (!ReferenceActivations.HasKinkAtZero(spec.Layers[l].Activation)) continue;
                foreach (double z in trace.Z[l]) margin = Math.Min(margin, Math.Abs(z));
            }
        }
        if (targets.IsEmpty)
            return new BatchEvaluation { Samples = samples, Logits = logits, Outputs = y, OutputScales = yScale };

        if (spec.Loss == Loss.MeanAbsoluteError)
        {
            for (int j = 0; j < y.Length; j++) margin = Math.Min(margin, Math.Abs(y[j] - targets[j]));
        }
        return new BatchEvaluation
        {
            Samples = samples,
            Logits = logits,
            Outputs = y,
            OutputScales = yScale,
            Loss = ReferenceLosses.Of(spec.Loss, logits, y, targets, outputs),
            LossScale = LossScale(spec, samples, logits, y, targets),
            KinkMargin = margin,
        };
    }

    public static double[] Predict(NetworkSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> inputs)
        => Evaluate(spec, p, inputs).Outputs;

    public static double ComputeLoss(NetworkSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
        => Evaluate(spec, p, inputs, targets).Loss;

    internal static int SampleCount(NetworkSpec spec, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        if (inputs.Length == 0 || inputs.Length % spec.InputSize != 0) throw new ArgumentException("inputs is not whole samples.", nameof(inputs));
        int n = inputs.Length / spec.InputSize;
        if (!targets.IsEmpty && targets.Length != n * spec.OutputSize) throw new ArgumentException("targets does not match inputs.", nameof(targets));
        return n;
    }

    /// <summary>
    /// First order: the loss moves by sum |dL/dv| * (error of v) for the values v it reads (outputs for MSE/MAE,
    /// logits for the cross-entropies), plus the rounding of its own terms, bounded by evaluating them on absolute values.
    /// </summary>
    private static double LossScale(NetworkSpec spec, SampleTrace[] samples, double[] logits, double[] y, ReadOnlySpan<double> t)
    {
        int outputs = spec.OutputSize, last = spec.Layers.Count - 1, n = samples.Length;
        double scale = 0;
        switch (spec.Loss)
        {
            case Loss.MeanSquaredError:
                for (int j = 0; j < y.Length; j++)
                    scale += 2 * Math.Abs(y[j] - t[j]) * samples[j / outputs].AScale[last][j % outputs] + (Math.Abs(y[j]) + Math.Abs(t[j])) * (Math.Abs(y[j]) + Math.Abs(t[j]));
                return scale / y.Length;
            case Loss.MeanAbsoluteError:
                for (int j = 0; j < y.Length; j++)
                    scale += samples[j / outputs].AScale[last][j % outputs] + Math.Abs(y[j]) + Math.Abs(t[j]);
                return scale / y.Length;
            case Loss.BinaryCrossEntropy:
                for (int j = 0; j < y.Length; j++)
                {
                    double z = logits[j];
                    scale += Math.Abs(y[j] - t[j]) * samples[j / outputs].ZScale[last][j % outputs]
                             + Math.Max(z, 0) + Math.Abs(z * t[j]) + ReferenceActivations.Log1P(Math.Exp(-Math.Abs(z)));
                }
                return scale / y.Length;
            default:
                for (int s = 0; s < n; s++)
                {
                    ReadOnlySpan<double> zs = logits.AsSpan(s * outputs, outputs), ts = t.Slice(s * outputs, outputs);
                    double logSumExp = ReferenceActivations.LogSumExp(zs), sumT = 0;
                    foreach (double v in ts) sumT += v;
                    for (int k = 0; k < outputs; k++)
                        scale += Math.Abs(y[s * outputs + k] * sumT - ts[k]) * samples[s].ZScale[last][k]
                                 + Math.Abs(ts[k]) * (Math.Abs(logSumExp) + Math.Abs(zs[k]) + outputs);
                }
                return scale / n;
        }
    }
}
