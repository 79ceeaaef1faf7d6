using System;

namespace NnGen.Tests.Reference;

/// <summary>
/// The four losses in double precision, each exactly the PyTorch loss with its default reduction='mean'.
/// Batches are row-major [n][classes].
/// </summary>
public static class ReferenceLosses
{
    /// <summary>torch.nn.MSELoss(): mean over all elements of (y - t)^2.</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> y, ReadOnlySpan<double> t)
    {
        SameLength(y, t);
        double sum = 0;
        for (int j = 0; j < y.Length; j++) sum += (y[j] - t[j]) * (y[j] - t[j]);
        return sum / y.Length;
    }

    /// <summary>torch.nn.L1Loss(): mean over all elements of |y - t|.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<double> y, ReadOnlySpan<double> t)
    {
        SameLength(y, t);
        double sum = 0;
        for (int j = 0; j < y.Length; j++) sum += Math.Abs(y[j] - t[j]);
        return sum / y.Length;
    }

    /// <summary>
    /// torch.nn.BCEWithLogitsLoss() on the logits z: mean over all elements of
    /// -[t log sigmoid(z) + (1 - t) log(1 - sigmoid(z))], computed stably as max(z, 0) - z t + log(1 + exp(-|z|)).
    /// </summary>
    public static double BinaryCrossEntropyWithLogits(ReadOnlySpan<double> z, ReadOnlySpan<double> t)
    {
        SameLength(z, t);
        double sum = 0;
        for (int j = 0; j < z.Length; j++) sum += BinaryCrossEntropyWithLogit(z[j], t[j]);
        return sum / z.Length;
    }

    /// <summary>One element of <see cref="BinaryCrossEntropyWithLogits"/>.</summary>
    public static double BinaryCrossEntropyWithLogit(double z, double t)
        => Math.Max(z, 0.0) - z * t + ReferenceActivations.Log1P(Math.Exp(-Math.Abs(z)));

    /// <summary>
    /// torch.nn.CrossEntropyLoss() with class-probability targets: mean over the n rows of
    /// -sum_k t_k log_softmax(z)_k. The targets need not sum to 1 (PyTorch does not normalize them).
    /// </summary>
    public static double CrossEntropy(ReadOnlySpan<double> z, ReadOnlySpan<double> t, int classes)
    {
        SameLength(z, t);
        if (classes <= 0 || z.Length % classes != 0) throw new ArgumentException("The batch is not whole rows.", nameof(classes));
        int n = z.Length / classes;
        double sum = 0;
        for (int s = 0; s < n; s++)
        {
            ReadOnlySpan<double> zs = z.Slice(s * classes, classes), ts = t.Slice(s * classes, classes);
            double logSumExp = ReferenceActivations.LogSumExp(zs);
            for (int k = 0; k < classes; k++) sum -= ts[k] * (zs[k] - logSumExp);
        }
        return sum / n;
    }

    /// <summary>
    /// The loss of a batch: MSE and MAE read the activated outputs <paramref name="y"/>; the cross-entropies
    /// read the logits <paramref name="z"/> of the last layer (BCE before its Sigmoid, CCE before its Softmax).
    /// </summary>
    public static double Of(Loss loss, ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> t, int classes) => loss switch
    {
        Loss.MeanSquaredError => MeanSquaredError(y, t),
        Loss.MeanAbsoluteError => MeanAbsoluteError(y, t),
        Loss.BinaryCrossEntropy => BinaryCrossEntropyWithLogits(z, t),
        Loss.CategoricalCrossEntropy => CrossEntropy(z, t, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
    };

    /// <summary>
    /// The loss of one sample's row before the mean: sum_k (y_k - t_k)^2, sum_k |y_k - t_k|, sum_k bce(z_k, t_k),
    /// or -sum_k t_k log_softmax(z)_k. Each loss above is the sum of these over the rows divided by <see cref="Count"/>.
    /// </summary>
    public static double RowSum(Loss loss, ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> t)
    {
        double sum = 0;
        switch (loss)
        {
            case Loss.MeanSquaredError:
                for (int k = 0; k < t.Length; k++) sum += (y[k] - t[k]) * (y[k] - t[k]);
                return sum;
            case Loss.MeanAbsoluteError:
                for (int k = 0; k < t.Length; k++) sum += Math.Abs(y[k] - t[k]);
                return sum;
            case Loss.BinaryCrossEntropy:
                for (int k = 0; k < t.Length; k++) sum += BinaryCrossEntropyWithLogit(z[k], t[k]);
                return sum;
            case Loss.CategoricalCrossEntropy:
                double logSumExp = ReferenceActivations.LogSumExp(z);
                for (int k = 0; k < t.Length; k++) sum -= t[k] * (z[k] - logSumExp);
                return sum;
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, null);
        }
    }

    /// <summary>What the mean divides by: n * outputs elements, except n rows for the categorical cross-entropy.</summary>
    public static double Count(Loss loss, int samples, int outputs)
        => loss == Loss.CategoricalCrossEntropy ? samples : (double)samples * outputs;

    private static void SameLength(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length || a.Length == 0) throw new ArgumentException($"Lengths {a.Length} and {b.Length} do not match.");
    }
}
