using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The running statistics and inference mode of the normalized networks: every training call moves BatchNorm's
/// running statistics as PyTorch's BatchNorm1d does (running = (1 - m) running + m batch statistic, the variance
/// unbiased), and after training Predict and ComputeLoss equal the reference in inference mode with the network's
/// own State as the running statistics (LayerNorm normalizes each sample the same way in both modes).
/// </summary>
public sealed class BatchNormStateTests
{
    /// <summary>Training batches of changing size (the scratch buffers grow and are reused), then an inference batch.</summary>
    private static readonly int[] TrainingBatches = { 5, 2, 17, 3 };

    private const int InferenceBatch = 7;

    [Theory]
    [MemberData(nameof(LayeredCatalog.NormalizedNames), MemberType = typeof(LayeredCatalog))]
    public void Running_statistics_follow_the_definition_and_inference_uses_them(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredSpec spec = c.Spec;
        INetwork net = c.Create(seed: 3);
        LayeredCaseData.For(c, 5).LoadInto(net);
        Assert.Equal(spec.StateCount, net.State.Length);
        Assert.Equal(spec.InitialState().Select(v => (float)v), net.State);

        var sgd = new Sgd(0.05f);
        Tracked[] state = LayeredReference.ExactState(spec.InitialState());
        for (int k = 0; k < TrainingBatches.Length; k++)
        {
            LayeredCaseData batch = LayeredCaseData.Draw(spec, $"{network} training batch {k}", TrainingBatches[k]);
            double[] p = LayeredCaseData.ToDouble(net.Parameters);
            LayeredForward f = LayeredReference.Forward(spec, p, batch.X, LayeredMode.Training, targets: batch.T);
            state = LayeredReference.UpdatedState(spec, f, state);

            float loss = net.TrainStep(batch.Inputs, batch.Targets, sgd);

            ElementwiseAssert.Close($"{c} TrainStep {k} loss", f.Loss.V, loss, LayeredTolerance.Loss(f.Loss));
            ElementwiseAssert.Close($"{c} State after training call {k}", state.Values(), net.State, j => LayeredTolerance.Float(state[j]));
        }

        LayeredCaseData test = LayeredCaseData.Draw(spec, $"{network} inference batch", InferenceBatch);
        float[] stateBefore = (float[])net.State.Clone();
        double[] parameters = LayeredCaseData.ToDouble(net.Parameters);
        LayeredForward inference = LayeredReference.Forward(spec, parameters, test.X, LayeredMode.Inference,
            LayeredReference.ExactState(net.State), targets: test.T);

        float[] outputs = new float[InferenceBatch * spec.OutputSize];
        net.Predict(test.Inputs, outputs);
        ElementwiseAssert.Close($"{c} Predict after training", inference.Outputs.Values(), outputs, j => LayeredTolerance.Float(inference.Outputs[j]));
        float inferenceLoss = net.ComputeLoss(test.Inputs, test.Targets);
        ElementwiseAssert.Close($"{c} ComputeLoss after training", inference.Loss.V, inferenceLoss, LayeredTolerance.Loss(inference.Loss));
        Assert.Equal(stateBefore, net.State); // inference calls only read the state
    }

    /// <summary>Inference treats every sample alone: one sample predicts as its row in a batch does (BatchNorm reads the running statistics).</summary>
    [Theory]
    [MemberData(nameof(LayeredCatalog.BatchNormNames), MemberType = typeof(LayeredCatalog))]
    public void Inference_of_one_sample_equals_its_row_in_the_batch(string network)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, 5);
        INetwork net = c.Create();
        data.LoadInto(net);
        net.ComputeGradients(data.Inputs, data.Targets); // running statistics away from (0, 1)
        int inputs = c.Spec.InputSize, outputs = c.Spec.OutputSize;
        float[] batch = new float[5 * outputs], one = new float[outputs];
        net.Predict(data.Inputs, batch);
        for (int s = 0; s < 5; s++)
        {
            net.Predict(data.Inputs.AsSpan(s * inputs, inputs), one);
            Assert.Equal(batch.AsSpan(s * outputs, outputs).ToArray(), one);
        }
    }

    /// <summary>
    /// The momentum's extremes, exactly: Momentum = 0 never moves the running statistics (BnTwice3's first BatchNorm),
    /// Momentum = 1 replaces them by the last batch's (BnEluSelu7's second BatchNorm, whose inputs are the same
    /// whatever the running statistics were).
    /// </summary>
    [Fact]
    public void Momentum_zero_keeps_and_momentum_one_replaces_the_running_statistics()
    {
        LayeredCase twice = LayeredCatalog.Get("BnTwice3");
        INetwork net = twice.Create();
        LayeredCaseData data = LayeredCaseData.For(twice, 5);
        data.LoadInto(net);
        for (int k = 0; k < 3; k++) net.ComputeGradients(data.Inputs, data.Targets);
        Assert.Equal(new[] { 0f, 0f, 0f, 1f, 1f, 1f }, net.State.Take(6));
        Assert.NotEqual(new[] { 0f, 0f, 0f, 1f, 1f, 1f }, net.State.Skip(6));

        LayeredCase replace = LayeredCatalog.Get("BnEluSelu7");
        INetwork a = replace.Create(), b = replace.Create();
        LayeredCaseData first = LayeredCaseData.For(replace, 17), second = LayeredCaseData.For(replace, 5);
        first.LoadInto(a);
        second.LoadInto(b);
        a.ComputeGradients(first.Inputs, first.Targets);
        second.LoadInto(a); // a has seen another batch before; b has not
        a.ComputeGradients(second.Inputs, second.Targets);
        b.ComputeGradients(second.Inputs, second.Targets);
        Assert.Equal(b.State.Skip(14), a.State.Skip(14));
        Assert.NotEqual(b.State.Take(14), a.State.Take(14));
    }
}
