namespace NnGen.Training
{
    /// <summary>
    /// A learning rate as a function of the epoch. Epochs count from 0, and epoch 0 gets the initial rate, as with a
    /// PyTorch scheduler before its first <c>step()</c>: the rate for epoch e is what torch's optimizer holds after
    /// e calls of <c>scheduler.step()</c>. A schedule is stateless; drive an optimizer with
    /// <see cref="LearningRateScheduleExtensions.ApplyTo"/> at the start of each epoch.
    /// </summary>
    public interface ILearningRateSchedule
    {
        /// <summary>The learning rate to use during <paramref name="epoch"/> (0-based).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
        float LearningRate(int epoch);
    }
}
