using System;

namespace NnGen.Training
{
    /// <summary>
    /// Multiplies the rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs:
    /// initial * gamma^floor(epoch / stepSize). Equals <c>torch.optim.lr_scheduler.StepLR(step_size, gamma)</c>.
    /// Computed in double from the arguments' decimal values and rounded to float once.
    /// </summary>
    public sealed class StepDecay : ILearningRateSchedule
    {
        private readonly double _initial, _gamma;

        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// initial or gamma is negative, infinite or NaN, or stepSize is less than 1.
        /// </exception>
        public StepDecay(float initial, int stepSize, float gamma = 0.1f)
        {
            Initial = OptimizerChecks.LearningRate(initial, nameof(initial));
            StepSize = ScheduleChecks.AtLeastOne(stepSize, nameof(stepSize), "The step size");
            Gamma = OptimizerChecks.NonNegative(gamma, nameof(gamma), "Gamma");
            _initial = DecimalWidening.Widen(initial);
            _gamma = DecimalWidening.Widen(gamma);
        }

        /// <summary>The rate of epoch 0.</summary>
        public float Initial { get; }

        /// <summary>The number of epochs between decays.</summary>
        public int StepSize { get; }

        /// <summary>The factor applied at each decay.</summary>
        public float Gamma { get; }

        /// <inheritdoc />
        public float LearningRate(int epoch)
            => (float)(_initial * Math.Pow(_gamma, ScheduleChecks.Epoch(epoch) / StepSize));
    }
}
