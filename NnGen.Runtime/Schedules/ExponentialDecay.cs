using System;

namespace NnGen.Training
{
    /// <summary>
    /// Multiplies the rate by <see cref="Gamma"/> every epoch: initial * gamma^epoch.
    /// Equals <c>torch.optim.lr_scheduler.ExponentialLR(gamma)</c>.
    /// Computed in double from the arguments' decimal values and rounded to float once.
    /// </summary>
    public sealed class ExponentialDecay : ILearningRateSchedule
    {
        private readonly double _initial, _gamma;

        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">initial or gamma is negative, infinite or NaN.</exception>
        public ExponentialDecay(float initial, float gamma)
        {
            Initial = OptimizerChecks.LearningRate(initial, nameof(initial));
            Gamma = OptimizerChecks.NonNegative(gamma, nameof(gamma), "Gamma");
            _initial = DecimalWidening.Widen(initial);
            _gamma = DecimalWidening.Widen(gamma);
        }

        /// <summary>The rate of epoch 0.</summary>
        public float Initial { get; }

        /// <summary>The factor applied each epoch.</summary>
        public float Gamma { get; }

        /// <inheritdoc />
        public float LearningRate(int epoch)
            => (float)(_initial * Math.Pow(_gamma, ScheduleChecks.Epoch(epoch)));
    }
}
