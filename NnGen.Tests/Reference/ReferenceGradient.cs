using System;

namespace NnGen.Tests.Reference;

/// <summary>The analytic gradient of the reference batch loss, and the scale of the error a float implementation may make.</summary>
public sealed class GradientResult
{
    public required double Loss { get; init; }

    public required double LossScale { get; init; }

    public required double[] Gradient { get; init; }

    /// <summary>
    /// Per parameter, the backward pass evaluated on absolute values (every product |x|*|y|, every sum of |terms|,
    /// with the forward error scales in place of the forward values where a value's own error matters): the
    /// classic running-error scale. A float32 backward pass is off by at most about chain-length * u * this.
    /// </summary>
    public required double[] GradientScale { get; init; }
}

/// <summary>Backpropagation in double precision, from the chain rule on the definitions (not from the generated code).</summary>
public static class ReferenceGradient
{
    public static GradientResult Compute(NetworkSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        BatchEvaluation forward = ReferenceNetwork.Evaluate(spec, p, inputs, targets);
        int n = forward.Samples.Length, outputs = spec.OutputSize, last = spec.Layers.Count - 1;
        double count = spec.Loss == Loss.CategoricalCrossEntropy ? n : (double)n * outputs;
        double[] g = new double[spec.ParameterCount], scale = new double[spec.ParameterCount];

        for (int s = 0; s < n; s++)
        {
            SampleTrace trace = forward.Samples[s];
            ReadOnlySpan<double> t = targets.Slice(s * outputs, outputs);
            double[] z = trace.Z[last], a = trace.A[last], aScale = trace.AScale[last];
            double[] dz = new double[outputs], dzScale = new double[outputs];

            switch (spec.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                {
                    // dL/dy of mean (y - t)^2 is 2 (y - t) / count; of mean |y - t| it is sign(y - t) / count.
                    double[] da = new double[outputs], daScale = new double[outputs];
                    for (int k = 0; k < outputs; k++)
                    {
                        double d = a[k] - t[k];
                        if (spec.Loss == Loss.MeanSquaredError)
                        {
                            da[k] = 2 * d / count;
                            daScale[k] = 2 * (aScale[k] + Math.Abs(t[k])) / count;
                        }
                        else
                        {
                            da[k] = Math.Sign(d) / count;
                            daScale[k] = Math.Abs(da[k]);
                        }
                    }
                    ActivationBackward(spec.Layers[last], trace, last, da, daScale, dz, dzScale);
                    break;
                }
                case Loss.BinaryCrossEntropy:
                    // d/dz [max(z,0) - z t + log(1 + exp(-|z|))] = sigmoid(z) - t.
                    for (int k = 0; k < outputs; k++)
                    {
                        dz[k] = (ReferenceActivations.Sigmoid(z[k]) - t[k]) / count;
                        dzScale[k] = (aScale[k] + Math.Abs(t[k])) / count;
                    }
                    break;
                case Loss.CategoricalCrossEntropy:
                {
                    // d/dz_k [-sum_j t_j (z_j - logsumexp(z))] = softmax(z)_k * sum_j t_j - t_k.
                    double sumT = 0, sumAbsT = 0;
                    foreach (double v in t) { sumT += v; sumAbsT += Math.Abs(v); }
                    double[] softmax = new double[outputs];
                    ReferenceActivations.Softmax(z, softmax);
                    for (int k = 0; k < outputs; k++)
                    {
                        dz[k] = (softmax[k] * sumT - t[k]) / count;
                        dzScale[k] = (aScale[k] * sumAbsT + Math.Abs(t[k])) / count;
                    }
                    break;
                }
            }

            for (int l = last; l >= 0; l--)
            {
                int fanIn = spec.FanIn(l), units = spec.Layers[l].Units, w = spec.WeightOffset(l), b = spec.BiasOffset(l);
                ReadOnlySpan<double> x = l == 0 ? inputs.Slice(s * spec.InputSize, fanIn) : trace.A[l - 1];
                double[] xScale = new double[fanIn];
                for (int i = 0; i < fanIn; i++) xScale[i] = l == 0 ? Math.Abs(x[i]) : trace.AScale[l - 1][i];

                // z_o = sum_i W_oi x_i + b_o: dL/dW_oi = dz_o x_i, dL/db_o = dz_o, dL/dx_i = sum_o dz_o W_oi.
                for (int o = 0; o < units; o++)
                {
                    g[b + o] += dz[o];
                    scale[b + o] += dzScale[o];
                    for (int i = 0; i < fanIn; i++)
                    {
                        g[w + o * fanIn + i] += dz[o] * x[i];
                        scale[w + o * fanIn + i] += dzScale[o] * Math.Abs(x[i]) + Math.Abs(dz[o]) * xScale[i];
                    }
                }
                if (l == 0) break;

                double[] da = new double[fanIn], daScale = new double[fanIn];
                for (int i = 0; i < fanIn; i++)
                {
                    for (int o = 0; o < units; o++)
                    {
                        da[i] += dz[o] * p[w + o * fanIn + i];
                        daScale[i] += dzScale[o] * Math.Abs(p[w + o * fanIn + i]);
                    }
                }
                dz = new double[fanIn];
                dzScale = new double[fanIn];
                ActivationBackward(spec.Layers[l - 1], trace, l - 1, da, daScale, dz, dzScale);
            }
        }

        return new GradientResult { Loss = forward.Loss, LossScale = forward.LossScale, Gradient = g, GradientScale = scale };
    }

    /// <summary>dz = da * f'(z) (softmax: the Jacobian-vector product a * (da - sum_j a_j da_j)), with its error scale.</summary>
    private static void ActivationBackward(LayerSpec layer, SampleTrace trace, int l, double[] da, double[] daScale, double[] dz, double[] dzScale)
    {
        double[] z = trace.Z[l], a = trace.A[l], aScale = trace.AScale[l];
        if (layer.Activation == Activation.Softmax)
        {
            double dot = 0, dotScale = 0;
            for (int k = 0; k < a.Length; k++)
            {
                dot += a[k] * da[k];
                dotScale += aScale[k] * Math.Abs(da[k]) + a[k] * daScale[k];
            }
            for (int k = 0; k < a.Length; k++)
            {
                dz[k] = a[k] * (da[k] - dot);
                dzScale[k] = aScale[k] * (Math.Abs(da[k]) + Math.Abs(dot)) + a[k] * (daScale[k] + dotScale);
            }
            return;
        }
        for (int k = 0; k < a.Length; k++)
        {
            double derivative = ReferenceActivations.Derivative(layer.Activation, layer.Alpha, z[k]);
            dz[k] = da[k] * derivative;
            dzScale[k] = daScale[k] * Math.Abs(derivative) + Math.Abs(da[k]) * DerivativeScale(layer, z[k], a[k], aScale[k], derivative);
        }
    }

    /// <summary>
    /// The error scale of a computed derivative: its usual formula in terms of a evaluated on absolute values, plus
    /// how far it moves when a carries its forward error (|d f'/d a| * scale of a).
    /// </summary>
    private static double DerivativeScale(LayerSpec layer, double z, double a, double aScale, double derivative) => layer.Activation switch
    {
        Activation.Sigmoid => a * (1 + a) + Math.Abs(1 - 2 * a) * aScale,        // f' = a (1 - a)
        Activation.Tanh => 1 + a * a + 2 * Math.Abs(a) * aScale,                  // f' = 1 - a^2
        Activation.ELU or Activation.SELU when z <= 0 => Math.Abs(derivative) + Math.Abs(a) + aScale, // f' = a + alpha (* scale)
        _ => Math.Abs(derivative),                                                // constant pieces
    };
}
