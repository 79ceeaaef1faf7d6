using System;
using System.Threading;

namespace NnGen.Internal
{
    /// <summary>
    /// One kernel's work over the index range [0, length) of one dimension, cut into sub-ranges that
    /// <see cref="SecondCore"/> hands to either core. Each kernel has its own job struct holding exactly its operands.
    /// </summary>
    /// <remarks>
    /// <see cref="Run"/> may be called for several disjoint ranges at once, from two threads, on copies of one job:
    /// it must write nothing but its own range of the output, and the job's fields must not change (make it readonly).
    /// </remarks>
    internal interface IRangeJob
    {
        /// <summary>Does the work of the indices [<paramref name="start"/>, <paramref name="end"/>).</summary>
        void Run(int start, int end);
    }

    /// <summary>
    /// Shares a large kernel with a second core without allocating. The work is cut into chunks that the caller and
    /// one background helper thread (started on first use) claim one at a time, so a helper the OS is slow to run
    /// costs nothing: the caller takes every chunk, and if the helper has not started by then it is told not to.
    /// The caller claims chunks from the front and the helper from the back, so call after call each core works on
    /// about the same part of a layer, and that part of the weights stays in its own L2 cache (a layer's weights
    /// can fit two cores' caches where they do not fit one).
    /// The job holds raw pointers into memory the caller keeps pinned until the call returns. Each output element is
    /// computed by exactly one thread in the same order, so results do not depend on who ran which chunk. When the
    /// helper is busy (another thread's network is using it) or the machine has one core, the caller runs it all.
    /// </summary>
    /// <remarks>
    /// A job is a struct implementing <see cref="IRangeJob"/>, and every call on it is a constrained generic call
    /// (no delegate, no boxing). The helper learns which kernel to run from a function pointer to
    /// <see cref="RunChunks{TJob}"/> of that job type, which reads the job from <see cref="Slot{TJob}"/>.
    /// </remarks>
    internal static unsafe class SecondCore
    {
        /// <summary>
        /// Below this many multiply-adds a kernel runs on one core: the hand-off costs about a microsecond while the helper
        /// spins. From here up a layer is worth sharing even for one sample, since each core then streams only its part
        /// of the weights, from its own L2 (fashion's 784 -> 256 at batch 1: 200k multiply-adds, 800 KB of weights).
        /// </summary>
        public const long MinimumWork = 1L << 16;

        /// <summary>
        /// How many times a thread waiting for the other spins before it blocks in the kernel: the other side answers
        /// within microseconds when it is running, and a blocked thread takes tens of microseconds to wake.
        /// </summary>
        private const int HandOffSpins = 2000;

        private const int Offered = 1, Working = 2, Declined = 3;

        private static readonly object Gate = new();
        private static readonly ManualResetEventSlim Start = new(false, spinCount: HandOffSpins);
        private static readonly ManualResetEventSlim Done = new(false, spinCount: HandOffSpins);
        private static Thread? s_helper;
        private static delegate*<bool, void> s_runChunks;
        private static int s_length, s_chunk, s_state;

        /// <summary>The chunks not yet claimed, [front, back): the front in the low 32 bits, the back in the high.</summary>
        private static long s_unclaimed;
        private static Exception? s_failure;

        private static bool Available => Environment.ProcessorCount >= 2 && KernelOptions.UseSecondCore;

        /// <summary>The job on offer, one slot per job type (only the thread holding <see cref="Gate"/> writes it).</summary>
        private static class Slot<TJob> where TJob : struct, IRangeJob
        {
            public static TJob Job;
        }

        /// <summary>
        /// Runs <paramref name="job"/> over [0, <paramref name="length"/>) in chunks of <paramref name="chunk"/>, on
        /// both cores when its <paramref name="work"/> (in multiply-adds) pays for the hand-off, else in one call.
        /// </summary>
        public static void Run<TJob>(in TJob job, int length, int chunk, long work) where TJob : struct, IRangeJob
        {
            bool large = work >= MinimumWork && length > chunk;
            // Monitor.IsEntered: a job that itself shares work (on the thread holding the gate) runs its part inline.
            if (!large || !Available || Monitor.IsEntered(Gate) || !Monitor.TryEnter(Gate))
            {
                job.Run(0, length);
                return;
            }
            Exception? failure;
            try
            {
                EnsureHelper();
                Slot<TJob>.Job = job;
                s_runChunks = &RunChunks<TJob>;
                s_length = length;
                s_chunk = chunk;
                s_unclaimed = (long)((length + chunk - 1) / chunk) << 32;
                s_failure = null;
                Done.Reset();
                Volatile.Write(ref s_state, Offered);
                Start.Set();
                RunChunks<TJob>(fromFront: true);
            }
            finally
            {
                // The helper must be done with the pinned memory before the caller returns, even after a failure.
                if (Interlocked.CompareExchange(ref s_state, Declined, Offered) != Offered) Done.Wait();
                failure = s_failure;
                Slot<TJob>.Job = default;   // no pointers into memory that is about to be unpinned stay behind
                Monitor.Exit(Gate);
            }
            if (failure is not null) throw new InvalidOperationException("A dense kernel failed on the second core.", failure);
        }

        /// <summary>Claims chunks of the job on offer until none is left: the caller from the front, the helper from the back.</summary>
        private static void RunChunks<TJob>(bool fromFront) where TJob : struct, IRangeJob
        {
            TJob job = Slot<TJob>.Job;
            int length = s_length, chunk = s_chunk;
            int c;
            while ((c = Claim(fromFront)) >= 0)
            {
                int start = c * chunk;
                job.Run(start, Math.Min(length, start + chunk));
            }
        }

        /// <summary>The next unclaimed chunk from the front or the back, or -1 when every chunk is claimed.</summary>
        private static int Claim(bool fromFront)
        {
            while (true)
            {
                long seen = Volatile.Read(ref s_unclaimed);
                int front = (int)seen, back = (int)(seen >> 32);
                if (front >= back) return -1;
                long claimed = fromFront ? seen + 1 : seen - (1L << 32);
                if (Interlocked.CompareExchange(ref s_unclaimed, claimed, seen) == seen) return fromFront ? front : back - 1;
            }
        }

        private static void EnsureHelper()
        {
            if (s_helper is not null) return;
            s_helper = new Thread(Loop) { IsBackground = true, Name = "NnGen second core" };
            s_helper.Start();
        }

        private static void Loop()
        {
            while (true)
            {
                Start.Wait();
                Start.Reset();
                // A wake-up for a job the caller already finished alone finds it declined: nothing to do.
                if (Interlocked.CompareExchange(ref s_state, Working, Offered) != Offered) continue;
                try
                {
                    s_runChunks(false);
                }
                catch (Exception error)
                {
                    s_failure = error;
                }
                Done.Set();
            }
        }
    }
}
