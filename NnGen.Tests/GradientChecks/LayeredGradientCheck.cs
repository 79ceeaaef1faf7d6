using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The check every layered catalog network's training step is held to: the loss of ComputeGradients equals the
/// double-precision reference's, the reference's analytic gradient and the network's Gradients both equal central
/// differences of the reference loss, at a point where the loss is not flat.
/// </summary>
internal static class LayeredGradientCheck
{
    public static void TrainingMatchesReference(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        float loss = net.ComputeGradients(data.Inputs, data.Targets);

        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Training, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(c.Spec, data.P, f, data.T);
        double[] numeric = data.NumericGradient;
        ElementwiseAssert.Close($"{c} training loss (batch {batch})", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
        Assert.True(numeric.Any(v => Math.Abs(v) > 1e-6), $"{c}: the loss is flat at this point; the check would prove nothing.");
        ElementwiseAssert.Close($"{c} analytic vs central differences (batch {batch})", numeric, analytic.Select(a => (float)a.V).ToArray(), j => LayeredTolerance.Gradient(analytic[j], f.Loss));
        ElementwiseAssert.Close($"{c} Gradients (batch {batch})", numeric, net.Gradients, j => LayeredTolerance.Gradient(analytic[j], f.Loss));
    }
}
