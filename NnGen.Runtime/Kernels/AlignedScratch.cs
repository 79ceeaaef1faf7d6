using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NnGen.Internal
{
    /// <summary>
    /// Per-thread, 64-byte aligned scratch memory for packed operands. A float[] starts wherever the heap put it, so
    /// most 512-bit loads from it straddle two cache lines and cost two loads; the kernels copy the operand they
    /// reread many times into rows that each start on a cache line. The buffers grow to the largest layer a thread
    /// has seen and then stay, so a training step allocates nothing. They live on the pinned heap: pointers stay valid.
    /// </summary>
    internal static unsafe class AlignedScratch
    {
        public const int Alignment = 64;
        private const int FloatsPerLine = Alignment / sizeof(float);

        /// <summary>Rows per chunk when a copy is shared with the second core: each chunk moves 32 rows, enough to dwarf claiming it.</summary>
        private const int RowsPerChunk = 32;

        /// <summary>A copy moves memory rather than multiplying: one float copied costs about as much as this many multiply-adds.</summary>
        private const long CopyWorkPerFloat = 4;

        [ThreadStatic] private static float[]? t_weights;
        [ThreadStatic] private static float[]? t_rows;
        [ThreadStatic] private static float[]? t_layer;

        /// <summary>Row stride (in floats) that keeps every packed row of <paramref name="length"/> floats aligned.</summary>
        public static int Stride(int length) => (length + FloatsPerLine - 1) & ~(FloatsPerLine - 1);

        /// <summary>
        /// Copies <paramref name="rows"/> rows of <paramref name="length"/> floats, <paramref name="sourceStride"/> apart,
        /// into this thread's weight buffer, <paramref name="stride"/> apart.
        /// </summary>
        public static float* PackWeights(float* source, int rows, int length, int sourceStride, int stride)
            => Pack(ref t_weights, source, rows, length, sourceStride, stride);

        /// <summary>
        /// Copies <paramref name="rows"/> rows of <paramref name="length"/> floats into this thread's second buffer
        /// (for the other operand), each row aligned; large copies are shared with the second core.
        /// </summary>
        public static float* PackRows(float* source, int rows, int length, out int stride)
            => PackShared(ref t_rows, source, rows, length, out stride);

        private static float* PackShared(ref float[]? buffer, float* source, int rows, int length, out int stride)
        {
            stride = Stride(length);
            float* target = Aligned(ref buffer, (long)rows * stride);
            var job = new CopyRowsJob(source, length, target, stride, length);
            SecondCore.Run(in job, rows, RowsPerChunk, work: CopyWorkPerFloat * rows * length);
            return target;
        }

        /// <summary>
        /// Copies a layer's <paramref name="rows"/> rows of W into this thread's third buffer, each row aligned, for both
        /// cores to read while each packs its own rows of x into its second buffer; large copies are shared.
        /// </summary>
        public static float* PackLayerWeights(float* source, int rows, int length, out int stride)
            => PackShared(ref t_layer, source, rows, length, out stride);

        /// <summary>Copies rows of floats from one stride to another.</summary>
        private readonly struct CopyRowsJob : IRangeJob
        {
            private readonly float* _source, _target;
            private readonly int _sourceStride, _targetStride, _length;

            public CopyRowsJob(float* source, int sourceStride, float* target, int targetStride, int length)
            {
                _source = source; _sourceStride = sourceStride; _target = target; _targetStride = targetStride; _length = length;
            }

            /// <summary>The rows [start, end).</summary>
            public void Run(int start, int end)
            {
                for (int r = start; r < end; r++)
                    new ReadOnlySpan<float>(_source + (long)r * _sourceStride, _length).CopyTo(new Span<float>(_target + (long)r * _targetStride, _length));
            }
        }

        private static float* Pack(ref float[]? buffer, float* source, int rows, int length, int sourceStride, int stride)
        {
            float* target = Aligned(ref buffer, (long)rows * stride);
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(source + (long)r * sourceStride, length).CopyTo(new Span<float>(target + (long)r * stride, length));
            return target;
        }

        private static float* Aligned(ref float[]? buffer, long length)
        {
            if (buffer is null || buffer.Length < length + FloatsPerLine)
                buffer = GC.AllocateUninitializedArray<float>(checked((int)(length + FloatsPerLine)), pinned: true);
            nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
            return (float*)((start + Alignment - 1) & ~(nint)(Alignment - 1));
        }
    }
}
