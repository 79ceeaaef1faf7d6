using System;
using System.ComponentModel;
using System.Numerics;

namespace NnGen.Internal
{
    /// <summary>
    /// Blocks of <see cref="Vector{T}.Count"/> samples for unrolled code that runs its gates over vectors of samples:
    /// rows (sample by sample, [count][width], the contract's layout) turned into columns (feature by feature,
    /// [width][count], one vector per feature) and back, and the fold of per-lane gradient sums.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SampleBlocks
    {
        /// <summary>columns[i * count + j] = rows[j * width + i] for the count = Vector&lt;float&gt;.Count rows of a block.</summary>
        public static void ToColumns(ReadOnlySpan<float> rows, int width, Span<float> columns)
        {
            int count = Vector<float>.Count;
            rows = rows.Slice(0, count * width);
            columns = columns.Slice(0, count * width);
            for (int j = 0; j < count; j++)
            {
                ReadOnlySpan<float> row = rows.Slice(j * width, width);
                for (int i = 0; i < row.Length; i++) columns[i * count + j] = row[i];
            }
        }

        /// <summary>rows[j * width + i] = columns[i * count + j]: <see cref="ToColumns"/> undone.</summary>
        public static void ToRows(ReadOnlySpan<float> columns, int width, Span<float> rows)
        {
            int count = Vector<float>.Count;
            columns = columns.Slice(0, count * width);
            rows = rows.Slice(0, count * width);
            for (int j = 0; j < count; j++)
            {
                Span<float> row = rows.Slice(j * width, width);
                for (int i = 0; i < row.Length; i++) row[i] = columns[i * count + j];
            }
        }

        /// <summary>
        /// sums[i] += the lanes of partial[i], lane 0 first (a fixed order: the result depends on the vector width,
        /// not on the run), for every i of <paramref name="sums"/>.
        /// </summary>
        public static void FoldLanes(ReadOnlySpan<Vector<float>> partial, Span<float> sums)
        {
            partial = partial.Slice(0, sums.Length);
            for (int i = 0; i < sums.Length; i++)
            {
                Vector<float> lanes = partial[i];
                float sum = sums[i];
                for (int j = 0; j < Vector<float>.Count; j++) sum += lanes[j];
                sums[i] = sum;
            }
        }
    }
}
