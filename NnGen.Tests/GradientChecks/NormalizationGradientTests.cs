using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// BatchNorm and LayerNorm networks in training mode (README: batch statistics with the biased variance): the loss
/// ComputeGradients returns equals the reference's training-mode loss, and its Gradients equal central differences
/// of that loss in double precision (tolerances: <see cref="LayeredTolerance"/>). Each ComputeGradients also moves
/// the running statistics, so the State before the call is what the call's statistics update.
/// </summary>
public sealed class NormalizationGradientTests
{
    [Theory]
    [MemberData(nameof(LayeredCatalog.NormalizedNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Training_loss_and_gradients_match_the_reference_and_central_differences(string network, int batch)
        => LayeredGradientCheck.TrainingMatchesReference(network, batch);

    [Theory]
    [MemberData(nameof(LayeredCatalog.NormalizedNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Training_loss_does_not_depend_on_the_running_statistics(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork fresh = c.Create(), shifted = c.Create();
        data.LoadInto(fresh);
        data.LoadInto(shifted);
        for (int j = 0; j < shifted.State.Length; j++) shifted.State[j] = 0.5f + 0.25f * (j % 3); // any running statistics

        float a = fresh.ComputeGradients(data.Inputs, data.Targets);
        float[] ga = (float[])fresh.Gradients.Clone();
        float b = shifted.ComputeGradients(data.Inputs, data.Targets);

        // Training mode normalizes with the batch's statistics only: the same computation, bit for bit.
        Assert.Equal(a, b);
        Assert.Equal(ga, shifted.Gradients);
    }

    [Theory]
    [MemberData(nameof(LayeredCatalog.BatchNormNames), MemberType = typeof(LayeredCatalog))]
    public void A_training_batch_of_one_sample_is_refused_with_the_state_unchanged(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, 2);
        INetwork net = c.Create();
        data.LoadInto(net);
        float[] state = (float[])net.State.Clone();

        var e = Assert.Throws<ArgumentException>(() => net.ComputeGradients(data.Inputs.AsSpan(0, c.Spec.InputSize), data.Targets.AsSpan(0, c.Spec.OutputSize)));
        Assert.Contains("2", e.Message);
        Assert.Equal(state, net.State);
    }
}
