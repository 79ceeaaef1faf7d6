using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NnGen.Internal
{
    /// <summary>
    /// Blocks of <see cref="Vector{T}.Count"/> samples for unrolled code that runs its gates over vectors of samples:
    /// a feature of the block's rows (sample by sample, the contract's layout) as a vector, vectors of the features back to
    /// rows, and the fold of per-lane gradient sums. Data movement only: the bits are the rows'.
    /// </summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SampleBlocks
    {
        /// <summary>
        /// Feature <paramref name="feature"/> of the count = Vector&lt;float&gt;.Count samples from sample
        /// <paramref name="first"/> of <paramref name="rows"/> ([n][width] row-major) as one vector: lane j is
        /// rows[(first + j) * width + feature]. A hardware gather where AVX2 gives 8 lanes, two at 16 (loads only: a scalar copy
        /// into a buffer read back as a vector would stall on store forwarding at every feature), else lane by lane.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static unsafe Vector<float> Column(ReadOnlySpan<float> rows, int first, int width, int feature)
        {
            int count = Vector<float>.Count;
            if ((uint)feature >= (uint)width || first < 0 || (long)(first + count) * width > rows.Length) ThrowOutside();
            ref float start = ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), (nint)first * width + feature);
            if (Avx2.IsSupported && count is 8 or 16)
            {
                Vector256<int> index = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * width;
                fixed (float* p = &start)
                {
                    Vector256<float> low = Avx2.GatherVector256(p, index, 4);
                    // 16 lanes (DOTNET_MaxVectorTBitWidth=512): two gathers, .NET has no 512-bit one
                    return count == 8 ? low.AsVector() : Vector512.Create(low, Avx2.GatherVector256(p + 8 * width, index, 4)).AsVector();
                }
            }
            Span<float> lanes = stackalloc float[Vector<float>.Count];
            for (int j = 0; j < lanes.Length; j++) lanes[j] = Unsafe.Add(ref start, (nint)j * width);
            return new Vector<float>(lanes);
        }

        [DoesNotReturn]
        private static void ThrowOutside() => throw new ArgumentOutOfRangeException(nameof(Column), "The block of samples lies outside the rows.");

        /// <summary>rows[j * width + i] = columns[i * count + j] for the count = Vector&lt;float&gt;.Count rows of a block: vectors stored feature by feature, back to rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
