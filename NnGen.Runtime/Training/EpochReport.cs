using System;

namespace NnGen.Training
{
    /// <summary>What one epoch of <see cref="Trainer.Train"/> did. Immutable.</summary>
    /// <param name="Epoch">The epoch, counted from 0.</param>
    /// <param name="LearningRate">The optimizer's learning rate during the epoch.</param>
    /// <param name="TrainLoss">
    /// The mean of the losses <see cref="INetwork.TrainStep"/> returned, weighted by batch size: training mode
    /// (dropout and noise on, BatchNorm on batch statistics), each batch's loss taken before its step, as Keras reports it.
    /// </param>
    /// <param name="Batches">The number of steps taken.</param>
    /// <param name="Samples">The number of samples those steps saw.</param>
    /// <param name="ValidationLoss">The validation loss after the epoch (inference mode, <see cref="INetwork.ComputeLoss"/>); null without a validation set.</param>
    /// <param name="ValidationAccuracy">The validation accuracy after the epoch (see <see cref="Trainer.Evaluate"/>); null without a validation set.</param>
    /// <param name="IsBest">Whether this epoch's validation loss is the best so far (with early stopping: by more than its MinDelta).</param>
    /// <param name="Elapsed">The wall-clock time of the epoch, validation included.</param>
    public sealed record EpochReport(
        int Epoch,
        float LearningRate,
        double TrainLoss,
        int Batches,
        int Samples,
        double? ValidationLoss,
        double? ValidationAccuracy,
        bool IsBest,
        TimeSpan Elapsed);
}
