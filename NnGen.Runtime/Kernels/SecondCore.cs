using System;
using System.Threading;

namespace NnGen.Internal
{
    /// <summary>
    /// Shares a large kernel with a second core without allocating. The work is cut into chunks that the caller and
    /// one background helper thread (started on first use) claim one at a time, so a helper the OS is slow to run
    /// costs nothing: the caller takes every chunk, and if the helper has not started by then it is told not to.
    /// The job holds raw pointers into memory the caller keeps pinned until the call returns. Each output element is
    /// computed by exactly one thread in the same order, so results do not depend on who ran which chunk. When the
    /// helper is busy (another thread's network is using it) or the machine has one core, the caller runs it all.
    /// </summary>
    internal static unsafe class SecondCore
    {
        /// <summary>Below this many multiply-adds a kernel runs on one core: the hand-off costs a few microseconds.</summary>
        public const long MinimumWork = 1L << 18;

        private const int Offered = 1, Working = 2, Declined = 3;

        private static readonly object Gate = new();
        private static readonly ManualResetEventSlim Start = new(false, spinCount: 2000);
        private static readonly ManualResetEventSlim Done = new(false, spinCount: 2000);
        private static Thread? s_helper;
        private static Job s_job;
        private static int s_chunk, s_next, s_state;
        private static Exception? s_failure;

        private static bool Available => Environment.ProcessorCount >= 2 && KernelOptions.UseSecondCore;

        /// <summary>The work: an operation over [Start, End) of one dimension, on pinned memory.</summary>
        internal struct Job
        {
            public delegate*<in Job, void> Run;
            public float* A, B, C, D;
            public void* E;
            public float* Activated;
            public Activation Activation;
            public float Alpha;
            public int AStride, BStride;
            public bool PackB;
            public int N, FanIn, Units, Start, End;
        }

        /// <summary>
        /// Runs <paramref name="job"/> in chunks of <paramref name="chunk"/>, on both cores when its
        /// <paramref name="work"/> (in multiply-adds) pays for the hand-off.
        /// </summary>
        public static void Run(in Job job, int chunk, long work)
        {
            bool large = work >= MinimumWork && job.End - job.Start > chunk;
            // Monitor.IsEntered: a job that itself shares work (on the thread holding the gate) runs its part inline.
            if (!large || !Available || Monitor.IsEntered(Gate) || !Monitor.TryEnter(Gate))
            {
                job.Run(in job);
                return;
            }
            Exception? failure;
            try
            {
                EnsureHelper();
                s_job = job;
                s_chunk = chunk;
                s_next = 0;
                s_failure = null;
                Done.Reset();
                Volatile.Write(ref s_state, Offered);
                Start.Set();
                RunChunks();
            }
            finally
            {
                // The helper must be done with the pinned memory before the caller returns, even after a failure.
                if (Interlocked.CompareExchange(ref s_state, Declined, Offered) != Offered) Done.Wait();
                failure = s_failure;
                Monitor.Exit(Gate);
            }
            if (failure is not null) throw new InvalidOperationException("A dense kernel failed on the second core.", failure);
        }

        private static void RunChunks()
        {
            Job part = s_job;
            int first = part.Start, end = part.End, chunk = s_chunk;
            int chunks = (end - first + chunk - 1) / chunk;
            int c;
            while ((c = Interlocked.Increment(ref s_next) - 1) < chunks)
            {
                part.Start = first + c * chunk;
                part.End = Math.Min(end, part.Start + chunk);
                part.Run(in part);
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
                    RunChunks();
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
