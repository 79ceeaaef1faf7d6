using System;
using System.ComponentModel;
using NnGen.Training;

namespace NnGen.Internal
{
    /// <summary>
    /// A network whose parameters live on an accelerator, such as the <c>Gpu</c> class NnGen generates for a network
    /// when the consumer references NnGen.Gpu (whose GpuNetwork implements this). <see cref="Trainer"/> recognizes it: the training set is uploaded once per
    /// <see cref="Trainer.Train"/> call, each epoch's sample order once per epoch, every mini-batch is gathered, trained
    /// and stepped on the device, and the losses and parameters come back once per epoch. The runtime itself knows no
    /// accelerator library.
    /// </summary>
    /// <remarks>
    /// <see cref="INetwork.Parameters"/> of such a network is a host copy: it holds the device parameters after
    /// <see cref="FinishEpoch"/>, and <see cref="UploadParameters"/> sends host changes to the device.
    /// <para>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IDeviceTraining : INetwork
    {
        /// <summary>Copies the features and targets of <paramref name="training"/> to the device, replacing any set uploaded before.</summary>
        void UploadTrainingSet(Dataset training);

        /// <summary>Copies the order in which this epoch visits the uploaded samples (indices into the training set).</summary>
        void UploadOrder(ReadOnlySpan<int> order);

        /// <summary>
        /// Keeps a device copy of the parameters, which <see cref="RestoreCheckpoint"/> puts back (the training loop's
        /// finite check: a device epoch is checked once, at its end).
        /// </summary>
        void SaveCheckpoint();

        /// <summary>Puts back the parameters of the last <see cref="SaveCheckpoint"/>, on the device and in <see cref="INetwork.Parameters"/>.</summary>
        void RestoreCheckpoint();

        /// <summary>
        /// Queues one training step (gradients of the batch, then one step of <paramref name="optimizer"/>) on the samples
        /// <c>order[start .. start + size)</c>, without waiting for it; its loss stays on the device as loss number
        /// <paramref name="batch"/> of the epoch.
        /// </summary>
        void QueueTrainStep(int batch, int start, int size, IOptimizer optimizer);

        /// <summary>
        /// Waits for the queued steps, then copies the first <c>losses.Length</c> batch losses of the epoch into
        /// <paramref name="losses"/> and the device parameters into <see cref="INetwork.Parameters"/>.
        /// </summary>
        void FinishEpoch(Span<float> losses);

        /// <summary>Copies <see cref="INetwork.Parameters"/> (changed on the host) to the device.</summary>
        void UploadParameters();
    }
}
