using System;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Kernels;

/// <summary>The dense kernels against plain double-precision loops, at sizes that hit every tile and tail.</summary>
public sealed class DenseKernelTests
{
    public static TheoryData<int, int, int> Sizes()
    {
        var sizes = new TheoryData<int, int, int>();
        foreach (int n in new[] { 1, 3, 4, 5, 9 })
            foreach (int fanIn in new[] { 1, 7, 8, 31, 32, 33, 70 })
                foreach (int units in new[] { 1, 3, 4, 6, 10 })
                    sizes.Add(n, fanIn, units);
        // large enough (n * fanIn * units >= 2^18) that the work is split across two cores
        sizes.Add(64, 784, 130);
        sizes.Add(5, 1000, 100);
        sizes.Add(3, 300, 1000);
        sizes.Add(1, 777, 390);
        // from 64 samples the forward product is shared by samples, and from 65 input columns the weight gradient by
        // columns: odd batches, single units and tails of every tile (4 x 3 and 4 x 4 forward, 6 x 2 and 4 x 4 backward)
        sizes.Add(67, 65, 7);
        sizes.Add(130, 129, 13);
        sizes.Add(64, 200, 1);
        sizes.Add(97, 33, 3);
        sizes.Add(2, 513, 67);
        sizes.Add(256, 100, 10);
        sizes.Add(70, 8, 130);
        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Forward_equals_the_definition(int n, int fanIn, int units)
    {
        float[] x = Data(n * fanIn, 1), w = Data(units * fanIn, 2), b = Data(units, 3), z = new float[n * units];
        DenseKernels.Forward(x, w, b, z, n, fanIn, units);
        for (int s = 0; s < n; s++)
            for (int o = 0; o < units; o++)
            {
                double expected = b[o], scale = Math.Abs(b[o]);
                for (int i = 0; i < fanIn; i++) { expected += (double)x[s * fanIn + i] * w[o * fanIn + i]; scale += Math.Abs((double)x[s * fanIn + i] * w[o * fanIn + i]); }
                AssertClose(expected, z[s * units + o], scale, fanIn);
            }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BackwardInput_equals_the_definition(int n, int fanIn, int units)
    {
        float[] dz = Data(n * units, 4), w = Data(units * fanIn, 5), dx = Data(n * fanIn, 6);
        DenseKernels.BackwardInput(dz, w, dx, n, fanIn, units);
        for (int s = 0; s < n; s++)
            for (int i = 0; i < fanIn; i++)
            {
                double expected = 0, scale = 0;
                for (int o = 0; o < units; o++) { expected += (double)dz[s * units + o] * w[o * fanIn + i]; scale += Math.Abs((double)dz[s * units + o] * w[o * fanIn + i]); }
                AssertClose(expected, dx[s * fanIn + i], scale, units);
            }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AccumulateWeightGradients_adds_the_definition(int n, int fanIn, int units)
    {
        float[] dz = Data(n * units, 7), x = Data(n * fanIn, 8), gw = Data(units * fanIn, 9), gb = Data(units, 10);
        float[] gw0 = (float[])gw.Clone(), gb0 = (float[])gb.Clone();
        DenseKernels.AccumulateWeightGradients(dz, x, gw, gb, n, fanIn, units);
        for (int o = 0; o < units; o++)
        {
            double bias = gb0[o], biasScale = Math.Abs(gb0[o]);
            for (int s = 0; s < n; s++) { bias += dz[s * units + o]; biasScale += Math.Abs(dz[s * units + o]); }
            AssertClose(bias, gb[o], biasScale, n);
            for (int i = 0; i < fanIn; i++)
            {
                double expected = gw0[o * fanIn + i], scale = Math.Abs(expected);
                for (int s = 0; s < n; s++) { expected += (double)dz[s * units + o] * x[s * fanIn + i]; scale += Math.Abs((double)dz[s * units + o] * x[s * fanIn + i]); }
                AssertClose(expected, gw[o * fanIn + i], scale, n);
            }
        }
    }

    [Fact]
    public void Results_repeat_bit_for_bit()
    {
        float[] x = Data(64 * 784, 11), w = Data(130 * 784, 12), b = Data(130, 13), z1 = new float[64 * 130], z2 = new float[64 * 130];
        DenseKernels.Forward(x, w, b, z1, 64, 784, 130);
        DenseKernels.Forward(x, w, b, z2, 64, 784, 130);
        Assert.Equal(z1, z2);
    }

    [Theory]
    [InlineData(9, 70, 13)]
    [InlineData(64, 784, 130)]
    [InlineData(67, 65, 7)]
    [InlineData(256, 100, 10)]
    public void A_sample_alone_gives_the_bits_of_its_row_in_a_batch(int n, int fanIn, int units)
    {
        float[] x = Data(n * fanIn, 14), w = Data(units * fanIn, 15), b = Data(units, 16), batch = new float[n * units], alone = new float[units];
        DenseKernels.Forward(x, w, b, batch, n, fanIn, units);
        for (int s = 0; s < n; s++)
        {
            DenseKernels.Forward(x.AsSpan(s * fanIn, fanIn), w, b, alone, 1, fanIn, units);
            Assert.Equal(batch.AsSpan(s * units, units).ToArray(), alone);
        }
    }

    [Theory]
    [InlineData(9, 70, 13)]
    [InlineData(64, 784, 130)]
    public void The_input_gradient_of_a_sample_alone_has_the_bits_of_its_row_in_a_batch(int n, int fanIn, int units)
    {
        float[] dz = Data(n * units, 17), w = Data(units * fanIn, 18), batch = new float[n * fanIn], alone = new float[fanIn];
        DenseKernels.BackwardInput(dz, w, batch, n, fanIn, units);
        for (int s = 0; s < n; s++)
        {
            DenseKernels.BackwardInput(dz.AsSpan(s * units, units), w, alone, 1, fanIn, units);
            Assert.Equal(batch.AsSpan(s * fanIn, fanIn).ToArray(), alone);
        }
    }

    /// <summary>
    /// The three products give the same bits on one core as shared with the second, whichever way they are cut (by
    /// samples or units forward, by columns or units for the weight gradient): each output is summed by one thread
    /// in one order.
    /// </summary>
    [Theory]
    [InlineData(130, 129, 13)]
    [InlineData(64, 784, 130)]
    [InlineData(32, 300, 64)]
    public void One_core_and_two_give_the_same_bits(int n, int fanIn, int units)
    {
        float[] x = Data(n * fanIn, 23), w = Data(units * fanIn, 24), b = Data(units, 25), dz = Data(n * units, 26);
        (float[] z, float[] dx, float[] gw, float[] gb) Run()
        {
            float[] z = new float[n * units], dx = new float[n * fanIn], gw = Data(units * fanIn, 27), gb = Data(units, 28);
            DenseKernels.Forward(x, w, b, z, n, fanIn, units);
            DenseKernels.BackwardInput(dz, w, dx, n, fanIn, units);
            DenseKernels.AccumulateWeightGradients(dz, x, gw, gb, n, fanIn, units);
            return (z, dx, gw, gb);
        }
        var shared = Run();
        try
        {
            KernelOptions.UseSecondCore = false;
            var alone = Run();
            Assert.Equal(shared.z, alone.z);
            Assert.Equal(shared.dx, alone.dx);
            Assert.Equal(shared.gw, alone.gw);
            Assert.Equal(shared.gb, alone.gb);
        }
        finally
        {
            KernelOptions.UseSecondCore = true;
        }
    }

    /// <summary>Packed copies are aligned whatever the caller's arrays are, and results never depend on where they sit.</summary>
    [Theory]
    [InlineData(16, 784, 20)]
    [InlineData(9, 37, 6)]
    public void Results_do_not_depend_on_where_the_operands_sit_in_memory(int n, int fanIn, int units)
    {
        float[] x = Data(n * fanIn + 16, 19), w = Data(units * fanIn + 16, 20), b = Data(units, 21), dz = Data(n * units, 22);
        float[] z0 = new float[n * units], dx0 = new float[n * fanIn], gw0 = new float[units * fanIn], gb0 = new float[units];
        DenseKernels.Forward(x.AsSpan(0, n * fanIn), w.AsSpan(0, units * fanIn), b, z0, n, fanIn, units);
        DenseKernels.BackwardInput(dz, w.AsSpan(0, units * fanIn), dx0, n, fanIn, units);
        DenseKernels.AccumulateWeightGradients(dz, x.AsSpan(0, n * fanIn), gw0, gb0, n, fanIn, units);
        for (int offset = 1; offset < 16; offset++)
        {
            float[] xs = new float[n * fanIn + 16], ws = new float[units * fanIn + 16];
            x.AsSpan(0, n * fanIn).CopyTo(xs.AsSpan(offset));
            w.AsSpan(0, units * fanIn).CopyTo(ws.AsSpan(offset));
            float[] z = new float[n * units], dx = new float[n * fanIn], gw = new float[units * fanIn], gb = new float[units];
            DenseKernels.Forward(xs.AsSpan(offset, n * fanIn), ws.AsSpan(offset, units * fanIn), b, z, n, fanIn, units);
            DenseKernels.BackwardInput(dz, ws.AsSpan(offset, units * fanIn), dx, n, fanIn, units);
            DenseKernels.AccumulateWeightGradients(dz, xs.AsSpan(offset, n * fanIn), gw, gb, n, fanIn, units);
            Assert.Equal(z0, z);
            Assert.Equal(dx0, dx);
            Assert.Equal(gw0, gw);
        }
    }

    [Theory]
    [InlineData(Activation.Sigmoid, 0f)]
    [InlineData(Activation.Tanh, 0f)]
    [InlineData(Activation.ReLU, 0f)]
    [InlineData(Activation.LeakyReLU, 0.2f)]
    [InlineData(Activation.ELU, 0.7f)]
    [InlineData(Activation.SELU, 0f)]
    public void A_fused_activation_is_the_definition_applied_to_z(Activation activation, float alpha)
    {
        const int n = 13, fanIn = 37, units = 9;
        float[] x = Data(n * fanIn, 23), w = Data(units * fanIn, 24), b = Data(units, 25);
        float[] plain = new float[n * units], z = new float[n * units], a = new float[n * units];
        DenseKernels.Forward(x, w, b, plain, n, fanIn, units);
        DenseKernels.Forward(x, w, b, z, a, n, fanIn, units, activation, alpha);
        Assert.Equal(plain, z);
        for (int j = 0; j < z.Length; j++)
        {
            double zj = z[j], expected = activation switch
            {
                Activation.Sigmoid => 1 / (1 + Math.Exp(-zj)),
                Activation.Tanh => Math.Tanh(zj),
                Activation.ReLU => Math.Max(0, zj),
                Activation.LeakyReLU => zj > 0 ? zj : alpha * zj,
                Activation.ELU => zj > 0 ? zj : alpha * (Math.Exp(zj) - 1),
                _ => 1.0507009873554805 * (zj > 0 ? zj : 1.6732632423543772 * (Math.Exp(zj) - 1)),
            };
            Assert.True(Math.Abs(expected - a[j]) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{activation}({zj}): expected {expected}, got {a[j]}");
        }
    }

    [Fact]
    public void Softmax_is_not_fused()
    {
        float[] x = new float[4], w = new float[4], b = new float[2], z = new float[4], a = new float[4];
        Assert.Throws<ArgumentException>(() => DenseKernels.Forward(x, w, b, z, a, 2, 2, 2, Activation.Softmax, 0f));
    }

    /// <summary>Float sums of k terms are within about k rounding units of the sum of their magnitudes.</summary>
    private static void AssertClose(double expected, float actual, double scale, int terms)
    {
        double tolerance = 2.0 * (terms + 2) * Math.Pow(2, -24) * scale + 1e-30;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected}, got {actual} (tolerance {tolerance})");
    }

    private static float[] Data(int length, int seed)
    {
        var random = new SeededRandom(seed);
        var data = new float[length];
        for (int i = 0; i < length; i++) data[i] = (float)(2 * random.NextDouble() - 1);
        return data;
    }
}
