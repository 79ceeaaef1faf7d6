using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The generated backward pass of every declared network against central finite differences, in double precision,
/// of the reference loss (the tolerance per element is <see cref="FloatTolerance.Gradient"/>: float32's error
/// bound on the element's own error scale plus the finite difference's error).
/// </summary>
public sealed class GradientMatchesFiniteDifferencesTests
{
    [Theory]
    [MemberData(nameof(NetworkCatalog.NamesAndBatchSizes), MemberType = typeof(NetworkCatalog))]
    [MemberData(nameof(NetworkCatalog.UnrolledNamesAndVectorBatchSizes), MemberType = typeof(NetworkCatalog))]
    public void Gradients_match_central_differences_of_the_reference_loss(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        net.ComputeGradients(data.Inputs, data.Targets);

        double[] numeric = data.NumericGradient;
        GradientResult scales = ReferenceGradient.Compute(c.Spec, data.P, data.X, data.T);
        Assert.True(numeric.Any(v => Math.Abs(v) > 1e-6), $"{c}: the loss is flat at this point; the check would prove nothing.");
        ElementwiseAssert.Close($"{c} Gradients (batch {batch})", numeric, net.Gradients,
            j => FloatTolerance.Gradient(c.Spec, batch, scales.GradientScale[j], scales.LossScale));
    }
}
