using System;

namespace NnGen.Training
{
    /// <summary>The argument checks the schedules share.</summary>
    internal static class ScheduleChecks
    {
        public static int Epoch(int epoch)
        {
            if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "The epoch must be >= 0 (epochs count from 0).");
            return epoch;
        }

        public static int AtLeastOne(int value, string name, string what)
        {
            if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{what} must be >= 1.");
            return value;
        }
    }
}
