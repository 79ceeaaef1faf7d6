using System;

namespace NnGen.Training
{
    /// <summary>
    /// Cosine annealing from the initial rate to <see cref="Minimum"/> over <see cref="TotalEpochs"/> epochs:
    /// minimum + (initial - minimum) * (1 + cos(pi * epoch / totalEpochs)) / 2. Equals
    /// <c>torch.optim.lr_scheduler.CosineAnnealingLR(T_max=totalEpochs, eta_min=minimum)</c> (its closed form, which its
    /// recursive steps follow): epoch totalEpochs gets the minimum, and like torch's, the rate rises again along the same
    /// cosine after that (period 2 * totalEpochs), so set totalEpochs to the length of training.
    /// Computed in double from the arguments' decimal values and rounded to float once.
    /// </summary>
    public sealed class CosineDecay : ILearningRateSchedule
    {
        private readonly double _initial, _minimum;

        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// initial or minimum is negative, infinite or NaN, minimum exceeds initial, or totalEpochs is less than 1.
        /// </exception>
        public CosineDecay(float initial, int totalEpochs, float minimum = 0f)
        {
            Initial = OptimizerChecks.LearningRate(initial, nameof(initial));
            TotalEpochs = ScheduleChecks.AtLeastOne(totalEpochs, nameof(totalEpochs), "The number of epochs");
            Minimum = OptimizerChecks.NonNegative(minimum, nameof(minimum), "The minimum rate");
            if (minimum > initial) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"The minimum rate must not exceed the initial rate {initial}.");
            _initial = DecimalWidening.Widen(initial);
            _minimum = DecimalWidening.Widen(minimum);
        }

        /// <summary>The rate of epoch 0.</summary>
        public float Initial { get; }

        /// <summary>The number of epochs from the initial rate down to the minimum.</summary>
        public int TotalEpochs { get; }

        /// <summary>The rate reached at epoch <see cref="TotalEpochs"/>.</summary>
        public float Minimum { get; }

        /// <inheritdoc />
        public float LearningRate(int epoch)
            => (float)(_minimum + (_initial - _minimum) * (1.0 + Math.Cos(Math.PI * ScheduleChecks.Epoch(epoch) / TotalEpochs)) / 2.0);
    }
}
