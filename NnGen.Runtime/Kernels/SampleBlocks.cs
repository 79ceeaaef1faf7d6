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
        /// rows[(first + j) * width + feature]. Built from the lanes' loads in registers (no buffer: a scalar copy read back
        /// as a vector would stall on store forwarding at every feature; no pinning, no stackalloc: either would keep the
        /// JIT from inlining this into the gates, and a call per feature cost more than the loads).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Column(ReadOnlySpan<float> rows, int first, int width, int feature)
        {
            int count = Vector<float>.Count;
            if ((uint)feature >= (uint)width || first < 0 || (long)(first + count) * width > rows.Length) ThrowOutside();
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), (nint)first * width + feature);
            nint w = width;
            if (count == 8)
                return Vector256.Create(x, Unsafe.Add(ref x, w), Unsafe.Add(ref x, 2 * w), Unsafe.Add(ref x, 3 * w),
                    Unsafe.Add(ref x, 4 * w), Unsafe.Add(ref x, 5 * w), Unsafe.Add(ref x, 6 * w), Unsafe.Add(ref x, 7 * w)).AsVector();
            if (count == 4)
                return Vector128.Create(x, Unsafe.Add(ref x, w), Unsafe.Add(ref x, 2 * w), Unsafe.Add(ref x, 3 * w)).AsVector();
            if (count == 16)
                return Vector512.Create(
                    Vector256.Create(x, Unsafe.Add(ref x, w), Unsafe.Add(ref x, 2 * w), Unsafe.Add(ref x, 3 * w),
                        Unsafe.Add(ref x, 4 * w), Unsafe.Add(ref x, 5 * w), Unsafe.Add(ref x, 6 * w), Unsafe.Add(ref x, 7 * w)),
                    Vector256.Create(Unsafe.Add(ref x, 8 * w), Unsafe.Add(ref x, 9 * w), Unsafe.Add(ref x, 10 * w), Unsafe.Add(ref x, 11 * w),
                        Unsafe.Add(ref x, 12 * w), Unsafe.Add(ref x, 13 * w), Unsafe.Add(ref x, 14 * w), Unsafe.Add(ref x, 15 * w))).AsVector();
            return ColumnLaneByLane(ref x, w);
        }

        // other lane counts (none on today's x64 and Arm64): lane by lane into the vector itself
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector<float> ColumnLaneByLane(ref float x, nint width)
        {
            Unsafe.SkipInit(out Vector<float> column);
            ref float lane = ref Unsafe.As<Vector<float>, float>(ref column);
            for (int j = 0; j < Vector<float>.Count; j++) Unsafe.Add(ref lane, j) = Unsafe.Add(ref x, j * width);
            return column;
        }

        [DoesNotReturn]
        private static void ThrowOutside() => throw new ArgumentOutOfRangeException(nameof(Column), "The block of samples lies outside the rows.");

        /// <summary>
        /// Whether <paramref name="samples"/> fill at least half a vector of Vector&lt;float&gt;.Count lanes: then the samples
        /// left after a batch's whole blocks run as one block padded with zero rows (below that the scalar gates are faster
        /// for the few samples left), and a batch that small is worth the block method's call. A batch of 4 at 8 lanes is
        /// one padded block.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool FillsHalfAVector(int samples) => samples > 0 && 2 * samples >= Vector<float>.Count;

        /// <summary>The rows of a last, partial block copied into <paramref name="block"/> (a whole block's rows) and the rest of it zero; returns it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ReadOnlySpan<float> Pad(ReadOnlySpan<float> rows, Span<float> block)
        {
            rows.CopyTo(block);
            // zero rows: finite values through every gate, so that the masked gradient of a padding lane is exactly zero
            block.Slice(rows.Length).Clear();
            return block;
        }

        /// <summary>All bits set in the first <paramref name="live"/> lanes, zero in the padding lanes after them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<int> LiveLanes(int live) => Vector.LessThan(Vector<int>.Indices, new Vector<int>(live));

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
