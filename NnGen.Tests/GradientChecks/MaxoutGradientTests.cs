using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Maxout networks (GradientChecks.LayeredNetworks.Mx...), in both CPU code shapes: the loss and Gradients of
/// ComputeGradients equal the reference's and central differences of its loss in double precision, with the draws kept
/// away from ties (<see cref="LayeredCaseData"/> keeps every unit's winning piece <see cref="CaseData.KinkMargin"/>
/// above the others, and the stencil never changes a winner); Predict and ComputeLoss equal the reference's; at a tie
/// the gradient goes to the first of the equal pieces and the others get exactly 0.
/// </summary>
public sealed class MaxoutGradientTests
{
    private static LayeredCase[] Cases => LayeredCatalog.WithMaxout.ToArray();

    private static bool IsLoops(LayeredCase c) => !c.IsUnrolled;

    [Theory]
    [MemberData(nameof(LayeredCatalog.MaxoutNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Training_loss_and_gradients_match_the_reference_and_central_differences(string network, int batch)
        => LayeredGradientCheck.TrainingMatchesReference(network, batch);

    [Theory]
    [MemberData(nameof(LayeredCatalog.MaxoutNamesAndBatchSizes), MemberType = typeof(LayeredCatalog))]
    public void Predict_and_ComputeLoss_match_the_reference(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        INetwork net = c.Create();
        data.LoadInto(net);
        LayeredForward f = LayeredReference.Forward(c.Spec, data.P, data.X, LayeredMode.Inference, LayeredReference.ExactState(net.State), targets: data.T);

        float[] outputs = new float[batch * c.Spec.OutputSize];
        net.Predict(data.Inputs, outputs);
        ElementwiseAssert.Close($"{c} Predict (batch {batch})", f.Outputs.Values(), outputs, j => LayeredTolerance.Float(f.Outputs[j]) + 1e-7);
        ElementwiseAssert.Close($"{c} ComputeLoss (batch {batch})", f.Loss.V, net.ComputeLoss(data.Inputs, data.Targets), LayeredTolerance.Loss(f.Loss));
    }

    /// <summary>The catalog checks maxout in both code shapes, as the generator gave them (<see cref="GeneratedShapes"/>, not a rule restated).</summary>
    [Fact]
    public void The_catalog_has_maxout_networks_in_both_code_shapes()
    {
        foreach (LayeredCase c in Cases)
            Assert.True(IsLoops(c) == c.Name.EndsWith("Loops", StringComparison.Ordinal), $"{c.Name}: its name says the other code shape.");
        Assert.Contains(Cases, c => IsLoops(c));
        Assert.Contains(Cases, c => !IsLoops(c));
        foreach (Loss loss in Enum.GetValues<Loss>())
        {
            Assert.Contains(Cases, c => c.Spec.Loss == loss && IsLoops(c));
            Assert.Contains(Cases, c => c.Spec.Loss == loss && !IsLoops(c));
        }
    }

    /// <summary>Every maxout network at 3 samples (one sample at a time) and 37 (vector blocks of unrolled gates and a tail, at every width).</summary>
    public static TheoryData<string, int> TieCases()
    {
        var data = new TheoryData<string, int>();
        foreach (LayeredCase c in Cases)
            foreach (int n in new[] { 3, 37 }) data.Add(c.Name, n);
        return data;
    }

    /// <summary>
    /// Every unit's pieces made equal (each piece's row of W and its bias copied from the unit's first piece): the max
    /// gate hands the gradient to the first piece (torch.max's index), so every other piece's parameters get exactly 0,
    /// and the whole gradient equals the reference's analytic one, which breaks ties the same way.
    /// </summary>
    [Theory]
    [MemberData(nameof(TieCases))]
    public void At_a_tie_the_first_piece_takes_the_gradient(string network, int batch)
    {
        LayeredCase c = LayeredCatalog.Get(network);
        LayeredCaseData data = LayeredCaseData.For(c, batch);
        float[] p = (float[])data.Parameters.Clone();
        LayeredSpec spec = c.Spec;
        int[] maxouts = Enumerable.Range(0, spec.Layers.Count).Where(l => spec.Layers[l].Kind == LayeredKind.Maxout).ToArray();
        foreach (int l in maxouts)
        {
            LayeredLayer layer = spec.Layers[l];
            int fanIn = spec.FanIn(l), w = spec.WeightOffset(l), b = spec.BiasOffset(l);
            for (int u = 0; u < layer.Units; u++)
                for (int k = 1; k < layer.Pieces; k++)
                {
                    int row = u * layer.Pieces + k, first = u * layer.Pieces;
                    Array.Copy(p, w + first * fanIn, p, w + row * fanIn, fanIn);
                    p[b + row] = p[b + first];
                }
        }
        INetwork net = c.Create();
        p.CopyTo(net.Parameters, 0);
        net.ComputeGradients(data.Inputs, data.Targets);

        foreach (int l in maxouts)
        {
            LayeredLayer layer = spec.Layers[l];
            int fanIn = spec.FanIn(l), w = spec.WeightOffset(l), b = spec.BiasOffset(l);
            for (int row = 0; row < layer.Rows; row++)
            {
                if (row % layer.Pieces == 0) continue;
                for (int i = 0; i < fanIn; i++) Assert.Equal(0f, net.Gradients[w + row * fanIn + i]);
                Assert.Equal(0f, net.Gradients[b + row]);
            }
            Assert.Contains(Enumerable.Range(0, layer.Units), u => net.Gradients[b + u * layer.Pieces] != 0f);
        }
        double[] pd = LayeredCaseData.ToDouble(p);
        LayeredForward f = LayeredReference.Forward(spec, pd, data.X, LayeredMode.Training, targets: data.T);
        Tracked[] analytic = LayeredReference.Gradient(spec, pd, f, data.T);
        ElementwiseAssert.Close($"{c} Gradients at ties", analytic.Values(), net.Gradients, j => LayeredTolerance.Float(analytic[j]) + 1e-7);
    }

    /// <summary>A hand-made tie of three pieces where the later two are equal and largest: the second piece wins.</summary>
    [Fact]
    public void Of_equal_largest_pieces_the_lowest_index_wins()
    {
        // [Input(3)] [Maxout(3, 3)] [Dense(3, Softmax)]: x = (1, 0, 0), so piece r of unit u is W[r, 0] + b[r]
        var net = new LayeredNetworks.MxCceUnrolled();
        Array.Clear(net.Parameters);
        const int bias = 27, dense = 36;
        net.Parameters[bias + 0] = 0.25f; // unit 0: pieces 0.25, 0.5, 0.5 -> piece 1 wins
        net.Parameters[bias + 1] = 0.5f;
        net.Parameters[bias + 2] = 0.5f;
        for (int j = 0; j < 9; j++) net.Parameters[dense + j] = 0.1f * (j + 1);
        float[] x = { 1f, 0f, 0f }, t = { 1f, 0f, 0f };
        net.ComputeGradients(x, t);
        Assert.NotEqual(0f, net.Gradients[bias + 1]);
        Assert.Equal(0f, net.Gradients[bias + 0]);
        Assert.Equal(0f, net.Gradients[bias + 2]);
        Assert.Equal(net.Gradients[bias + 1], net.Gradients[1 * 3 + 0]); // dW[1, 0] = dz * x0 = dz
        float[] y = new float[3];
        net.Predict(x, y);
        Assert.True(y.All(v => v > 0f && v < 1f));
    }
}
