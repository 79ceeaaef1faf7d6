using System;
using System.Linq;

namespace NnGen.Tests.Reference;

/// <summary>Training calls (ComputeGradients, TrainStep) or inference calls (Predict, ComputeLoss): README's two modes.</summary>
public enum LayeredMode
{
    Training,
    Inference,
}

/// <summary>
/// Deliberately wrong variants of the definitions, for the tests that show a check can fail: a tolerance that let
/// one of these through would be too loose to catch a real bug of the same size.
/// </summary>
public enum LayeredMutation
{
    None,
    /// <summary>Normalize with the unbiased batch variance (n - 1) instead of the biased one.</summary>
    UnbiasedNormalization,
    /// <summary>xhat = (x - mean) / (sqrt(var) + eps) instead of / sqrt(var + eps).</summary>
    EpsilonOutsideSqrt,
    /// <summary>Backward treats the batch (BatchNorm) or sample (LayerNorm) statistics as constants.</summary>
    StatisticsAsConstants,
}

/// <summary>
/// What the random layers did in one training call: per Dropout layer its multipliers (0 for a dropped value,
/// 1 / (1 - rate) for a kept one), per GaussianNoise layer the noise added, each [n][units] row-major.
/// </summary>
public sealed class LayeredDraws
{
    private readonly Tracked[]?[] _perLayer;

    public LayeredDraws(LayeredSpec spec) => _perLayer = new Tracked[]?[spec.Layers.Count];

    public Tracked[]? this[int layer] => _perLayer[layer];

    /// <summary>Dropout: keep[j] says whether value j was kept; kept values are multiplied by 1 / (1 - rate) (a float constant).</summary>
    public LayeredDraws WithMask(LayeredSpec spec, int layer, bool[] keep)
    {
        if (spec.Layers[layer].Kind != LayeredKind.Dropout) throw new ArgumentException($"Layer {layer} is not a Dropout layer.", nameof(layer));
        Tracked scale = Tracked.Constant(1.0 / (1.0 - spec.Layers[layer].Rate));
        _perLayer[layer] = keep.Select(k => k ? scale : Tracked.Exact(0)).ToArray();
        return this;
    }

    /// <summary>GaussianNoise: the values added, each with the error it is known to (in u).</summary>
    public LayeredDraws WithNoise(LayeredSpec spec, int layer, Tracked[] noise)
    {
        if (spec.Layers[layer].Kind != LayeredKind.GaussianNoise) throw new ArgumentException($"Layer {layer} is not a GaussianNoise layer.", nameof(layer));
        _perLayer[layer] = noise;
        return this;
    }
}

/// <summary>One batch through a <see cref="LayeredSpec"/>: every layer's values with their float error bounds.</summary>
public sealed class LayeredForward
{
    internal LayeredForward(int layers, int n)
    {
        N = n;
        In = new Tracked[layers][];
        Pre = new Tracked[layers][];
        Out = new Tracked[layers][];
        XHat = new Tracked[layers][];
        InvStd = new Tracked[layers][];
        BatchMean = new Tracked[layers][];
        BatchVariance = new Tracked[layers][];
    }

    public int N { get; }

    public LayeredMode Mode { get; init; }

    /// <summary>What layer l read: the inputs, or layer l - 1's output.</summary>
    public Tracked[][] In { get; }

    /// <summary>Before the activation: Dense W a + b; normalizations gamma * xhat + beta; Dropout and noise their output.</summary>
    public Tracked[][] Pre { get; }

    /// <summary>After the activation (what the next layer reads; the last layer's is what Predict returns).</summary>
    public Tracked[][] Out { get; }

    /// <summary>Normalizations: xhat, [n][units].</summary>
    public Tracked[][] XHat { get; }

    /// <summary>1 / sqrt(var + eps): BatchNorm per feature [units], LayerNorm per sample [n].</summary>
    public Tracked[][] InvStd { get; }

    /// <summary>BatchNorm in training: the batch mean per feature.</summary>
    public Tracked[][] BatchMean { get; }

    /// <summary>BatchNorm in training: the unbiased batch variance per feature (what enters the running variance).</summary>
    public Tracked[][] BatchVariance { get; }

    /// <summary>The data loss (the mean the Loss defines), without the penalty; default when no targets were given.</summary>
    public Tracked DataLoss { get; internal set; }

    /// <summary>L1 * sum |w| + L2 * sum w^2 over the dense weights.</summary>
    public Tracked Penalty { get; internal set; }

    /// <summary>What ComputeLoss (inference) and ComputeGradients (training) return: data loss plus penalty.</summary>
    public Tracked Loss => DataLoss + Penalty;

    /// <summary>
    /// The nearest a non-smooth point comes to its kink: |z| before ReLU, LeakyReLU, ELU, SELU; |y - t| under MAE;
    /// |w| of a weight under an L1 penalty.
    /// </summary>
    public double KinkMargin { get; internal set; } = double.PositiveInfinity;

    public Tracked[] Outputs => Out[^1];
}

/// <summary>
/// The double-precision reference for networks of every declared layer kind (README, "Declaring a network"),
/// written from the definitions, batch at a time because BatchNorm couples the samples:
/// <list type="bullet">
/// <item>Dense: z = W a + b, then the activation (<see cref="ReferenceActivations"/>, PyTorch's).</item>
/// <item>BatchNorm (torch.nn.BatchNorm1d): per feature j, training: mean_j and the biased variance var_j over the
/// batch; inference: the running mean and variance. xhat = (x - mean) / sqrt(var + eps), y = gamma xhat + beta,
/// then the activation. Each training call moves the running statistics to (1 - m) running + m batch, with the
/// unbiased batch variance.</item>
/// <item>LayerNorm (torch.nn.LayerNorm(units)): the same per sample over its features, biased variance, in both modes.</item>
/// <item>Dropout: training multiplies by given multipliers (0 or 1 / (1 - rate)); GaussianNoise: training adds given
/// noise; both are the identity in inference.</item>
/// <item>Loss: <see cref="ReferenceLosses"/>' definitions, plus the penalty L1 sum |w| + L2 sum w^2 over dense weights.</item>
/// </list>
/// Every value is a <see cref="Tracked"/>: the definition's value and the bound of a float32 evaluation's error.
/// </summary>
public static class LayeredReference
{
    /// <summary>Finite-difference step (see <see cref="FiniteDifferences.Step"/>).</summary>
    public const double Step = 1e-5;

    public static LayeredForward Forward(
        LayeredSpec spec, ReadOnlySpan<double> p, ReadOnlySpan<double> inputs, LayeredMode mode,
        ReadOnlySpan<Tracked> state = default, LayeredDraws? draws = null, ReadOnlySpan<double> targets = default,
        LayeredMutation mutation = LayeredMutation.None)
    {
        if (p.Length != spec.ParameterCount) throw new ArgumentException($"{spec.ParameterCount} parameters expected, got {p.Length}.", nameof(p));
        if (inputs.Length == 0 || inputs.Length % spec.InputSize != 0) throw new ArgumentException("inputs is not whole samples.", nameof(inputs));
        int n = inputs.Length / spec.InputSize;
        if (!targets.IsEmpty && targets.Length != n * spec.OutputSize) throw new ArgumentException("targets does not match inputs.", nameof(targets));
        if (mode == LayeredMode.Inference && spec.HasBatchNorm && state.Length != spec.StateCount)
            throw new ArgumentException("Inference through BatchNorm needs the running statistics.", nameof(state));
        if (mode == LayeredMode.Training && spec.HasBatchNorm && n < 2) throw new ArgumentException("BatchNorm trains on at least 2 samples.", nameof(inputs));

        var f = new LayeredForward(spec.Layers.Count, n) { Mode = mode };
        Tracked[] x = new Tracked[inputs.Length];
        for (int j = 0; j < x.Length; j++) x[j] = Tracked.Exact(inputs[j]);
        Run(spec, p, f, 0, x, state, draws, mutation, valuesOnly: false);
        Finish(spec, p, f, targets);
        return f;
    }

    /// <summary>Layers <paramref name="from"/> and up, reading <paramref name="x"/> (<paramref name="valuesOnly"/>: the bounds may be skipped).</summary>
    private static void Run(LayeredSpec spec, ReadOnlySpan<double> p, LayeredForward f, int from, Tracked[] x,
        ReadOnlySpan<Tracked> state, LayeredDraws? draws, LayeredMutation mutation, bool valuesOnly)
    {
        int n = f.N;
        for (int l = from; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            int fanIn = spec.FanIn(l), u = layer.Units;
            f.In[l] = x;
            Tracked[] pre = new Tracked[n * u];
            switch (layer.Kind)
            {
                case LayeredKind.Dense:
                {
                    int w = spec.WeightOffset(l), b = spec.BiasOffset(l);
                    for (int s = 0; s < n; s++)
                        for (int o = 0; o < u; o++)
                        {
                            var sum = new TrackedSum();
                            for (int i = 0; i < fanIn; i++) sum.AddProduct(Tracked.Exact(p[w + o * fanIn + i]), x[s * fanIn + i]);
                            sum.Add(Tracked.Exact(p[b + o]));
                            pre[s * u + o] = sum.Total;
                        }
                    break;
                }
                case LayeredKind.Maxout:
                {
                    // h = W a + b over the units * pieces rows (Pre), then out[s, unit] = max over its consecutive pieces
                    int w = spec.WeightOffset(l), b = spec.BiasOffset(l), rows = layer.Rows;
                    Tracked[] h = new Tracked[n * rows];
                    for (int s = 0; s < n; s++)
                        for (int r = 0; r < rows; r++)
                        {
                            var sum = new TrackedSum();
                            for (int i = 0; i < fanIn; i++) sum.AddProduct(Tracked.Exact(p[w + r * fanIn + i]), x[s * fanIn + i]);
                            sum.Add(Tracked.Exact(p[b + r]));
                            h[s * rows + r] = sum.Total;
                        }
                    Tracked[] max = new Tracked[n * u];
                    for (int j = 0; j < n * u; j++) max[j] = h[MaxoutWinner(h, j, layer.Pieces)];
                    f.Pre[l] = h;
                    f.Out[l] = max;
                    x = max;
                    continue;
                }
                case LayeredKind.BatchNorm:
                    BatchNormForward(spec, p, f, l, x, pre, state, mutation, valuesOnly);
                    break;
                case LayeredKind.LayerNorm:
                    LayerNormForward(spec, p, f, l, x, pre, mutation, valuesOnly);
                    break;
                case LayeredKind.Dropout:
                case LayeredKind.GaussianNoise:
                {
                    Tracked[]? drawn = f.Mode == LayeredMode.Training ? draws?[l] : null;
                    if (f.Mode == LayeredMode.Training && drawn is null && layer.Rate != 0)
                        throw new ArgumentException($"Training through layer {l} ({layer.Kind}) needs its draws.", nameof(draws));
                    if (drawn is not null && drawn.Length != n * u) throw new ArgumentException($"Layer {l} needs {n * u} draws.", nameof(draws));
                    for (int j = 0; j < n * u; j++)
                        pre[j] = drawn is null ? x[j] : layer.Kind == LayeredKind.Dropout ? x[j] * drawn[j] : x[j] + drawn[j];
                    break;
                }
            }
            f.Pre[l] = pre;
            f.Out[l] = Activate(layer, pre, n);
            x = f.Out[l];
        }
    }

    /// <summary>
    /// The index into the pieces <paramref name="h"/> of the piece unit <paramref name="j"/> (of the batch's n * units)
    /// takes: the largest value; among equal values the lowest index, as torch.max's index.
    /// </summary>
    public static int MaxoutWinner(Tracked[] h, int j, int pieces)
    {
        int best = j * pieces;
        for (int k = 1; k < pieces; k++)
            if (h[j * pieces + k].V > h[best].V) best = j * pieces + k;
        return best;
    }

    /// <summary>The gap between unit <paramref name="j"/>'s winning piece and the best of the others (its kink is at 0).</summary>
    private static double MaxoutGap(Tracked[] h, int j, int pieces)
    {
        int best = MaxoutWinner(h, j, pieces);
        double gap = double.PositiveInfinity;
        for (int k = 0; k < pieces; k++)
            if (j * pieces + k != best) gap = Math.Min(gap, h[best].V - h[j * pieces + k].V);
        return gap;
    }

    private static void BatchNormForward(LayeredSpec spec, ReadOnlySpan<double> p, LayeredForward f, int l, Tracked[] x, Tracked[] pre,
        ReadOnlySpan<Tracked> state, LayeredMutation mutation, bool valuesOnly)
    {
        LayeredLayer layer = spec.Layers[l];
        int n = f.N, u = layer.Units, gamma = spec.WeightOffset(l), beta = spec.BiasOffset(l);
        Tracked eps = Tracked.Exact(layer.Epsilon);
        Tracked[] xhat = f.XHat[l] = new Tracked[n * u], inv = f.InvStd[l] = new Tracked[u];
        if (f.Mode == LayeredMode.Training)
        {
            f.BatchMean[l] = new Tracked[u];
            f.BatchVariance[l] = new Tracked[u];
        }
        for (int j = 0; j < u; j++)
        {
            Tracked mean, variance;
            if (f.Mode == LayeredMode.Training)
            {
                var sum = new TrackedSum();
                for (int s = 0; s < n; s++) sum.Add(x[s * u + j]);
                mean = sum.Total / n;
                var squares = new TrackedSum();
                for (int s = 0; s < n; s++)
                {
                    Tracked c = x[s * u + j] - mean;
                    squares.AddProduct(c, c);
                }
                variance = squares.Total / (mutation == LayeredMutation.UnbiasedNormalization ? n - 1 : n);
                f.BatchMean[l][j] = mean;
                f.BatchVariance[l][j] = squares.Total / (n - 1);
            }
            else
            {
                mean = state[spec.StateOffset(l) + j];
                variance = state[spec.StateOffset(l) + u + j];
            }
            inv[j] = mutation == LayeredMutation.EpsilonOutsideSqrt
                ? Tracked.Exact(1) / (Tracked.Sqrt(variance) + eps)
                : Tracked.Exact(1) / Tracked.Sqrt(variance + eps);
            for (int s = 0; s < n; s++) xhat[s * u + j] = (x[s * u + j] - mean) * inv[j];
            if (f.Mode == LayeredMode.Training && !valuesOnly) NormalizedWithJacobian(x, xhat, j, u, n, variance, eps, mutation);
            for (int s = 0; s < n; s++) pre[s * u + j] = Tracked.Exact(p[gamma + j]) * xhat[s * u + j] + Tracked.Exact(p[beta + j]);
        }
    }

    /// <summary>
    /// Replaces the error bounds of xhat, for the m values x[offset + k * stride] that share one mean and variance, by
    /// its own roundings (the same operations on the values taken as exact) plus the input errors carried through the
    /// exact Jacobian d xhat_s / d x_k = invStd (delta_sk - 1/m - xhat_s xhat_k / m). Propagating x - mean and
    /// 1 / std separately would count the same input error twice with opposite signs and lose that it cancels
    /// (for m = 2, xhat is +-1 up to epsilon whatever the inputs' errors).
    /// </summary>
    private static void NormalizedWithJacobian(Tracked[] x, Tracked[] xhat, int offset, int stride, int m, Tracked variance, Tracked eps, LayeredMutation mutation)
    {
        if (mutation != LayeredMutation.None) return;
        double anyError = 0;
        for (int k = 0; k < m; k++) anyError += x[offset + k * stride].E;
        if (anyError == 0) return;
        // own roundings: the same operations on exact inputs
        var sum = new TrackedSum();
        for (int k = 0; k < m; k++) sum.Add(Tracked.Exact(x[offset + k * stride].V));
        Tracked mean = sum.Total / m;
        var squares = new TrackedSum();
        for (int k = 0; k < m; k++)
        {
            Tracked c = Tracked.Exact(x[offset + k * stride].V) - mean;
            squares.AddProduct(c, c);
        }
        Tracked inv = Tracked.Exact(1) / Tracked.Sqrt(squares.Total / m + eps);
        double invStd = 1 / Math.Sqrt(variance.V + eps.V);
        for (int s = 0; s < m; s++)
        {
            Tracked own = (Tracked.Exact(x[offset + s * stride].V) - mean) * inv;
            double h = xhat[offset + s * stride].V, carried = 0;
            for (int k = 0; k < m; k++)
                carried += Math.Abs((s == k ? 1 : 0) - 1.0 / m - h * xhat[offset + k * stride].V / m) * x[offset + k * stride].E;
            xhat[offset + s * stride] = new Tracked(h, own.E + invStd * carried);
        }
    }

    private static void LayerNormForward(LayeredSpec spec, ReadOnlySpan<double> p, LayeredForward f, int l, Tracked[] x, Tracked[] pre, LayeredMutation mutation, bool valuesOnly)
    {
        LayeredLayer layer = spec.Layers[l];
        int n = f.N, u = layer.Units, gamma = spec.WeightOffset(l), beta = spec.BiasOffset(l);
        Tracked eps = Tracked.Exact(layer.Epsilon);
        Tracked[] xhat = f.XHat[l] = new Tracked[n * u], inv = f.InvStd[l] = new Tracked[n];
        for (int s = 0; s < n; s++)
        {
            var sum = new TrackedSum();
            for (int j = 0; j < u; j++) sum.Add(x[s * u + j]);
            Tracked mean = sum.Total / u;
            var squares = new TrackedSum();
            for (int j = 0; j < u; j++)
            {
                Tracked c = x[s * u + j] - mean;
                squares.AddProduct(c, c);
            }
            Tracked variance = squares.Total / (mutation == LayeredMutation.UnbiasedNormalization && u > 1 ? u - 1 : u);
            inv[s] = mutation == LayeredMutation.EpsilonOutsideSqrt
                ? Tracked.Exact(1) / (Tracked.Sqrt(variance) + eps)
                : Tracked.Exact(1) / Tracked.Sqrt(variance + eps);
            for (int j = 0; j < u; j++)
            {
                // x - mean of a single feature is exactly 0 (the mean of one value is that value).
                Tracked c = u == 1 ? Tracked.Exact(0) : x[s * u + j] - mean;
                xhat[s * u + j] = c * inv[s];
            }
            if (u > 1 && !valuesOnly) NormalizedWithJacobian(x, xhat, s * u, 1, u, variance, eps, mutation);
            for (int j = 0; j < u; j++) pre[s * u + j] = Tracked.Exact(p[gamma + j]) * xhat[s * u + j] + Tracked.Exact(p[beta + j]);
        }
    }

    private static Tracked[] Activate(LayeredLayer layer, Tracked[] z, int n)
    {
        if (layer.Activation == Activation.Identity) return z;
        Tracked[] a = new Tracked[z.Length];
        if (layer.Activation == Activation.Softmax)
        {
            int u = layer.Units;
            for (int s = 0; s < n; s++) Softmax(z.AsSpan(s * u, u), a.AsSpan(s * u, u));
            return a;
        }
        for (int j = 0; j < z.Length; j++) a[j] = Activate(layer.Activation, layer.Alpha, z[j]);
        return a;
    }

    /// <summary>One elementwise activation as the definition computes it, in Tracked operations.</summary>
    public static Tracked Activate(Activation activation, double alpha, Tracked z)
    {
        Tracked one = Tracked.Exact(1);
        return activation switch
        {
            Activation.Identity => z,
            Activation.Sigmoid => Tracked.Sigmoid(z),
            Activation.Tanh => Tracked.Tanh(z),
            Activation.ReLU => z.V > 0 ? z : Tracked.Exact(0),
            Activation.LeakyReLU => z.V > 0 ? z : Tracked.Exact(alpha) * z,
            Activation.ELU => z.V > 0 ? z : Tracked.Exact(alpha) * (Tracked.Exp(z) - one),
            Activation.SELU => z.V > 0
                ? Tracked.Constant(ReferenceActivations.SeluScale) * z
                : Tracked.Constant(ReferenceActivations.SeluScale * ReferenceActivations.SeluAlpha) * (Tracked.Exp(z) - one),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax works on a row."),
        };
    }

    /// <summary>
    /// f'(z), with PyTorch's choice at the kinks, bounded for either way of evaluating it (from a, as
    /// <c>a (1 - a)</c> or <c>a + alpha</c>, or from z).
    /// </summary>
    public static Tracked Derivative(Activation activation, double alpha, Tracked z, Tracked a)
    {
        Tracked one = Tracked.Exact(1);
        switch (activation)
        {
            case Activation.Identity: return one;
            case Activation.Sigmoid: return a * (one - a);
            case Activation.Tanh: return one - a * a;
            case Activation.ReLU: return Tracked.Exact(z.V > 0 ? 1 : 0);
            case Activation.LeakyReLU: return Tracked.Exact(z.V > 0 ? 1 : alpha);
            case Activation.ELU:
                return z.V > 0 ? one : Tracked.Either(Tracked.Exact(alpha) * Tracked.Exp(z), a + Tracked.Exact(alpha));
            case Activation.SELU:
            {
                if (z.V > 0) return Tracked.Constant(ReferenceActivations.SeluScale);
                Tracked scaleAlpha = Tracked.Constant(ReferenceActivations.SeluScale * ReferenceActivations.SeluAlpha);
                return Tracked.Either(scaleAlpha * Tracked.Exp(z), a + scaleAlpha);
            }
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax works on a row.");
        }
    }

    private static void Softmax(ReadOnlySpan<Tracked> z, Span<Tracked> a)
    {
        Tracked max = z[0];
        foreach (Tracked v in z) if (v.V > max.V) max = v;
        var total = new TrackedSum();
        Span<Tracked> e = new Tracked[z.Length];
        for (int k = 0; k < z.Length; k++) total.Add(e[k] = Tracked.Exp(z[k] - max));
        for (int k = 0; k < z.Length; k++) a[k] = e[k] / total.Total;
    }

    private static void Finish(LayeredSpec spec, ReadOnlySpan<double> p, LayeredForward f, ReadOnlySpan<double> t)
    {
        double margin = double.PositiveInfinity;
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Kind == LayeredKind.Maxout)
                for (int j = 0; j < f.Out[l].Length; j++) margin = Math.Min(margin, MaxoutGap(f.Pre[l], j, spec.Layers[l].Pieces));
            else if (ReferenceActivations.HasKinkAtZero(spec.Layers[l].Activation))
                foreach (Tracked z in f.Pre[l]) margin = Math.Min(margin, Math.Abs(z.V));
        }
        f.Penalty = Penalty(spec, p);
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            if (layer.Kind != LayeredKind.Dense || layer.L1 == 0) continue;
            for (int j = spec.WeightOffset(l); j < spec.BiasOffset(l); j++) margin = Math.Min(margin, Math.Abs(p[j]));
        }
        if (!t.IsEmpty)
        {
            f.DataLoss = DataLoss(spec, f, t);
            if (spec.Loss == Loss.MeanAbsoluteError)
                for (int j = 0; j < t.Length; j++) margin = Math.Min(margin, Math.Abs(f.Outputs[j].V - t[j]));
        }
        f.KinkMargin = margin;
    }

    /// <summary>The penalty L1 * sum |w| + L2 * sum w^2 over every dense layer's weights, each layer with its own L1, L2.</summary>
    public static Tracked Penalty(LayeredSpec spec, ReadOnlySpan<double> p)
    {
        var sum = new TrackedSum();
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            if (layer.Kind != LayeredKind.Dense || (layer.L1 == 0 && layer.L2 == 0)) continue;
            for (int j = spec.WeightOffset(l); j < spec.BiasOffset(l); j++)
            {
                Tracked w = Tracked.Exact(p[j]);
                sum.Add(Tracked.Exact(layer.L1) * Tracked.Abs(w) + Tracked.Exact(layer.L2) * (w * w));
            }
        }
        return sum.Total;
    }

    private static Tracked DataLoss(LayeredSpec spec, LayeredForward f, ReadOnlySpan<double> t)
    {
        int n = f.N, outputs = spec.OutputSize;
        Tracked[] z = f.Pre[^1], y = f.Outputs;
        var sum = new TrackedSum();
        switch (spec.Loss)
        {
            case Loss.MeanSquaredError:
                for (int j = 0; j < y.Length; j++)
                {
                    Tracked d = y[j] - Tracked.Exact(t[j]);
                    sum.AddProduct(d, d);
                }
                return sum.Total / y.Length;
            case Loss.MeanAbsoluteError:
                for (int j = 0; j < y.Length; j++) sum.Add(Tracked.Abs(y[j] - Tracked.Exact(t[j])));
                return sum.Total / y.Length;
            case Loss.BinaryCrossEntropy:
                // max(z, 0) - z t + log(1 + exp(-|z|)), stable
                for (int j = 0; j < z.Length; j++)
                    sum.Add(Tracked.PositivePart(z[j]) - z[j] * Tracked.Exact(t[j]) + Tracked.Log1P(Tracked.Exp(-Tracked.Abs(z[j]))));
                return sum.Total / z.Length;
            default:
                // -sum_k t_k log_softmax(z)_k = sum_k t_k (logsumexp(z) - z_k), per row, mean over rows
                for (int s = 0; s < n; s++)
                {
                    ReadOnlySpan<Tracked> zs = z.AsSpan(s * outputs, outputs);
                    Tracked max = zs[0];
                    foreach (Tracked v in zs) if (v.V > max.V) max = v;
                    var total = new TrackedSum();
                    foreach (Tracked v in zs) total.Add(Tracked.Exp(v - max));
                    Tracked logSumExp = max + Tracked.Log(total.Total);
                    for (int k = 0; k < outputs; k++) sum.AddProduct(Tracked.Exact(t[s * outputs + k]), logSumExp - zs[k]);
                }
                return sum.Total / n;
        }
    }

    /// <summary>
    /// The running statistics after the training call <paramref name="f"/>, from <paramref name="before"/>:
    /// running = (1 - momentum) * running + momentum * batch statistic, the variance unbiased (PyTorch's BatchNorm1d).
    /// </summary>
    public static Tracked[] UpdatedState(LayeredSpec spec, LayeredForward f, ReadOnlySpan<Tracked> before)
    {
        if (f.Mode != LayeredMode.Training) throw new ArgumentException("Only training calls move the running statistics.", nameof(f));
        Tracked[] after = before.ToArray();
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            if (layer.Kind != LayeredKind.BatchNorm) continue;
            Tracked m = Tracked.Exact(layer.Momentum), keep = Tracked.Exact(1) - m;
            int u = layer.Units, mean = spec.StateOffset(l), variance = mean + u;
            for (int j = 0; j < u; j++)
            {
                after[mean + j] = keep * before[mean + j] + m * f.BatchMean[l][j];
                after[variance + j] = keep * before[variance + j] + m * f.BatchVariance[l][j];
            }
        }
        return after;
    }

    /// <summary>
    /// The analytic gradient of <see cref="LayeredForward.Loss"/> (data loss plus penalty) with respect to the
    /// parameters, by the chain rule on the definitions, each element with its float error bound. The BatchNorm and
    /// LayerNorm gates use the closed form dx = invStd / m * (m dxhat - sum dxhat - xhat sum(dxhat xhat)) over the m
    /// values that share a statistic (dxhat = gamma * dy), which is the derivative through mean and variance.
    /// </summary>
    public static Tracked[] Gradient(LayeredSpec spec, ReadOnlySpan<double> p, LayeredForward f, ReadOnlySpan<double> t,
        LayeredMutation mutation = LayeredMutation.None, LayeredDraws? draws = null)
    {
        int n = f.N, outputs = spec.OutputSize, last = spec.Layers.Count - 1;
        if (t.Length != n * outputs) throw new ArgumentException("targets does not match the batch.", nameof(t));
        var sums = new TrackedSum[spec.ParameterCount];
        double count = ReferenceLosses.Count(spec.Loss, n, outputs);
        Tracked invCount = Tracked.Constant(1 / count);
        Tracked[] z = f.Pre[last], y = f.Outputs;

        // the loss gate: dL/d(out) of the last layer, or directly dL/dz for the cross-entropies
        Tracked[] d = new Tracked[n * outputs];
        bool atZ = spec.Loss is Loss.BinaryCrossEntropy or Loss.CategoricalCrossEntropy;
        for (int s = 0; s < n; s++)
        {
            var sumT = new TrackedSum();
            for (int k = 0; k < outputs; k++) sumT.Add(Tracked.Exact(t[s * outputs + k]));
            for (int k = 0; k < outputs; k++)
            {
                int j = s * outputs + k;
                Tracked tj = Tracked.Exact(t[j]);
                d[j] = spec.Loss switch
                {
                    Loss.MeanSquaredError => Tracked.Exact(2) * (y[j] - tj) * invCount,
                    Loss.MeanAbsoluteError => Tracked.Exact(Math.Sign(y[j].V - t[j])) * invCount,
                    Loss.BinaryCrossEntropy => (y[j] - tj) * invCount,
                    _ => (y[j] * sumT.Total - tj) * invCount,
                };
            }
        }

        for (int l = last; l >= 0; l--)
        {
            LayeredLayer layer = spec.Layers[l];
            int u = layer.Units, fanIn = spec.FanIn(l);
            if (!(l == last && atZ)) d = ActivationBackward(layer, f.Pre[l], f.Out[l], d, n);
            Tracked[] x = f.In[l];
            Tracked[]? dx = l > 0 ? new Tracked[n * fanIn] : null;
            if (layer.Kind == LayeredKind.Maxout)
            {
                // the max gate: each unit's gradient goes to its winning piece, 0 to the others; then the affine rows as Dense
                int rows = layer.Rows;
                Tracked[] dh = new Tracked[n * rows];
                Array.Fill(dh, Tracked.Exact(0));
                for (int j = 0; j < n * u; j++) dh[MaxoutWinner(f.Pre[l], j, layer.Pieces)] = d[j];
                d = dh;
                u = rows;
            }
            switch (layer.Kind)
            {
                case LayeredKind.Dense:
                case LayeredKind.Maxout:
                {
                    int w = spec.WeightOffset(l), b = spec.BiasOffset(l);
                    for (int s = 0; s < n; s++)
                        for (int o = 0; o < u; o++)
                        {
                            Tracked dz = d[s * u + o];
                            sums[b + o].Add(dz);
                            for (int i = 0; i < fanIn; i++) sums[w + o * fanIn + i].AddProduct(dz, x[s * fanIn + i]);
                        }
                    if (dx is null) break;
                    for (int s = 0; s < n; s++)
                        for (int i = 0; i < fanIn; i++)
                        {
                            var sum = new TrackedSum();
                            for (int o = 0; o < u; o++) sum.AddProduct(d[s * u + o], Tracked.Exact(p[w + o * fanIn + i]));
                            dx[s * fanIn + i] = sum.Total;
                        }
                    break;
                }
                case LayeredKind.BatchNorm:
                {
                    int gamma = spec.WeightOffset(l), beta = spec.BiasOffset(l);
                    Tracked[] xhat = f.XHat[l], inv = f.InvStd[l];
                    for (int j = 0; j < u; j++)
                    {
                        var sumD = new TrackedSum();
                        var sumDX = new TrackedSum();
                        for (int s = 0; s < n; s++)
                        {
                            sumD.Add(d[s * u + j]);
                            sumDX.AddProduct(d[s * u + j], xhat[s * u + j]);
                        }
                        for (int s = 0; s < n; s++)
                        {
                            sums[gamma + j].AddProduct(d[s * u + j], xhat[s * u + j]);
                            sums[beta + j].Add(d[s * u + j]);
                        }
                        if (dx is null) continue;
                        Tracked g = Tracked.Exact(p[gamma + j]);
                        bool constants = mutation == LayeredMutation.StatisticsAsConstants || f.Mode == LayeredMode.Inference;
                        Tracked scale = g * inv[j] / n;
                        for (int s = 0; s < n; s++)
                            dx[s * u + j] = constants
                                ? g * inv[j] * d[s * u + j]
                                : scale * (Tracked.Exact(n) * d[s * u + j] - sumD.Total - xhat[s * u + j] * sumDX.Total);
                    }
                    break;
                }
                case LayeredKind.LayerNorm:
                {
                    int gamma = spec.WeightOffset(l), beta = spec.BiasOffset(l);
                    Tracked[] xhat = f.XHat[l], inv = f.InvStd[l];
                    for (int s = 0; s < n; s++)
                    {
                        var sumDh = new TrackedSum();
                        var sumDhX = new TrackedSum();
                        Tracked[] dh = new Tracked[u];
                        for (int j = 0; j < u; j++)
                        {
                            sums[gamma + j].AddProduct(d[s * u + j], xhat[s * u + j]);
                            sums[beta + j].Add(d[s * u + j]);
                            dh[j] = d[s * u + j] * Tracked.Exact(p[gamma + j]);
                            sumDh.Add(dh[j]);
                            sumDhX.AddProduct(dh[j], xhat[s * u + j]);
                        }
                        if (dx is null) continue;
                        for (int j = 0; j < u; j++)
                            dx[s * u + j] = mutation == LayeredMutation.StatisticsAsConstants
                                ? inv[s] * dh[j]
                                : inv[s] / u * (Tracked.Exact(u) * dh[j] - sumDh.Total - xhat[s * u + j] * sumDhX.Total);
                    }
                    break;
                }
                case LayeredKind.Dropout:
                case LayeredKind.GaussianNoise:
                {
                    if (dx is null) break;
                    Tracked[]? drawn = f.Mode == LayeredMode.Training ? draws?[l] : null;
                    if (f.Mode == LayeredMode.Training && drawn is null && layer.Rate != 0)
                        throw new ArgumentException($"The gradient through layer {l} ({layer.Kind}) needs its draws.", nameof(draws));
                    for (int j = 0; j < dx.Length; j++)
                        dx[j] = layer.Kind == LayeredKind.Dropout && drawn is not null ? d[j] * drawn[j] : d[j];
                    break;
                }
            }
            if (dx is null) break;
            d = dx;
        }

        var gradient = new Tracked[spec.ParameterCount];
        for (int j = 0; j < gradient.Length; j++) gradient[j] = sums[j].Total;
        // the penalty's gradient, added to each penalized weight's: L1 * sign(w) + 2 * L2 * w
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            LayeredLayer layer = spec.Layers[l];
            if (layer.Kind != LayeredKind.Dense || (layer.L1 == 0 && layer.L2 == 0)) continue;
            for (int j = spec.WeightOffset(l); j < spec.BiasOffset(l); j++)
                gradient[j] = gradient[j] + (Tracked.Exact(layer.L1 * Math.Sign(p[j])) + Tracked.Exact(2 * layer.L2) * Tracked.Exact(p[j]));
        }
        return gradient;
    }

    private static Tracked[] ActivationBackward(LayeredLayer layer, Tracked[] z, Tracked[] a, Tracked[] da, int n)
    {
        if (layer.Activation == Activation.Identity) return da;
        Tracked[] dz = new Tracked[da.Length];
        if (layer.Activation == Activation.Softmax)
        {
            int u = layer.Units;
            for (int s = 0; s < n; s++)
            {
                var dot = new TrackedSum();
                for (int k = 0; k < u; k++) dot.AddProduct(da[s * u + k], a[s * u + k]);
                for (int k = 0; k < u; k++) dz[s * u + k] = a[s * u + k] * (da[s * u + k] - dot.Total);
            }
            return dz;
        }
        for (int j = 0; j < da.Length; j++) dz[j] = da[j] * Derivative(layer.Activation, layer.Alpha, z[j], a[j]);
        return dz;
    }

    /// <summary>
    /// Central differences (the fourth-order stencil of <see cref="FiniteDifferences"/>) of the training-mode loss
    /// (data loss plus penalty) as a function of the parameters, the draws held fixed. A parameter of layer l
    /// changes nothing below l, so each evaluation reruns layers l and up from the center's values. Throws if a
    /// stencil point puts any kinked value (an activation's z, an MAE residual, an L1 weight) on another side of
    /// its kink than the center.
    /// </summary>
    public static double[] FiniteDifferenceGradient(LayeredSpec spec, double[] p, double[] inputs, double[] targets,
        LayeredMode mode = LayeredMode.Training, ReadOnlySpan<Tracked> state = default, LayeredDraws? draws = null, double h = Step)
    {
        LayeredForward center = Forward(spec, p, inputs, mode, state, draws, targets);
        Tracked[] stateCopy = state.ToArray();
        double[] q = (double[])p.Clone();
        double[] gradient = new double[p.Length];
        for (int j = 0; j < p.Length; j++)
        {
            int l = spec.LayerOfParameter(j);
            double at(double offset)
            {
                q[j] = p[j] + offset;
                var f = new LayeredForward(spec.Layers.Count, center.N) { Mode = mode };
                Run(spec, q, f, l, center.In[l], stateCopy, draws, LayeredMutation.None, valuesOnly: true);
                for (int k = 0; k < l; k++)
                {
                    f.In[k] = center.In[k];
                    f.Pre[k] = center.Pre[k];
                    f.Out[k] = center.Out[k];
                }
                Finish(spec, q, f, targets);
                CheckSides(spec, center, f, l, targets, p, q, j);
                q[j] = p[j];
                return f.Loss.V;
            }
            gradient[j] = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
        }
        return gradient;
    }

    private static void CheckSides(LayeredSpec spec, LayeredForward center, LayeredForward f, int from, double[] t, double[] p, double[] q, int parameter)
    {
        for (int l = from; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Kind == LayeredKind.Maxout)
            {
                for (int j = 0; j < f.Out[l].Length; j++)
                    if (MaxoutWinner(f.Pre[l], j, spec.Layers[l].Pieces) != MaxoutWinner(center.Pre[l], j, spec.Layers[l].Pieces)) throw Crossed(parameter);
                continue;
            }
            if (!ReferenceActivations.HasKinkAtZero(spec.Layers[l].Activation)) continue;
            for (int j = 0; j < f.Pre[l].Length; j++)
                if ((f.Pre[l][j].V > 0) != (center.Pre[l][j].V > 0)) throw Crossed(parameter);
        }
        if (spec.Loss == Loss.MeanAbsoluteError)
            for (int j = 0; j < t.Length; j++)
                if ((f.Outputs[j].V > t[j]) != (center.Outputs[j].V > t[j])) throw Crossed(parameter);
        int layer = spec.LayerOfParameter(parameter);
        if (spec.Layers[layer].Kind == LayeredKind.Dense && spec.Layers[layer].L1 != 0 && Math.Sign(q[parameter]) != Math.Sign(p[parameter]))
            throw Crossed(parameter);
    }

    private static InvalidOperationException Crossed(int parameter)
        => new($"The finite-difference stencil of parameter {parameter} crosses a kink; choose data farther from the kinks.");

    /// <summary>Values only.</summary>
    public static double[] Values(this Tracked[] values) => values.Select(v => v.V).ToArray();

    /// <summary>Running statistics a network holds (floats, exact).</summary>
    public static Tracked[] ExactState(ReadOnlySpan<float> state)
    {
        var tracked = new Tracked[state.Length];
        for (int j = 0; j < state.Length; j++) tracked[j] = Tracked.Exact(state[j]);
        return tracked;
    }

    public static Tracked[] ExactState(ReadOnlySpan<double> state)
    {
        var tracked = new Tracked[state.Length];
        for (int j = 0; j < state.Length; j++) tracked[j] = Tracked.Exact(state[j]);
        return tracked;
    }
}
