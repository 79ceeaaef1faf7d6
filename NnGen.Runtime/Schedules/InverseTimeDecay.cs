using System;

namespace NnGen.Training
{
    /// <summary>
    /// initial / (1 + decayRate * epoch / decaySteps). Equals Keras'
    /// <c>keras.optimizers.schedules.InverseTimeDecay(initial, decay_steps, decay_rate, staircase=False)</c>
    /// with the epoch as its step. Computed in double from the arguments' decimal values and rounded to float once
    /// (Keras computes in float32, so the two can differ in the last bit).
    /// </summary>
    public sealed class InverseTimeDecay : ILearningRateSchedule
    {
        private readonly double _initial, _decayRate;

        /// <summary>Creates the schedule.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// initial or decayRate is negative, infinite or NaN, or decaySteps is less than 1.
        /// </exception>
        public InverseTimeDecay(float initial, float decayRate, int decaySteps = 1)
        {
            Initial = OptimizerChecks.LearningRate(initial, nameof(initial));
            DecayRate = OptimizerChecks.NonNegative(decayRate, nameof(decayRate), "The decay rate");
            DecaySteps = ScheduleChecks.AtLeastOne(decaySteps, nameof(decaySteps), "The number of decay steps");
            _initial = DecimalWidening.Widen(initial);
            _decayRate = DecimalWidening.Widen(decayRate);
        }

        /// <summary>The rate of epoch 0.</summary>
        public float Initial { get; }

        /// <summary>How fast the rate falls: after decaySteps epochs it is initial / (1 + decayRate).</summary>
        public float DecayRate { get; }

        /// <summary>The number of epochs that make one unit of decay.</summary>
        public int DecaySteps { get; }

        /// <inheritdoc />
        public float LearningRate(int epoch)
            => (float)(_initial / (1.0 + _decayRate * ScheduleChecks.Epoch(epoch) / DecaySteps));
    }
}
