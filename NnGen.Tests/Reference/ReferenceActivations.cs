using System;

namespace NnGen.Tests.Reference;

/// <summary>
/// The activations in double precision, written from PyTorch's definitions (torch.nn.functional):
/// sigmoid, tanh, relu (gradient 0 at 0), leaky_relu(negative_slope), elu(alpha), selu, softmax.
/// </summary>
public static class ReferenceActivations
{
    /// <summary>torch.nn.SELU's constants (ATen's SELU_SCALE and SELU_ALPHA).</summary>
    public const double SeluScale = 1.0507009873554804934193349852946;
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    public static double Apply(Activation activation, double alpha, double z) => activation switch
    {
        Activation.Identity => z,
        Activation.Sigmoid => Sigmoid(z),
        Activation.Tanh => Math.Tanh(z),
        Activation.ReLU => z > 0 ? z : 0.0,
        Activation.LeakyReLU => z > 0 ? z : alpha * z,
        Activation.ELU => z > 0 ? z : alpha * ExpM1(z),
        Activation.SELU => SeluScale * (z > 0 ? z : SeluAlpha * ExpM1(z)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax works on a whole row."),
    };

    /// <summary>f'(z), with PyTorch's choice at the kinks: relu'(0) = 0, leaky_relu'(0) = slope, elu'(0) = alpha.</summary>
    public static double Derivative(Activation activation, double alpha, double z) => activation switch
    {
        Activation.Identity => 1.0,
        Activation.Sigmoid => Sigmoid(z) * (1.0 - Sigmoid(z)),
        Activation.Tanh => 1.0 - Math.Tanh(z) * Math.Tanh(z),
        Activation.ReLU => z > 0 ? 1.0 : 0.0,
        Activation.LeakyReLU => z > 0 ? 1.0 : alpha,
        Activation.ELU => z > 0 ? 1.0 : alpha * Math.Exp(z),
        Activation.SELU => SeluScale * (z > 0 ? 1.0 : SeluAlpha * Math.Exp(z)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax works on a whole row."),
    };

    /// <summary>Whether f is not smooth at z = 0, so that a finite-difference stencil must not straddle 0.</summary>
    public static bool HasKinkAtZero(Activation activation)
        => activation is Activation.ReLU or Activation.LeakyReLU or Activation.ELU or Activation.SELU;

    /// <summary>Softmax of a row, shifted by its maximum.</summary>
    public static void Softmax(ReadOnlySpan<double> z, Span<double> a)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z) max = Math.Max(max, v);
        double total = 0;
        for (int k = 0; k < z.Length; k++) total += a[k] = Math.Exp(z[k] - max);
        for (int k = 0; k < z.Length; k++) a[k] /= total;
    }

    /// <summary>log(sum(exp(z))), shifted by the maximum.</summary>
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z) max = Math.Max(max, v);
        double total = 0;
        foreach (double v in z) total += Math.Exp(v - max);
        return max + Math.Log(total);
    }

    /// <summary>1 / (1 + exp(-z)) without overflow for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>exp(x) - 1, accurate near 0 (Kahan's trick; .NET's double.ExpM1 is exp(x) - 1).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        return um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + x), accurate near 0 (Goldberg's trick; .NET's double.LogP1 is log(x + 1)).</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
