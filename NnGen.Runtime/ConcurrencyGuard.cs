using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NnGen.Internal
{
    /// <summary>
    /// The thread-safety contract of a generated network, one per instance: inference (Predict, ComputeLoss) from any
    /// number of threads, training calls (ComputeGradients, TrainStep, LoadFrom) one thread at a time, and
    /// CopyParametersFrom to publish new weights to a network that serves.
    /// </summary>
    /// <remarks>
    /// <para>A seqlock. Every call that writes Parameters or State takes the writer flag (a compare-and-swap: a second
    /// writer throws) and makes the version odd while it writes, even again when done. Inference takes no lock and
    /// writes nothing shared: it reads the version before its work and again after it (after a read barrier, so that no
    /// read of the parameters moves past the second read). The same even version both times means no writer ran
    /// meanwhile, so the result is that of one set of parameters. Otherwise: after a publish (CopyParametersFrom) the
    /// reader computes again, so a reader never sees half old, half new weights and never fails because of a publish;
    /// after or during a training call it throws <see cref="InvalidOperationException"/> rather than return outputs
    /// mixed from two parameter sets.</para>
    /// <para>The version's low 32 bits count every write (odd while one runs), its high 32 bits the training writes,
    /// so that a reader tells from the two values it read whether a training call started in between. A reader that
    /// keeps losing to back-to-back publishes asks the next publishers to wait until it has finished once.</para>
    /// <para>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it
    /// may change in any release.</para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct ConcurrencyGuard
    {
        /// <summary>No writer.</summary>
        public const int Free = 0;

        /// <summary>A training call (ComputeGradients, TrainStep, LoadFrom) writes Parameters, State or Gradients.</summary>
        public const int Training = 1;

        /// <summary>CopyParametersFrom writes Parameters and State (inference waits for it).</summary>
        public const int Publishing = 2;

        /// <summary>The network is the source of a CopyParametersFrom: its parameters must not change meanwhile.</summary>
        public const int Source = 3;

        /// <summary>Failed reads after which a reader makes publishers wait for it.</summary>
        private const int Patience = 2;

        private long _version;
        private int _writer;
        private int _starvedReaders;

        /// <summary>Starts an inference read (its <paramref name="attempt"/>-th, from 0): the version to hand to <see cref="EndRead"/>; waits out a publish in progress, throws during a training call.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long BeginRead(int attempt, string network, string call)
        {
            long version = Volatile.Read(ref _version);
            return (version & 1) == 0 ? version : WaitForWriter(attempt, network, call);
        }

        /// <summary>
        /// Ends an inference read that began at <paramref name="version"/> (its <paramref name="attempt"/>-th, from 0): true
        /// when no writer ran meanwhile; false after a publish (compute again); throws when a training call ran.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool EndRead(long version, int attempt, string network, string call)
        {
            // keeps every read of the parameters before the second read of the version: a seqlock reader needs
            // load-load order only (it writes nothing shared): free on x64 and a dmb ishld on Arm64, where a full fence
            // (Interlocked.MemoryBarrier: a locked instruction, about 20 cycles on x64) would tax every call
            Volatile.ReadBarrier();
            return (Volatile.Read(ref _version) == version && attempt == 0) || EndReadSlow(version, attempt, network, call);
        }

        /// <summary>Takes the writer flag for a call of <paramref name="kind"/> and makes the version odd; throws when another writer holds it.</summary>
        public void BeginWrite(int kind, string network, string call)
        {
            if (kind == Publishing)
            {
                // readers that lost to earlier publishes finish first, so that back-to-back publishes cannot starve them
                var spin = new SpinWait();
                while (Volatile.Read(ref _starvedReaders) != 0) spin.SpinOnce();
            }
            int current = Interlocked.CompareExchange(ref _writer, kind, Free);
            if (current != Free) ThrowBusy(current, network, call);
            // the flag makes this the only writer of the version; the odd version must be seen before any write after it,
            // which needs store-store order only: free on x64 and a dmb ishst on Arm64, where a locked exchange cost about
            // 20 cycles per training call on x64
            Volatile.Write(ref _version, Next(_version, kind == Training));
            Volatile.WriteBarrier();
        }

        /// <summary>Makes the version even again (the writes before it visible first) and frees the writer flag.</summary>
        public void EndWrite()
        {
            // release stores: every write of the call is seen before the even version, and the version before the free flag
            Volatile.Write(ref _version, Next(_version, training: false));
            Volatile.Write(ref _writer, Free);
        }

        /// <summary>Takes the writer flag while the network is copied from, so that no training call changes it meanwhile; readers go on.</summary>
        public void BeginSource(string network)
        {
            int current = Interlocked.CompareExchange(ref _writer, Source, Free);
            if (current != Free) ThrowBusy(current, network, "CopyParametersFrom (as its source)");
        }

        /// <summary>Frees the writer flag taken by <see cref="BeginSource"/>.</summary>
        public void EndSource() => Volatile.Write(ref _writer, Free);

        // the next version of a write: the low 32 bits one more (wrapping within them), the high 32 bits one more for a training write's start
        private static long Next(long version, bool training)
            => (long)(((ulong)(uint)((ulong)version >> 32) + (training ? 1u : 0u)) << 32 | (uint)((uint)version + 1u));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private long WaitForWriter(int attempt, string network, string call)
        {
            var spin = new SpinWait();
            while (true)
            {
                long version = Volatile.Read(ref _version);
                if ((version & 1) == 0) return version;
                if (Volatile.Read(ref _writer) == Training)
                {
                    if (attempt >= Patience) Interlocked.Decrement(ref _starvedReaders);
                    ThrowDuringTraining(network, call);
                }
                spin.SpinOnce();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool EndReadSlow(long version, int attempt, string network, string call)
        {
            long now = Volatile.Read(ref _version);
            if (now == version)
            {
                if (attempt >= Patience) Interlocked.Decrement(ref _starvedReaders);
                return true;
            }
            if ((ulong)now >> 32 != (ulong)version >> 32)
            {
                if (attempt >= Patience) Interlocked.Decrement(ref _starvedReaders);
                ThrowDuringTraining(network, call);
            }
            if (attempt == Patience - 1) Interlocked.Increment(ref _starvedReaders);
            return false;
        }

        [DoesNotReturn]
        private static void ThrowDuringTraining(string network, string call)
            => throw new InvalidOperationException(
                $"{network}.{call} ran while a training call (ComputeGradients, TrainStep or LoadFrom) changed the parameters or state "
                + "on another thread, so its result would mix two sets of parameters. Inference is safe from any number of threads, "
                + "but not during training: serve from a copy and publish new weights to it with CopyParametersFrom.");

        [DoesNotReturn]
        private static void ThrowBusy(int current, string network, string call)
            => throw new InvalidOperationException(
                $"{network}.{call} was called while "
                + (current == Source ? "the network was being copied from by CopyParametersFrom" : current == Publishing ? "CopyParametersFrom was writing its parameters" : "a training call was running")
                + " on another thread. Training calls (ComputeGradients, TrainStep, LoadFrom, CopyParametersFrom) are for one thread at a time.");
    }
}
