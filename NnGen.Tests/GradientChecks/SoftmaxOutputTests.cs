using System;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

public sealed class SoftmaxOutputTests
{
    [Theory]
    [MemberData(nameof(NetworkCatalog.SoftmaxOutputNames), MemberType = typeof(NetworkCatalog))]
    public void Predict_after_Softmax_gives_rows_that_sum_to_1(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, 17);
        INetwork net = c.Create();
        data.LoadInto(net);
        int outputs = c.Spec.OutputSize;
        float[] y = new float[17 * outputs];
        net.Predict(data.Inputs, y);

        // Each probability is within a few ulps of exact; their float sum adds outputs roundings of at most u each.
        double tolerance = (2.0 * outputs + 4) * FloatTolerance.UnitRoundoff;
        for (int s = 0; s < 17; s++)
        {
            double sum = 0;
            for (int k = 0; k < outputs; k++)
            {
                Assert.InRange(y[s * outputs + k], 0f, 1f);
                sum += y[s * outputs + k];
            }
            Assert.True(Math.Abs(sum - 1) <= tolerance, $"{c}: row {s} sums to {sum:R}, not 1 within {tolerance:E2}.");
        }
    }
}
