using System;

namespace NnGen.Tests.Reference;

/// <summary>
/// How far a float32 implementation may be from the exact (double) value, and why.
///
/// The generated network computes in float32, whose unit roundoff is u = 2^-24 (about 6e-8). Standard
/// first-order error analysis (Higham, "Accuracy and Stability of Numerical Algorithms", ch. 3) bounds the error
/// of a computation made of a chain of k roundings by k * u times the same computation evaluated on absolute
/// values (every sum of |terms|, every product of |factors|): cancellation cannot hide behind that scale, so
/// the tolerance is per element, absolute, and proportional to it. The reference computes these scales
/// (<see cref="SampleTrace.AScale"/>, <see cref="BatchEvaluation.LossScale"/>,
/// <see cref="GradientResult.GradientScale"/>) and this class counts k:
/// <list type="bullet">
/// <item>forward, per layer: fanIn multiply-adds and the bias, the activation (the runtime's exp / tanh are within a
/// couple of ulps, plus the add and divide around them), and for a softmax the row's sum and division: fanIn + units + 10;</item>
/// <item>loss: the forward chain, then the element's terms and the sum over the row: + outputs + 10;</item>
/// <item>backward, per layer: the sum over the units above and the derivative's few roundings (units + fanIn + 10),
/// then the sum over the n samples of the batch: + n + 10.</item>
/// </list>
/// The bound is a worst case that grows linearly in k; actual errors grow like sqrt(k), so a correct float
/// implementation sits well inside it (on this suite the largest error seen is about 2 u times the scale, where
/// k runs from about 40 to 450), while a wrong derivative, alpha, constant or reduction is off by far more.
/// A factor 2 covers second-order terms and library functions a little worse than 1 ulp. Single gates, where k is
/// a handful, are held to a few ulps in ActivationAccuracyTests.
/// </summary>
public static class FloatTolerance
{
    /// <summary>float32's unit roundoff 2^-24.</summary>
    public const double UnitRoundoff = 1.0 / (1 << 24);

    private const double Safety = 2.0;

    /// <summary>Rounding chain of the forward pass.</summary>
    public static int ForwardChain(NetworkSpec spec)
    {
        int k = 0;
        for (int l = 0; l < spec.Layers.Count; l++) k += spec.FanIn(l) + spec.Layers[l].Units + 10;
        return k;
    }

    /// <summary>Rounding chain of the loss.</summary>
    public static int LossChain(NetworkSpec spec) => ForwardChain(spec) + spec.OutputSize + 10;

    /// <summary>Rounding chain of one gradient element for a batch of <paramref name="samples"/>.</summary>
    public static int GradientChain(NetworkSpec spec, int samples)
    {
        int k = LossChain(spec);
        for (int l = 0; l < spec.Layers.Count; l++) k += spec.Layers[l].Units + spec.FanIn(l) + 10;
        return k + samples + 10;
    }

    /// <summary>Allowed |float output - exact output| for an output of error scale <paramref name="scale"/>.</summary>
    public static double Output(NetworkSpec spec, double scale) => Safety * ForwardChain(spec) * UnitRoundoff * scale;

    /// <summary>
    /// Allowed |float loss - exact loss|: the chain on the loss's error scale, plus the final rounding of the
    /// returned float (half an ulp of the loss, included in u * |loss|).
    /// </summary>
    public static double Loss(NetworkSpec spec, double lossScale, double loss)
        => Safety * LossChain(spec) * UnitRoundoff * lossScale + UnitRoundoff * Math.Abs(loss);

    /// <summary>
    /// Allowed |float gradient - finite difference| for one element: the float chain on the element's error scale
    /// plus the finite difference's own error. The latter, in double, is the rounding of the loss amplified by 1/h
    /// (about 1.5 * 100 * 1.1e-16 / 1e-5 = 1.7e-9 of the loss's scale) and a truncation error of order h^4:
    /// 1e-8 of the loss's scale bounds it with room.
    /// </summary>
    public static double Gradient(NetworkSpec spec, int samples, double gradientScale, double lossScale)
        => BackwardPass(spec, samples, gradientScale) + FiniteDifferenceError(lossScale);

    /// <summary>Allowed |float gradient - exact gradient| for one element of error scale <paramref name="gradientScale"/>.</summary>
    public static double BackwardPass(NetworkSpec spec, int samples, double gradientScale)
        => Safety * GradientChain(spec, samples) * UnitRoundoff * gradientScale;

    /// <summary>
    /// Allowed difference between two double-precision evaluations of the same quantity in different orders (the
    /// reference and PyTorch): the same chains with double's unit roundoff 2^-53.
    /// </summary>
    public static double DoubleEvaluation(int chain, double scale) => Safety * chain * Math.Pow(2, -53) * scale;

    /// <summary>The error of <see cref="FiniteDifferences.Gradient(NetworkSpec, double[], double[], double[], double)"/> (see <see cref="Gradient"/>).</summary>
    public static double FiniteDifferenceError(double lossScale) => 1e-8 * lossScale + 1e-13;
}
