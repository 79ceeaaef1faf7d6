using System;

namespace NnGen.Training
{
    /// <summary>Connects schedules to optimizers.</summary>
    public static class LearningRateScheduleExtensions
    {
        /// <summary>
        /// Sets <paramref name="optimizer"/>'s learning rate to the schedule's rate for <paramref name="epoch"/>;
        /// call it at the start of each epoch. Allocates nothing.
        /// </summary>
        /// <exception cref="ArgumentNullException">schedule or optimizer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
        public static void ApplyTo(this ILearningRateSchedule schedule, IOptimizer optimizer, int epoch)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            ArgumentNullException.ThrowIfNull(optimizer);
            optimizer.LearningRate = schedule.LearningRate(epoch);
        }
    }
}
