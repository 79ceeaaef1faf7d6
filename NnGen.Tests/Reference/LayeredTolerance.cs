using System;

namespace NnGen.Tests.Reference;

/// <summary>
/// Tolerances for the networks of <see cref="LayeredReference"/>, from the <see cref="Tracked"/> error bounds.
///
/// <para>A float32 value may be off the definition by at most E * u (first order; E is accumulated operation by
/// operation on the definition's own values, see <see cref="Tracked"/>). <see cref="Safety"/> = 2 covers the
/// second-order terms and library functions a little worse than their charged ulps. The bound is a worst case in
/// which every rounding goes the same way; real errors grow like the square root of the operation count, so a
/// correct implementation sits far inside it, while a wrong formula is off by the size of the value it gets wrong
/// (the self-tests show that the deliberate <see cref="LayeredMutation"/>s fall outside these tolerances).</para>
/// </summary>
public static class LayeredTolerance
{
    public const double Safety = 2.0;

    /// <summary>|float - definition| for a value computed in float32 (an output, a gradient element, a running statistic).</summary>
    public static double Float(Tracked value) => Safety * value.E * Tracked.FloatUnit;

    /// <summary>A float32 loss: its bound, plus the rounding of the returned float (half an ulp, within u |loss|).</summary>
    public static double Loss(Tracked loss) => Float(loss) + Tracked.FloatUnit * Math.Abs(loss.V);

    /// <summary>
    /// |float gradient - central difference|: the gradient's float bound plus the difference's own error, which in
    /// double is the rounding of the loss amplified by the stencil, (16 + 2) / 12h times the loss's rounding (at most
    /// E_loss * 2^-53), and a truncation term of order h^4 * L''''' (below 1e-12 for the smooth losses here; the
    /// self-tests compare analytic and numeric gradients to this bound).
    /// </summary>
    public static double Gradient(Tracked gradient, Tracked loss) => Float(gradient) + FiniteDifference(loss);

    /// <summary>The error of <see cref="LayeredReference.FiniteDifferenceGradient"/> (see <see cref="Gradient"/>).</summary>
    public static double FiniteDifference(Tracked loss)
        => Safety * 1.5 / LayeredReference.Step * loss.E * Tracked.DoubleUnit + 1e-12;

    /// <summary>Two float64 evaluations of one definition (the reference and PyTorch): the same bound with double's unit roundoff.</summary>
    public static double Double(Tracked value) => Safety * value.E * Tracked.DoubleUnit + 1e-300;
}
