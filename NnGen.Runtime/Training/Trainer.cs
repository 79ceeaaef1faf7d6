using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using NnGen.Internal;

namespace NnGen.Training
{
    /// <summary>
    /// Trains any <see cref="INetwork"/> on a <see cref="Dataset"/> with shuffled mini-batches, as its
    /// <see cref="TrainingOptions"/> say, through the interface alone (no reflection). One trainer may train many
    /// networks, one at a time or on several threads (it keeps no state between calls); a network and an
    /// optimizer serve one call at a time.
    /// </summary>
    /// <remarks>
    /// <para>Each epoch: set the learning rate (when <see cref="TrainingOptions.Schedule"/> is given),
    /// order the samples, then per batch gather its rows into buffers allocated once per call (no allocation per
    /// batch), call <see cref="INetwork.TrainStep"/>, and check the result for NaN and infinity. After the batches
    /// the validation set, if any, is evaluated in inference mode; early stopping and the progress callback see the
    /// epoch's <see cref="EpochReport"/>. The batch callback, if any, sees each step's <see cref="BatchReport"/>.</para>
    /// <para>Determinism: the same options (seed included), a network built with the same seed, a fresh optimizer
    /// of the same settings and the same data give the same parameters bit for bit.</para>
    /// <para>Cancellation: the token is checked before every batch and before validation; a cancelled call throws
    /// <see cref="TrainingCanceledException"/> (an <see cref="OperationCanceledException"/>) carrying the finished
    /// epochs, and the network keeps the parameters of the last finished step.</para>
    /// </remarks>
    public sealed partial class Trainer
    {
        /// <summary>The epoch reports reserved up front at most: a run of more epochs grows its list as it goes.</summary>
        private const int ReportsReservedAtMost = 1024;

        /// <summary>Creates a trainer with <paramref name="options"/> (null: the defaults).</summary>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        public Trainer(TrainingOptions? options = null)
        {
            Options = options ?? new TrainingOptions();
            Options.Validate();
        }

        /// <summary>How this trainer trains.</summary>
        public TrainingOptions Options { get; }

        /// <summary>
        /// Trains <paramref name="network"/> with <paramref name="optimizer"/> on <paramref name="training"/>,
        /// evaluating <paramref name="validation"/> after every epoch when given.
        /// </summary>
        /// <returns>The per-epoch reports, the best epoch and whether early stopping ended training.</returns>
        /// <exception cref="ArgumentException">A data set does not fit the network, is empty, holds NaN or infinity (see <see cref="TrainingOptions.CheckData"/>), or early stopping was asked for without a validation set.</exception>
        /// <exception cref="TrainingDivergedException">The finite check found NaN or infinity after a step.</exception>
        /// <exception cref="TrainingCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public TrainingHistory Train(INetwork network, IOptimizer optimizer, Dataset training, Dataset? validation = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(optimizer);
            ArgumentNullException.ThrowIfNull(training);
            CheckFits(network, training, nameof(training));
            if (validation is not null) CheckFits(network, validation, nameof(validation));
            TrainingOptions options = Options;
            if (options.CheckData) DataCheck.RequireFinite(training, validation);
            EarlyStopping? stopping = options.EarlyStopping;
            if (stopping is not null && validation is null)
                throw new ArgumentException("Early stopping monitors the validation loss: pass a validation set, or leave EarlyStopping null.", nameof(validation));

            int count = training.Count;
            int batchSize = Math.Min(options.BatchSize, count);
            int batches = options.DropLast ? count / options.BatchSize : (count + batchSize - 1) / batchSize;
            if (batches == 0)
                throw new ArgumentException($"With DropLast, a batch size of {options.BatchSize} leaves no batch of the {count} training samples.", nameof(training));

            float[] parameters = network.Parameters, state = network.State;
            int inputSize = network.InputSize, outputSize = network.OutputSize;
            var order = new int[count];
            var batchInputs = new float[batchSize * inputSize];
            var batchTargets = new float[batchSize * outputSize];
            float[]? parametersBeforeStep = options.CheckFinite ? new float[parameters.Length] : null;
            float[]? stateBeforeStep = options.CheckFinite ? new float[state.Length] : null;
            bool keepBest = stopping is { RestoreBest: true };
            float[]? bestParameters = keepBest ? new float[parameters.Length] : null;
            float[]? bestState = keepBest ? new float[state.Length] : null;
            float[]? validationOutputs = validation is null ? null : new float[Math.Min(options.EvaluationBatchSize, validation.Count) * outputSize];

            IDeviceTraining? device = network as IDeviceTraining;
            float[]? deviceLosses = device is null ? null : new float[batches];
            device?.UploadTrainingSet(training);

            var random = new SeededRandom(options.Seed);
            var reports = new List<EpochReport>(Math.Min(options.Epochs, ReportsReservedAtMost));
            double bestLoss = double.PositiveInfinity;
            int bestEpoch = -1, epochsWithoutImprovement = 0;
            bool stoppedEarly = false;

            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                long started = Stopwatch.GetTimestamp();
                if (options.Schedule is { } schedule)
                {
                    float rate = schedule.LearningRate(epoch);
                    if (!(rate >= 0f) || float.IsInfinity(rate))
                        throw new InvalidOperationException($"The schedule's LearningRate({epoch}) returned {rate}; a learning rate must be a finite number >= 0.");
                    optimizer.LearningRate = rate;
                }
                float learningRate = optimizer.LearningRate;

                for (int i = 0; i < count; i++) order[i] = i;
                if (options.Shuffle) random.Shuffle<int>(order);

                double lossSum = 0;
                int samples = 0;
                if (device is not null)
                    (lossSum, samples) = TrainEpochOnDevice(device, order, batchSize, batches, optimizer, deviceLosses!, epoch, reports, bestEpoch, cancellationToken);
                for (int batch = 0; device is null && batch < batches; batch++)
                {
                    if (cancellationToken.IsCancellationRequested)
                        throw new TrainingCanceledException(epoch, batch, History(reports, bestEpoch, false, false), cancellationToken);
                    int start = batch * batchSize, size = Math.Min(batchSize, count - start);
                    Span<float> inputs = batchInputs.AsSpan(0, size * inputSize);
                    Span<float> targets = batchTargets.AsSpan(0, size * outputSize);
                    training.Gather(order.AsSpan(start, size), inputs, targets);

                    if (parametersBeforeStep is not null)
                    {
                        parameters.CopyTo(parametersBeforeStep, 0);
                        state.CopyTo(stateBeforeStep!, 0);
                    }
                    float loss = network.TrainStep(inputs, targets, optimizer);
                    if (parametersBeforeStep is not null)
                        CheckStep(loss, parameters, state, parametersBeforeStep, stateBeforeStep!, epoch, batch, reports, bestEpoch);
                    lossSum += (double)loss * size;
                    samples += size;
                    options.BatchProgress?.Invoke(new BatchReport(epoch, batch, batches, size, loss, lossSum / samples));
                }

                double? validationLoss = null, validationAccuracy = null;
                bool isBest = false;
                if (validation is not null)
                {
                    if (cancellationToken.IsCancellationRequested)
                        throw new TrainingCanceledException(epoch, batches, History(reports, bestEpoch, false, false), cancellationToken);
                    Evaluation result = EvaluateInto(network, validation, options.EvaluationBatchSize, validationOutputs!);
                    validationLoss = result.Loss;
                    validationAccuracy = result.Accuracy;
                    // Keras' rule for a monitored loss: an improvement is current + minDelta < best (false for NaN)
                    if (result.Loss + (stopping?.MinDelta ?? 0.0) < bestLoss)
                    {
                        isBest = true;
                        bestLoss = result.Loss;
                        bestEpoch = epoch;
                        epochsWithoutImprovement = 0;
                        if (bestParameters is not null)
                        {
                            parameters.CopyTo(bestParameters, 0);
                            state.CopyTo(bestState!, 0);
                        }
                    }
                    else
                    {
                        epochsWithoutImprovement++;
                    }
                }

                var report = new EpochReport(epoch, learningRate, lossSum / samples, batches, samples,
                    validationLoss, validationAccuracy, isBest, Stopwatch.GetElapsedTime(started));
                reports.Add(report);
                options.Progress?.Invoke(report);

                if (stopping is not null && epochsWithoutImprovement >= stopping.Patience)
                {
                    stoppedEarly = epoch < options.Epochs - 1;
                    break;
                }
            }

            bool restored = false;
            if (bestParameters is not null && bestEpoch >= 0)
            {
                bestParameters.CopyTo(parameters, 0);
                bestState!.CopyTo(state, 0);
                device?.UploadParameters();
                restored = true;
            }
            return History(reports, bestEpoch, stoppedEarly, restored);
        }

        /// <summary>
        /// The mean loss (inference mode, <see cref="INetwork.ComputeLoss"/>, weighted by batch size) and the
        /// accuracy (from <see cref="INetwork.Predict"/>) of <paramref name="network"/> on <paramref name="data"/>,
        /// evaluated <paramref name="batchSize"/> samples per call. A sample counts as correct when the predicted
        /// class equals the target class: the index of the largest value (the first on ties) when OutputSize &gt; 1;
        /// when OutputSize is 1, whether the value is &gt; 0.5 (Keras' binary accuracy).
        /// </summary>
        /// <exception cref="ArgumentException">The data set is empty or does not fit the network.</exception>
        public static Evaluation Evaluate(INetwork network, Dataset data, int batchSize = 256)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(data);
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be >= 1.");
            CheckFits(network, data, nameof(data));
            return EvaluateInto(network, data, batchSize, new float[Math.Min(batchSize, data.Count) * network.OutputSize]);
        }

        private static Evaluation EvaluateInto(INetwork network, Dataset data, int batchSize, float[] outputs)
        {
            int inputSize = data.InputSize, outputSize = data.OutputSize, count = data.Count;
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < count; start += batchSize)
            {
                int size = Math.Min(batchSize, count - start);
                ReadOnlySpan<float> inputs = data.Features.Slice(start * inputSize, size * inputSize);
                ReadOnlySpan<float> targets = data.Targets.Slice(start * outputSize, size * outputSize);
                lossSum += (double)network.ComputeLoss(inputs, targets) * size;
                Span<float> predictions = outputs.AsSpan(0, size * outputSize);
                network.Predict(inputs, predictions);
                for (int s = 0; s < size; s++)
                    if (Dataset.LabelOf(predictions.Slice(s * outputSize, outputSize)) == Dataset.LabelOf(targets.Slice(s * outputSize, outputSize)))
                        correct++;
            }
            return new Evaluation(lossSum / count, (double)correct / count, count);
        }

        private static void CheckStep(float loss, float[] parameters, float[] state, float[] parametersBefore, float[] stateBefore,
            int epoch, int batch, List<EpochReport> reports, int bestEpoch)
        {
            string? problem = null;
            if (!float.IsFinite(loss))
                problem = $"the training loss was {Describe(loss)}";
            else if (FiniteCheck.FirstNonFinite(parameters) is int p and >= 0)
                problem = $"parameter {p} became {Describe(parameters[p])}";
            else if (FiniteCheck.FirstNonFinite(state) is int s and >= 0)
                problem = $"state value {s} became {Describe(state[s])}";
            if (problem is null) return;

            parametersBefore.CopyTo(parameters, 0);
            stateBefore.CopyTo(state, 0);
            throw new TrainingDivergedException(
                $"Training diverged in epoch {epoch}, batch {batch} (both counted from 0): {problem}. " +
                "The parameters and state were restored to their values before this step (the optimizer's own state was not). " +
                "A lower learning rate, gradient-friendlier inputs (scaled features) or another initializer may help.",
                epoch, batch, loss, History(reports, bestEpoch, false, false));
        }

        private static string Describe(float value) =>
            float.IsNaN(value) ? "NaN" : float.IsPositiveInfinity(value) ? "+Infinity" : float.IsNegativeInfinity(value) ? "-Infinity" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static TrainingHistory History(List<EpochReport> reports, int bestEpoch, bool stoppedEarly, bool restoredBest) =>
            new(reports.ToArray(), bestEpoch, stoppedEarly, restoredBest);

        private static void CheckFits(INetwork network, Dataset data, string name)
        {
            ArgumentNullException.ThrowIfNull(data, name);
            if (data.InputSize != network.InputSize || data.OutputSize != network.OutputSize)
                throw new ArgumentException(
                    $"The {name} set has {data.InputSize} features and {data.OutputSize} targets per sample, but the network takes {network.InputSize} inputs and gives {network.OutputSize} outputs.",
                    name);
            if (data.Count == 0)
                throw new ArgumentException($"The {name} set is empty.", name);
        }
    }
}
