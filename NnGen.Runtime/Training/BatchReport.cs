namespace NnGen.Training
{
    /// <summary>
    /// What one mini-batch step of <see cref="Trainer.Train"/> did, for progress displays. A readonly struct, so
    /// that reporting every batch allocates nothing.
    /// </summary>
    /// <param name="Epoch">The epoch, counted from 0.</param>
    /// <param name="Batch">The batch within the epoch, counted from 0.</param>
    /// <param name="Batches">The number of batches the epoch takes.</param>
    /// <param name="Size">The samples in this batch.</param>
    /// <param name="Loss">The loss <see cref="INetwork.TrainStep"/> returned for this batch (training mode, before its step).</param>
    /// <param name="MeanLoss">
    /// The batch-size-weighted mean loss of the epoch's batches so far, this one included; after the epoch's last
    /// batch it equals the epoch's <see cref="EpochReport.TrainLoss"/>.
    /// </param>
    public readonly record struct BatchReport(int Epoch, int Batch, int Batches, int Size, float Loss, double MeanLoss);
}
