using System;
using System.Linq;
using NnGen.Tests.Reference;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Reads what a Dropout or GaussianNoise layer did in a training call from the Gradients alone, for networks whose
/// random layer r comes directly before the last layer, a Dense under MSE, and directly after the inputs, a Dense or a
/// normalization.
///
/// <para>The probe sets every parameter to 0 except the biases (beta) of the Dense, BatchNorm or LayerNorm below r,
/// which it sets to beta, so that every value entering r is a = act(beta) (a normalization of all-zero values has
/// xhat = 0 and outputs its beta; when r is first, the probe's inputs are a), and the output is y = 0. Under
/// MSE with targets t the last layer then gets dz[s, o] = 2 (0 - t[s, o]) / (n O), and its weight gradient is
/// g[o, i] = sum over samples s of dz[s, o] * v[s, i], v being r's output: a * m[s, i] for dropout (m = 0 or
/// 1 / (1 - rate)), a + noise[s, i] for noise.</para>
///
/// <para>Dropout: samples are split into groups of at most 5, group o read through output o: t[s, o] = -16^-k for the
/// k-th sample of group o (0 elsewhere), so g[o, i] / (2 a m / (n O)) = sum over the group of 16^-k keep[s, i], whose
/// bits a greedy decoder reads from the top (the lower bits sum to less than 1/15 of the one above; float rounding
/// is some 2^-20 of the top bit). Noise: one sample per output, t[s, o] = -1 if o = s (so n &lt;= O), beta chosen so
/// that a = 0, and noise[s, i] = g[s, i] / dz[s, s] to within the one rounding of the product.</para>
///
/// <para>A second instance of the same class and seed, whose first training call sees the same batch size, draws the
/// same masks and noise as long as the draws do not depend on the values (as in PyTorch); the gradient checks of the
/// random networks rely on that, and would fail if it did not hold.</para>
/// </summary>
public static class StochasticProbe
{
    public const int GroupSize = 5;

    /// <summary>The random layer of <paramref name="spec"/> (there is exactly one).</summary>
    public static int RandomLayer(LayeredSpec spec)
    {
        int r = Enumerable.Range(0, spec.Layers.Count).Single(l => spec.Layers[l].Kind is LayeredKind.Dropout or LayeredKind.GaussianNoise);
        if (r != spec.Layers.Count - 2 || spec.Loss != Loss.MeanSquaredError || spec.Output.Activation != Activation.Identity)
            throw new ArgumentException($"{spec}: the probe needs the random layer right before a last Dense (Identity) under MSE.");
        if (r > 0 && spec.Layers[r - 1].Kind is not (LayeredKind.Dense or LayeredKind.BatchNorm or LayeredKind.LayerNorm))
            throw new ArgumentException($"{spec}: the probe needs the inputs, a Dense or a normalization below the random layer.");
        return r;
    }

    /// <summary>
    /// The dropout masks (true: kept) of the next training call of <paramref name="network"/> with a batch of
    /// <paramref name="n"/>, read by making that call with the probe's parameters and batch (the network's parameters
    /// are overwritten), and the last layer's weight gradients they were read from.
    /// </summary>
    public static (bool[] Keep, float[] WeightGradients) ReadMasks(LayeredSpec spec, INetwork network, int n)
    {
        int r = RandomLayer(spec), outputs = spec.OutputSize, width = spec.Layers[r].Units;
        if ((n + GroupSize - 1) / GroupSize > outputs) throw new ArgumentException($"{n} samples need {(n + GroupSize - 1) / GroupSize} outputs.", nameof(n));
        double a = Arrange(spec, network, r, beta: 0.5);
        float[] x = new float[n * spec.InputSize], t = new float[n * outputs];
        if (r == 0) x.AsSpan().Fill((float)a);
        for (int s = 0; s < n; s++) t[s * outputs + s / GroupSize] = -(float)Math.Pow(16, -(s % GroupSize));

        network.ComputeGradients(x, t);

        int w = spec.WeightOffset(r + 1);
        double unit = 2 * a / (1.0 - spec.Layers[r].Rate) / ((double)n * outputs);
        bool[] keep = new bool[n * width];
        for (int o = 0; o * GroupSize < n; o++)
            for (int i = 0; i < width; i++)
            {
                double rest = network.Gradients[w + o * width + i] / unit;
                for (int k = 0; k < GroupSize && o * GroupSize + k < n; k++)
                {
                    double bit = Math.Pow(16, -k);
                    if (rest < bit / 2) continue;
                    keep[(o * GroupSize + k) * width + i] = true;
                    rest -= bit;
                }
                if (Math.Abs(rest) > 1e-3)
                    throw new InvalidOperationException($"Gradient [{w + o * width + i}] = {network.Gradients[w + o * width + i]:R} is not a sum of kept values scaled by 1 / (1 - rate): {rest:R} of a unit left over.");
            }
        return (keep, network.Gradients.AsSpan(w, outputs * width).ToArray());
    }

    /// <summary>
    /// The noise of the next training call of <paramref name="network"/> with a batch of <paramref name="n"/> (at most
    /// the number of outputs), each with the error it is read to (one rounding: |noise| u).
    /// </summary>
    public static Tracked[] ReadNoise(LayeredSpec spec, INetwork network, int n)
    {
        int r = RandomLayer(spec), outputs = spec.OutputSize, width = spec.Layers[r].Units;
        if (n > outputs) throw new ArgumentException($"{n} samples need as many outputs.", nameof(n));
        double a = Arrange(spec, network, r, beta: 0.0);
        if (a != 0) throw new InvalidOperationException($"The activation below the noise is {a} at 0; the probe needs 0.");
        float[] x = new float[n * spec.InputSize], t = new float[n * outputs];
        for (int s = 0; s < n; s++) t[s * outputs + s] = -1f;

        network.ComputeGradients(x, t);

        // dz = 2f * (0 - t) * invCount in float: 2 * (1f / (n O)), exactly as the network rounds it
        float dz = 2f * (1f / (n * outputs));
        int w = spec.WeightOffset(r + 1);
        var noise = new Tracked[n * width];
        for (int s = 0; s < n; s++)
            for (int i = 0; i < width; i++)
            {
                double v = network.Gradients[w + s * width + i] / (double)dz;
                noise[s * width + i] = new Tracked(v, Math.Abs(v));
            }
        return noise;
    }

    /// <summary>Sets the probe's parameters; returns a, the value every unit entering the random layer holds.</summary>
    private static double Arrange(LayeredSpec spec, INetwork network, int r, double beta)
    {
        Array.Clear(network.Parameters);
        if (r == 0) return beta == 0 ? 0 : 1;
        int below = r - 1;
        network.Parameters.AsSpan(spec.BiasOffset(below), spec.Layers[below].Units).Fill((float)beta);
        LayeredLayer layer = spec.Layers[below];
        return LayeredReference.Activate(layer.Activation, layer.Alpha, Tracked.Exact((float)beta)).V;
    }
}
