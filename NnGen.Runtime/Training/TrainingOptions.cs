using System;
using NnGen.Internal;

namespace NnGen.Training
{
    /// <summary>
    /// How <see cref="Trainer"/> trains: epochs, mini-batches, shuffling, the learning rate per epoch, early
    /// stopping, the finite check and progress reports. Immutable; make variants with <c>with</c>.
    /// </summary>
    public sealed record TrainingOptions
    {
        /// <summary>The number of passes over the training set (default 10); early stopping may end sooner.</summary>
        public int Epochs { get; init; } = 10;

        /// <summary>
        /// The samples per mini-batch (default 32). The last batch of an epoch holds the rest, unless
        /// <see cref="DropLast"/> is set.
        /// </summary>
        public int BatchSize { get; init; } = 32;

        /// <summary>
        /// The seed of the <see cref="SeededRandom"/> that orders the samples. The same seed, network (with its own
        /// seed), optimizer and data give the same parameters, bit for bit.
        /// </summary>
        public long Seed { get; init; }

        /// <summary>
        /// Whether every epoch visits the samples in a new random order (default true): epoch e's order is the
        /// identity permutation shuffled by <see cref="SeededRandom.Shuffle{T}"/>, one generator of
        /// <see cref="Seed"/> serving every epoch in turn. Off, every epoch visits them in data set order.
        /// </summary>
        public bool Shuffle { get; init; } = true;

        /// <summary>
        /// Whether to skip the last batch of an epoch when it holds fewer than <see cref="BatchSize"/> samples
        /// (PyTorch's <c>drop_last</c>; default false). Networks with BatchNorm need batches of at least 2 samples
        /// in training: set this, or choose a batch size that does not leave a single sample over.
        /// </summary>
        public bool DropLast { get; init; }

        /// <summary>
        /// The learning-rate schedule (<see cref="StepDecay"/>, <see cref="ExponentialDecay"/>,
        /// <see cref="InverseTimeDecay"/>, <see cref="CosineDecay"/> or your own): its rate for each 0-based epoch is
        /// set on the optimizer's <see cref="IOptimizer.LearningRate"/> before the epoch's first batch; null keeps the
        /// optimizer's own rate. A rate that is not a finite number &gt;= 0 stops training with an
        /// <see cref="InvalidOperationException"/>.
        /// </summary>
        public ILearningRateSchedule? Schedule { get; init; }

        /// <summary>Stops training when the validation loss stops improving; null (the default) trains every epoch.</summary>
        public EarlyStopping? EarlyStopping { get; init; }

        /// <summary>
        /// Whether to check every step for a training loss, parameter or state value that is NaN or infinite
        /// (default true). On such a step the loop puts back the parameters and state from before it and throws
        /// <see cref="TrainingDivergedException"/> naming the epoch and batch.
        /// </summary>
        /// <remarks>
        /// Cost: one copy of <see cref="INetwork.Parameters"/> and <see cref="INetwork.State"/> kept by the loop
        /// (P + S floats of memory), and per batch a copy of them before the step and a vectorized scan after it:
        /// two passes over P + S floats, about what a plain SGD step costs, small beside the forward and backward
        /// passes of a batch of more than a few samples. The optimizer's own state (momentum, moments) is not
        /// rolled back. Turn it off for the last few percent of speed.
        /// </remarks>
        public bool CheckFinite { get; init; } = true;

        /// <summary>
        /// Whether training first checks the training and validation sets for NaN and infinity (default true): a bad value
        /// throws <see cref="ArgumentException"/> naming the set, sample and column before any step, instead of turning
        /// the parameters into NaN. Cost: one vectorized scan of the data per <see cref="Trainer.Train"/> call.
        /// </summary>
        public bool CheckData { get; init; } = true;

        /// <summary>Called after every epoch with its report (on the training thread); null for none.</summary>
        public Action<EpochReport>? Progress { get; init; }

        /// <summary>
        /// Called after every training step with its <see cref="BatchReport"/> (on the training thread, after the finite
        /// check); null for none. Passing the struct allocates nothing; keep the callback cheap, it runs once per batch.
        /// </summary>
        public Action<BatchReport>? BatchProgress { get; init; }

        /// <summary>The samples per call when the loop evaluates the validation set (default 256); only memory and speed depend on it.</summary>
        public int EvaluationBatchSize { get; init; } = 256;

        internal void Validate()
        {
            if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be >= 1.");
            if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be >= 1.");
            if (EvaluationBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(EvaluationBatchSize), EvaluationBatchSize, "The evaluation batch size must be >= 1.");
            EarlyStopping?.Validate();
        }
    }

    /// <summary>
    /// Early stopping on the validation loss, as Keras' <c>EarlyStopping(monitor="val_loss")</c>: an epoch
    /// improves when its validation loss is below the best so far by more than <see cref="MinDelta"/>; training
    /// stops after <see cref="Patience"/> epochs in a row without improvement. With <see cref="RestoreBest"/>
    /// (the default) the network ends with the parameters and state it had after its best epoch, whether training
    /// stopped early or ran every epoch.
    /// </summary>
    /// <param name="Patience">Epochs without improvement after which training stops (&gt;= 1).</param>
    /// <param name="MinDelta">How much lower than the best a validation loss must be to count as an improvement (&gt;= 0).</param>
    /// <param name="RestoreBest">Whether to put back the parameters and state of the best epoch at the end.</param>
    public sealed record EarlyStopping(int Patience = 5, double MinDelta = 0.0, bool RestoreBest = true)
    {
        internal void Validate()
        {
            if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Patience must be >= 1.");
            if (!(MinDelta >= 0.0) || double.IsInfinity(MinDelta)) throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "MinDelta must be a finite number >= 0.");
        }
    }
}
