using System;
using System.Collections.Generic;

namespace NnGen.Training
{
    /// <summary>The result of <see cref="Trainer.Train"/>: one report per finished epoch, the best epoch and how training ended.</summary>
    public sealed class TrainingHistory
    {
        internal TrainingHistory(EpochReport[] epochs, int bestEpoch, bool stoppedEarly, bool restoredBest)
        {
            Epochs = Array.AsReadOnly(epochs);
            BestEpoch = bestEpoch;
            StoppedEarly = stoppedEarly;
            RestoredBest = restoredBest;
        }

        /// <summary>The reports of the finished epochs, in order.</summary>
        public IReadOnlyList<EpochReport> Epochs { get; }

        /// <summary>
        /// The epoch (from 0) with the lowest validation loss (with early stopping: the last one that improved by
        /// more than MinDelta); -1 without a validation set or before any epoch finished.
        /// </summary>
        public int BestEpoch { get; }

        /// <summary>The validation loss of <see cref="BestEpoch"/>; null when there is none.</summary>
        public double? BestValidationLoss => BestEpoch >= 0 ? Epochs[BestEpoch].ValidationLoss : null;

        /// <summary>Whether early stopping ended training before the last epoch.</summary>
        public bool StoppedEarly { get; }

        /// <summary>Whether the network's parameters and state were put back to those after <see cref="BestEpoch"/>.</summary>
        public bool RestoredBest { get; }

        /// <summary>The report of the last finished epoch; null when none finished.</summary>
        public EpochReport? Last => Epochs.Count > 0 ? Epochs[Epochs.Count - 1] : null;
    }
}
