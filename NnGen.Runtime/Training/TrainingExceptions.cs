using System;
using System.Threading;

namespace NnGen.Training
{
    /// <summary>
    /// A training step gave a loss, parameter or state value that is NaN or infinite (see
    /// <see cref="TrainingOptions.CheckFinite"/>). The network's parameters and state are those from before that
    /// step, all finite.
    /// </summary>
    public sealed class TrainingDivergedException : ArithmeticException
    {
        internal TrainingDivergedException(string message, int epoch, int batch, float loss, TrainingHistory history)
            : base(message)
        {
            Epoch = epoch;
            Batch = batch;
            Loss = loss;
            History = history;
        }

        /// <summary>The epoch of the failing step, counted from 0.</summary>
        public int Epoch { get; }

        /// <summary>The batch of the failing step within its epoch, counted from 0.</summary>
        public int Batch { get; }

        /// <summary>The loss the failing step returned (it may be finite when a parameter overflowed).</summary>
        public float Loss { get; }

        /// <summary>The epochs finished before the failing one.</summary>
        public TrainingHistory History { get; }
    }

    /// <summary>
    /// Training was cancelled through its <see cref="CancellationToken"/>. The loop stops between batches: the
    /// network keeps the parameters and state of the last finished step (the best epoch is not put back).
    /// </summary>
    public sealed class TrainingCanceledException : OperationCanceledException
    {
        internal TrainingCanceledException(int epoch, int batch, TrainingHistory history, CancellationToken token)
            : base($"Training was cancelled before batch {batch} of epoch {epoch} (both counted from 0), after {history.Epochs.Count} finished epochs.", token)
        {
            Epoch = epoch;
            Batch = batch;
            History = history;
        }

        /// <summary>The epoch during which training stopped, counted from 0.</summary>
        public int Epoch { get; }

        /// <summary>The batch (from 0) that was not started; equals the epoch's batch count when cancellation came during validation.</summary>
        public int Batch { get; }

        /// <summary>The epochs finished before cancellation.</summary>
        public TrainingHistory History { get; }
    }
}
