using System;
using System.Threading;

namespace NnGen.Kernels
{
    /// <summary>
    /// Runs half of a large kernel on a second core without allocating: one background helper thread, started on
    /// first use, takes a job (an operation and raw pointers into memory the caller keeps pinned) while the caller
    /// runs the other half, then the caller waits for it. Each output element is still computed by exactly one
    /// thread in the same order, so results do not depend on whether the helper was used. When the helper is busy
    /// (another thread's network is using it) or the machine has one core, the caller runs everything itself.
    /// </summary>
    internal static unsafe class SecondCore
    {
        /// <summary>Below this many multiply-adds a kernel runs on one core: the hand-off costs a few microseconds.</summary>
        public const long MinimumWork = 1L << 18;

        private static readonly object Gate = new();
        private static readonly ManualResetEventSlim Start = new(false, spinCount: 2000);
        private static readonly ManualResetEventSlim Done = new(false, spinCount: 2000);
        private static Thread? s_helper;
        private static Job s_job;
        private static Exception? s_failure;

        public static bool Available => Environment.ProcessorCount >= 2 && KernelOptions.UseSecondCore;

        /// <summary>The work of one half: an operation of <see cref="DenseKernels"/> on pinned memory.</summary>
        internal struct Job
        {
            public delegate*<in Job, void> Run;
            public float* A, B, C, D;
            public int AStride, BStride;
            public int N, FanIn, Units, Start, End;
        }

        /// <summary>Hands <paramref name="job"/> to the helper; false when the helper cannot take it now.</summary>
        public static bool TryBegin(in Job job)
        {
            if (!Available || !Monitor.TryEnter(Gate)) return false;
            EnsureHelper();
            s_job = job;
            s_failure = null;
            Done.Reset();
            Start.Set();
            return true;
        }

        /// <summary>Waits for the helper's half and releases it; rethrows what it threw.</summary>
        public static void End()
        {
            Done.Wait();
            Exception? failure = s_failure;
            Monitor.Exit(Gate);
            if (failure is not null) throw new InvalidOperationException("A dense kernel failed on the second core.", failure);
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
                try
                {
                    s_job.Run(in s_job);
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
