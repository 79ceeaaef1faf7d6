using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>Predict and ComputeLoss of every declared network against the double-precision reference.</summary>
public sealed class ForwardMatchesReferenceTests
{
    [Theory]
    [MemberData(nameof(NetworkCatalog.NamesAndBatchSizes), MemberType = typeof(NetworkCatalog))]
    public void Predict_matches_the_reference(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        float[] outputs = new float[batch * c.Spec.OutputSize];
        net.Predict(data.Inputs, outputs);

        BatchEvaluation expected = ReferenceNetwork.Evaluate(c.Spec, data.P, data.X);
        ElementwiseAssert.Close($"{c} Predict", expected.Outputs, outputs, j => FloatTolerance.Output(c.Spec, expected.OutputScales[j]));
    }

    [Theory]
    [MemberData(nameof(NetworkCatalog.NamesAndBatchSizes), MemberType = typeof(NetworkCatalog))]
    public void ComputeLoss_matches_the_reference(string network, int batch)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);

        float loss = net.ComputeLoss(data.Inputs, data.Targets);

        BatchEvaluation expected = ReferenceNetwork.Evaluate(c.Spec, data.P, data.X, data.T);
        ElementwiseAssert.Close($"{c} ComputeLoss", expected.Loss, loss, FloatTolerance.Loss(c.Spec, expected.LossScale, expected.Loss));
    }
}
