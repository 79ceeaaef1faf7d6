using System;
using System.Collections.Generic;
using System.Threading;
using NnGen.Internal;

namespace NnGen.Training
{
    public sealed partial class Trainer
    {
        /// <summary>
        /// One epoch of an <see cref="IDeviceTraining"/> network: the order goes up once, every batch is queued on the
        /// device, and the batch losses and the parameters come back once at the end. The finite check therefore runs
        /// once per epoch: on a NaN or infinite loss or parameter the epoch's starting parameters are put back.
        /// </summary>
        private (double LossSum, int Samples) TrainEpochOnDevice(IDeviceTraining device, int[] order, int batchSize, int batches,
            IOptimizer optimizer, float[] losses, int epoch, List<EpochReport> reports, int bestEpoch, CancellationToken cancellationToken)
        {
            int count = order.Length;
            bool check = Options.CheckFinite;
            device.UploadOrder(order);
            if (check) device.SaveCheckpoint();
            for (int batch = 0; batch < batches; batch++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    device.FinishEpoch(losses.AsSpan(0, batch));
                    throw new TrainingCanceledException(epoch, batch, History(reports, bestEpoch, false, false), cancellationToken);
                }
                int start = batch * batchSize;
                device.QueueTrainStep(batch, start, Math.Min(batchSize, count - start), optimizer);
            }
            device.FinishEpoch(losses);

            double lossSum = 0;
            int samples = 0;
            for (int batch = 0; batch < batches; batch++)
            {
                int size = Math.Min(batchSize, count - batch * batchSize);
                float loss = losses[batch];
                if (check && !float.IsFinite(loss))
                    Diverged(device, epoch, batch, loss, $"the training loss was {Describe(loss)}", reports, bestEpoch);
                lossSum += (double)loss * size;
                samples += size;
            }
            if (check && FiniteCheck.FirstNonFinite(device.Parameters) is int p and >= 0)
                Diverged(device, epoch, batches - 1, losses[batches - 1], $"parameter {p} became {Describe(device.Parameters[p])}", reports, bestEpoch);
            return (lossSum, samples);
        }

        private static void Diverged(IDeviceTraining device, int epoch, int batch, float loss, string problem, List<EpochReport> reports, int bestEpoch)
        {
            device.RestoreCheckpoint();
            throw new TrainingDivergedException(
                $"Training diverged in epoch {epoch}, batch {batch} (both counted from 0): {problem}. " +
                "The network trains on a device, where the check runs once per epoch: the parameters were restored to their values at the start of this epoch (the optimizer's own state was not). " +
                "A lower learning rate, gradient-friendlier inputs (scaled features) or another initializer may help.",
                epoch, batch, loss, History(reports, bestEpoch, false, false));
        }
    }
}
