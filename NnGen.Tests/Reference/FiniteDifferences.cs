using System;

namespace NnGen.Tests.Reference;

/// <summary>Central finite differences of the reference batch loss, in double precision.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// The step. The fourth-order stencil's truncation error is h^4/30 * |L'''''| (about 3e-22 * |L'''''|) and its
    /// rounding error about 1.5 * (double rounding of the loss) / h, around 1e-9 of the loss's scale for a loss
    /// evaluated with ~100 roundings: both far below float32's resolution, which is what the checks resolve.
    /// </summary>
    public const double Step = 1e-5;

    /// <summary>
    /// The gradient of the reference loss by the fourth-order central difference
    /// (8 [L(p + h e_j) - L(p - h e_j)] - [L(p + 2h e_j) - L(p - 2h e_j)]) / 12h for every parameter j. Throws if a
    /// stencil straddles a kink (z = 0 at ReLU, LeakyReLU, ELU, SELU; y = t under MAE), where a difference
    /// quotient means nothing.
    /// </summary>
    /// <remarks>
    /// L(p + d e_j) is the same function <see cref="ReferenceNetwork"/> computes, evaluated without recomputing what
    /// d cannot change: parameter j of layer l (W[o, i] or b[o]) moves only z_l[o], by d * x_i (or d), so layer l + 1
    /// gets z + W[:, o] * (change of a_l[o]) and only the layers above are computed in full. The self-tests compare
    /// this with differences of <see cref="ReferenceNetwork.ComputeLoss"/> itself.
    /// </remarks>
    public static double[] Gradient(NetworkSpec spec, double[] p, double[] inputs, double[] targets, double h = Step)
    {
        BatchEvaluation center = ReferenceNetwork.Evaluate(spec, p, inputs, targets);
        int n = center.Samples.Length, outputs = spec.OutputSize;
        double count = ReferenceLosses.Count(spec.Loss, n, outputs);
        double[] gradient = new double[p.Length];
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            int fanIn = spec.FanIn(l);
            for (int o = 0; o < spec.Layers[l].Units; o++)
            {
                for (int i = 0; i <= fanIn; i++) // i == fanIn is the bias
                {
                    int j = i < fanIn ? spec.WeightOffset(l) + o * fanIn + i : spec.BiasOffset(l) + o;
                    double at(double d)
                    {
                        double sum = 0;
                        for (int s = 0; s < n; s++)
                        {
                            SampleTrace trace = center.Samples[s];
                            double input = i == fanIn ? 1.0 : l == 0 ? inputs[s * fanIn + i] : trace.A[l - 1][i];
                            sum += SampleLossWithShiftedUnit(spec, p, trace, targets.AsSpan(s * outputs, outputs), l, o, d * input, j);
                        }
                        return sum / count;
                    }
                    gradient[j] = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
                }
            }
        }
        return gradient;
    }

    /// <summary>One sample's loss (before the mean) when z_l[o] moves by <paramref name="shift"/> and all parameters stay.</summary>
    private static double SampleLossWithShiftedUnit(NetworkSpec spec, double[] p, SampleTrace trace, ReadOnlySpan<double> t, int l, int o, double shift, int parameter)
    {
        int last = spec.Layers.Count - 1;
        double[] z, a;
        if (l == last)
        {
            z = (double[])trace.Z[l].Clone();
            z[o] += shift;
            a = Activate(spec.Layers[l], z, trace.Z[l], parameter);
        }
        else
        {
            // an elementwise activation (Softmax is last): only a_l[o] changes, so layer l + 1 gets
            // z = z(center) + W[:, o] * (a_l[o] - a_l[o](center))
            LayerSpec layer = spec.Layers[l];
            double zo = trace.Z[l][o] + shift;
            if (ReferenceActivations.HasKinkAtZero(layer.Activation) && (zo > 0) != (trace.Z[l][o] > 0)) throw Crossed(parameter);
            double change = ReferenceActivations.Apply(layer.Activation, layer.Alpha, zo) - trace.A[l][o];
            int next = l + 1, fanIn = spec.FanIn(next), w = spec.WeightOffset(next);
            z = new double[spec.Layers[next].Units];
            for (int k = 0; k < z.Length; k++) z[k] = trace.Z[next][k] + p[w + k * fanIn + o] * change;
            a = Activate(spec.Layers[next], z, trace.Z[next], parameter);
            for (int m = next + 1; m <= last; m++)
            {
                int units = spec.Layers[m].Units, b = spec.BiasOffset(m);
                fanIn = spec.FanIn(m);
                w = spec.WeightOffset(m);
                double[] zm = new double[units];
                for (int k = 0; k < units; k++)
                {
                    double sum = p[b + k];
                    for (int i = 0; i < fanIn; i++) sum += p[w + k * fanIn + i] * a[i];
                    zm[k] = sum;
                }
                z = zm;
                a = Activate(spec.Layers[m], z, trace.Z[m], parameter);
            }
        }
        if (spec.Loss == Loss.MeanAbsoluteError)
        {
            for (int k = 0; k < t.Length; k++)
                if ((a[k] > t[k]) != (trace.A[last][k] > t[k])) throw Crossed(parameter);
        }
        return ReferenceLosses.RowSum(spec.Loss, z, a, t);
    }

    /// <summary>The layer's activation of a row, refusing to step over a kink relative to the unperturbed row.</summary>
    private static double[] Activate(LayerSpec layer, double[] z, double[] centerZ, int parameter)
    {
        double[] a = new double[z.Length];
        if (layer.Activation == Activation.Softmax)
        {
            ReferenceActivations.Softmax(z, a);
            return a;
        }
        bool kinked = ReferenceActivations.HasKinkAtZero(layer.Activation);
        for (int k = 0; k < z.Length; k++)
        {
            if (kinked && (z[k] > 0) != (centerZ[k] > 0)) throw Crossed(parameter);
            a[k] = ReferenceActivations.Apply(layer.Activation, layer.Alpha, z[k]);
        }
        return a;
    }

    private static InvalidOperationException Crossed(int parameter)
        => new($"The finite-difference stencil of parameter {parameter} crosses a kink; choose data farther from the kinks.");

    /// <summary>The same stencil on any function of a vector: the plain definition, used to check the one above.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] p, double h = Step)
    {
        double[] q = (double[])p.Clone();
        double[] gradient = new double[p.Length];
        for (int j = 0; j < p.Length; j++)
        {
            double at(double offset) { q[j] = p[j] + offset; return f(q); }
            gradient[j] = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
            q[j] = p[j];
        }
        return gradient;
    }
}
