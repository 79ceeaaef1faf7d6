using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Unrolled networks run their gates over vectors of Vector&lt;float&gt;.Count samples (the lanes) and the rest of a
/// batch one sample at a time (the tail). A sample must give the same bits at every position of a batch: in any lane
/// of a vector block, in the tail, and alone (a batch of one, which is all tail). CI reruns this class at other vector
/// widths (128-bit, and none: then every row is a tail row).
/// </summary>
public sealed class VectorBlockTests
{
    /// <summary>37 = 2 * 16 + 5 = 4 * 8 + 5 = 9 * 4 + 1: whole blocks and a tail at every width.</summary>
    private const int Batch = 37;

    /// <summary>Every unrolled network of both catalogs: every activation, loss, softmax and maxout, penalties, deep ones.</summary>
    public static TheoryData<string> UnrolledNames()
    {
        var data = new TheoryData<string>();
        foreach (NetworkCase c in NetworkCatalog.All.Where(c => c.IsUnrolled)) data.Add(c.Name);
        foreach (LayeredCase c in LayeredCatalog.All.Where(c => c.IsUnrolled)) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(UnrolledNames))]
    public void A_sample_alone_gives_the_bits_of_its_row_at_every_position_of_a_batch(string network)
    {
        INetwork net = Create(network);
        int outputSize = net.OutputSize, lanes = Vector<float>.Count;
        float[] one = new float[outputSize];
        // a batch with whole blocks and a scalar tail, and batches whose last block is padded (every rest of a vector)
        var sizes = new SortedSet<int> { Batch };
        for (int n = lanes / 2; n <= lanes + lanes - 1; n++) sizes.Add(Math.Max(1, n));
        foreach (int n in sizes)
        {
            float[] inputs = Inputs(net.InputSize, n, network);
            // a guard float after the outputs: a padded block writes only its live rows
            float[] batch = new float[n * outputSize + 1];
            batch[^1] = 12345f;
            net.Predict(inputs, batch.AsSpan(0, n * outputSize));
            Assert.Equal(12345f, batch[^1]);
            for (int s = 0; s < n; s++)
            {
                net.Predict(inputs.AsSpan(s * net.InputSize, net.InputSize), one);
                AssertSameBits(batch.AsSpan(s * outputSize, outputSize), one, $"{network}, row {s} of {n} (Vector<float>.Count = {lanes})");
            }
        }
    }

    /// <summary>
    /// The loss sums each sample's terms in double in sample order whatever the lanes: a batch's loss equals the mean of
    /// per-sample losses summed in that order (each computed alone, on the scalar path), to the float it rounds to.
    /// </summary>
    [Theory]
    [MemberData(nameof(UnrolledNames))]
    public void The_loss_of_a_batch_is_the_mean_of_its_samples_losses_and_ComputeGradients_returns_the_same(string network)
    {
        INetwork net = Create(network);
        float[] inputs = Inputs(net.InputSize, Batch, network);
        float[] targets = Targets(net, inputs);
        float loss = net.ComputeLoss(inputs, targets);
        float withGradients = net.ComputeGradients(inputs, targets);
        Assert.Equal(BitConverter.SingleToInt32Bits(loss), BitConverter.SingleToInt32Bits(withGradients));

        // The penalty is added once per batch; a network without one gives the per-sample losses directly.
        if (HasPenalty(net)) return;
        double sum = 0;
        for (int s = 0; s < Batch; s++)
            sum += (double)net.ComputeLoss(inputs.AsSpan(s * net.InputSize, net.InputSize), targets.AsSpan(s * net.OutputSize, net.OutputSize));
        Assert.Equal(sum / Batch, loss, 1e-6 * Math.Max(1.0, Math.Abs(sum / Batch)));
    }

    /// <summary>Gradients of batches around the vector width (whole blocks, blocks and a tail, all tail) repeat bit for bit and are the mean of the samples' gradients.</summary>
    [Theory]
    [MemberData(nameof(UnrolledNames))]
    public void The_gradient_of_a_batch_is_the_mean_of_its_samples_gradients(string network)
    {
        INetwork net = Create(network);
        int lanes = Vector<float>.Count;
        // every rest of a block, padded (half a vector or more) and scalar (less), alone and after whole blocks
        var sizes = new SortedSet<int> { 2 * lanes + 1, Batch };
        for (int n = 1; n <= 2 * lanes; n++) sizes.Add(n);
        foreach (int n in sizes)
        {
            float[] inputs = Inputs(net.InputSize, n, network);
            float[] targets = Targets(net, inputs);
            net.ComputeGradients(inputs, targets);
            float[] gradient = (float[])net.Gradients.Clone();
            net.ComputeGradients(inputs, targets);
            Assert.Equal(gradient, net.Gradients);

            if (HasPenalty(net)) continue;
            double[] mean = new double[gradient.Length], scale = new double[gradient.Length];
            for (int s = 0; s < n; s++)
            {
                net.ComputeGradients(inputs.AsSpan(s * net.InputSize, net.InputSize), targets.AsSpan(s * net.OutputSize, net.OutputSize));
                // a sample alone is the mean of one: scaled back by n (MSE, MAE and BCE divide by n * OutputSize, CCE by n)
                for (int j = 0; j < mean.Length; j++)
                {
                    mean[j] += net.Gradients[j] / (double)n;
                    scale[j] += Math.Abs(net.Gradients[j]) / n;
                }
            }
            for (int j = 0; j < mean.Length; j++)
                Assert.True(Math.Abs(mean[j] - gradient[j]) <= 1e-5 * scale[j] + 1e-9,
                    $"{network}, batch {n}: gradient {j} is {gradient[j]:R}, the mean of the samples' is {mean[j]:R}.");
        }
    }

    /// <summary>
    /// After the first training call (which allocates the per-lane gradient sums once), the vector blocks allocate
    /// nothing: counted in three rounds, of which the quietest must be 0 (the runtime's own one-off work, tiered
    /// compilation and on-stack replacement, lands in one round; a per-call allocation in all).
    /// </summary>
    [Theory]
    [InlineData("Torch241TanhSigmoidBce")]
    [InlineData("UnrolledSELUCce")]
    [InlineData("DeepUnrolledMseSoftmax")]
    [InlineData("MxTwiceBceUnrolled")]
    [InlineData("PenaltyUnrolled")]
    public void Steady_state_calls_allocate_nothing(string network)
    {
        INetwork net = Create(network);
        float[] inputs = Inputs(net.InputSize, Batch, network), targets = Targets(net, inputs);
        float[] outputs = new float[Batch * net.OutputSize];
        void Calls()
        {
            net.Predict(inputs, outputs);
            net.ComputeLoss(inputs, targets);
            net.ComputeGradients(inputs, targets);
        }
        for (int warm = 0; warm < 100; warm++) Calls();
        long quietest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int call = 0; call < 200; call++) Calls();
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, quietest);
    }

    private static INetwork Create(string network)
        => NetworkCatalog.All.Any(c => c.Name == network) ? NetworkCatalog.Get(network).Create() : LayeredCatalog.Get(network).Create(seed: 7);

    /// <summary>Inputs in [-3, 3], with a row of zeros (+0 and -0) and one of large values (saturating activations, a softmax far from 0).</summary>
    private static float[] Inputs(int inputSize, int n, string network)
    {
        var random = new DeterministicRandom(DeterministicRandom.Hash(network) ^ (ulong)n);
        float[] x = new float[n * inputSize];
        for (int j = 0; j < x.Length; j++) x[j] = (float)random.Symmetric(3.0);
        if (n > 3)
        {
            for (int i = 0; i < inputSize; i++) x[1 * inputSize + i] = i % 2 == 0 ? 0f : -0f;
            for (int i = 0; i < inputSize; i++) x[(n - 2) * inputSize + i] = i % 2 == 0 ? 90f : -70f;
        }
        return x;
    }

    /// <summary>Targets that fit every loss: probabilities summing to 1 per row (categorical), in [0, 1] otherwise.</summary>
    private static float[] Targets(INetwork net, float[] inputs)
    {
        int n = inputs.Length / net.InputSize, o = net.OutputSize;
        var random = new DeterministicRandom((ulong)inputs.Length * 31 + (ulong)o);
        float[] t = new float[n * o];
        for (int s = 0; s < n; s++)
        {
            double total = 0;
            for (int k = 0; k < o; k++) total += t[s * o + k] = (float)random.NextDouble();
            if (IsCategorical(net))
                for (int k = 0; k < o; k++) t[s * o + k] = (float)(t[s * o + k] / total);
        }
        return t;
    }

    private static NetworkAttribute Declaration(INetwork net) => (NetworkAttribute)Attribute.GetCustomAttribute(net.GetType(), typeof(NetworkAttribute))!;

    private static bool IsCategorical(INetwork net) => Declaration(net).Loss == Loss.CategoricalCrossEntropy;

    /// <summary>An L1/L2 penalty is added once per batch, not per sample.</summary>
    private static bool HasPenalty(INetwork net) => Declaration(net).L1 != 0 || Declaration(net).L2 != 0 || LayeredCatalog.All.Any(c => c.Type == net.GetType() && c.Spec.HasPenalty);

    private static void AssertSameBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        for (int k = 0; k < expected.Length; k++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[k]) == BitConverter.SingleToInt32Bits(actual[k]),
                $"{what}, output {k}: {expected[k]:R} in the batch but {actual[k]:R} alone.");
    }
}
