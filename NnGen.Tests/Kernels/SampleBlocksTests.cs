using System;
using System.Numerics;
using NnGen.Internal;
using Xunit;

namespace NnGen.Tests.Kernels;

/// <summary>
/// The data movement of unrolled code over vectors of samples (<see cref="SampleBlocks"/>): bits in, the same bits out,
/// at whatever width this process runs (CI reruns Kernels classes at 128-bit vectors and with no SIMD).
/// </summary>
public sealed class SampleBlocksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Column_gives_lane_j_the_feature_of_sample_first_plus_j(int width)
    {
        int lanes = Vector<float>.Count, n = 2 * lanes + 3;
        float[] rows = new float[n * width];
        for (int j = 0; j < rows.Length; j++) rows[j] = BitConverter.Int32BitsToSingle(unchecked(j * 0x01000193 + 0x3F000000)); // any bits: NaNs, -0, subnormals
        rows[0] = -0f;
        foreach (int first in new[] { 0, 1, n - lanes })
            for (int feature = 0; feature < width; feature++)
            {
                Vector<float> column = SampleBlocks.Column(rows, first, width, feature);
                for (int j = 0; j < lanes; j++)
                    Assert.Equal(BitConverter.SingleToInt32Bits(rows[(first + j) * width + feature]), BitConverter.SingleToInt32Bits(column[j]));
            }
    }

    [Fact]
    public void Column_refuses_a_block_outside_the_rows()
    {
        int lanes = Vector<float>.Count;
        float[] rows = new float[lanes * 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleBlocks.Column(rows, 1, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleBlocks.Column(rows, 0, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleBlocks.Column(rows, -1, 3, 0));
        Assert.Equal(0f, SampleBlocks.Column(rows, 0, 3, 2)[lanes - 1]);
    }

    [Fact]
    public void ToRows_undoes_the_columns()
    {
        int lanes = Vector<float>.Count, width = 3;
        float[] columns = new float[width * lanes], rows = new float[width * lanes + 1];
        for (int j = 0; j < columns.Length; j++) columns[j] = j;
        SampleBlocks.ToRows(columns, width, rows);
        for (int s = 0; s < lanes; s++)
            for (int k = 0; k < width; k++) Assert.Equal(columns[k * lanes + s], rows[s * width + k]);
        Assert.Equal(0f, rows[^1]);
    }

    [Fact]
    public void FoldLanes_adds_the_lanes_in_lane_order_to_the_sums()
    {
        int lanes = Vector<float>.Count;
        float[] values = new float[lanes];
        values[0] = 1f;
        for (int j = 1; j < lanes; j++) values[j] = 1e-8f; // each lost when added to 1 in order; kept if summed first
        var partial = new[] { new Vector<float>(values), new Vector<float>(2f) };
        float[] sums = { 0f, 0.5f };
        SampleBlocks.FoldLanes(partial, sums);
        Assert.Equal(1f, sums[0]);
        Assert.Equal(0.5f + 2f * lanes, sums[1]);
    }

    [Fact]
    public void A_rest_of_half_a_vector_or_more_is_padded_and_Pad_fills_the_block_with_zero_rows()
    {
        int lanes = Vector<float>.Count;
        for (int rest = 0; rest < lanes; rest++)
            Assert.Equal(rest > 0 && 2 * rest >= lanes, SampleBlocks.FillsHalfAVector(rest));
        float[] block = new float[3 * lanes];
        Array.Fill(block, float.NaN);
        float[] rows = { 1, 2, 3, 4, 5, 6 };
        ReadOnlySpan<float> padded = SampleBlocks.Pad(rows, block);
        Assert.Equal(block.Length, padded.Length);
        Assert.Equal(rows, padded.Slice(0, rows.Length).ToArray());
        for (int i = rows.Length; i < block.Length; i++) Assert.Equal(0f, block[i]);
    }

    [Fact]
    public void LiveLanes_sets_the_first_live_lanes_only()
    {
        int lanes = Vector<float>.Count;
        for (int live = 0; live <= lanes; live++)
        {
            Vector<int> mask = SampleBlocks.LiveLanes(live);
            for (int j = 0; j < lanes; j++) Assert.Equal(j < live ? -1 : 0, mask[j]);
        }
    }

    [Fact]
    public void FoldLanes_gives_each_sum_the_bits_of_adding_its_lanes_one_by_one_at_every_count_of_sums()
    {
        int lanes = Vector<float>.Count;
        var random = new Random(5);
        for (int count = 1; count <= 3 * lanes + 1; count++)
        {
            var partial = new Vector<float>[count];
            float[] start = new float[count];
            for (int i = 0; i < count; i++)
            {
                float[] values = new float[lanes];
                for (int j = 0; j < lanes; j++) values[j] = (float)(random.NextDouble() * 2 - 1) * MathF.Pow(10, random.Next(-6, 6));
                partial[i] = new Vector<float>(values);
                start[i] = (float)random.NextDouble();
            }
            float[] sums = (float[])start.Clone();
            SampleBlocks.FoldLanes(partial, sums);
            for (int i = 0; i < count; i++)
            {
                float expected = start[i];
                for (int j = 0; j < lanes; j++) expected += partial[i][j];
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(sums[i]));
            }
        }
    }
}
