using System;
using System.Text.RegularExpressions;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>Spans of the wrong length throw ArgumentException naming the expected and the actual length, before touching any state.</summary>
public sealed class SpanLengthTests
{
    public static TheoryData<string> Networks() => NetworkCatalog.OnePerLossAndShape();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Inputs_that_are_not_whole_samples_are_rejected(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        int inputSize = c.Spec.InputSize, outputs = c.Spec.OutputSize;
        foreach (int length in new[] { 0, 2 * inputSize + 1, inputSize - 1 })
        {
            if (length < 0 || (length > 0 && length % inputSize == 0)) continue;
            // The expected length is "a multiple of InputSize": the message names InputSize and the actual length.
            float[] inputs = new float[length];
            AssertRejected(c, () => c.Create().Predict(inputs, new float[outputs]), inputSize, length);
            AssertRejected(c, () => c.Create().ComputeLoss(inputs, new float[outputs]), inputSize, length);
            AssertRejected(c, () => c.Create().ComputeGradients(inputs, new float[outputs]), inputSize, length);
            AssertRejected(c, () => c.Create().TrainStep(inputs, new float[outputs], new Sgd(0.1f)), inputSize, length);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Outputs_and_targets_that_do_not_match_the_inputs_are_rejected(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        int outputs = c.Spec.OutputSize;
        float[] inputs = new float[2 * c.Spec.InputSize]; // 2 samples
        foreach (int length in new[] { 0, outputs, 2 * outputs - 1, 2 * outputs + 1, 3 * outputs })
        {
            float[] wrong = new float[length];
            AssertRejected(c, () => c.Create().Predict(inputs, wrong), 2 * outputs, length);
            AssertRejected(c, () => c.Create().ComputeLoss(inputs, wrong), 2 * outputs, length);
            AssertRejected(c, () => c.Create().ComputeGradients(inputs, wrong), 2 * outputs, length);
            AssertRejected(c, () => c.Create().TrainStep(inputs, wrong, new Sgd(0.1f)), 2 * outputs, length);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_rejected_call_changes_neither_parameters_nor_gradients(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        CaseData data = CaseData.For(c, 2);
        INetwork net = c.Create();
        data.LoadInto(net);
        net.ComputeGradients(data.Inputs, data.Targets);
        float[] parameters = (float[])net.Parameters.Clone(), gradients = (float[])net.Gradients.Clone();

        Assert.Throws<ArgumentException>(() => net.TrainStep(data.Inputs, new float[data.Targets.Length + 1], new Sgd(0.1f)));
        Assert.Throws<ArgumentException>(() => net.ComputeGradients(data.Inputs.AsSpan(1), data.Targets));

        Assert.Equal(parameters, net.Parameters);
        Assert.Equal(gradients, net.Gradients);
    }

    private static void AssertRejected(NetworkCase c, Action call, int expected, int actual)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.True(Names(e.Message, expected) && Names(e.Message, actual),
            $"{c.Name}: the message should name the expected length {expected} and the actual length {actual}: \"{e.Message}\"");
    }

    private static bool Names(string message, int number) => Regex.IsMatch(message, $@"(?<![\d.]){number}(?!\d|\.\d)");
}
