using System;

namespace NnGen.Samples.Training
{
    /// <summary>Cosine annealing (as <c>torch.optim.lr_scheduler.CosineAnnealingLR</c> with eta_min 0, stepped per epoch).</summary>
    public static class CosineSchedule
    {
        /// <summary>The learning rate for the epoch after <paramref name="epochsDone"/> of <paramref name="epochs"/>: base * (1 + cos(pi * done / epochs)) / 2.</summary>
        public static float LearningRate(float baseRate, int epochsDone, int epochs)
            => (float)(baseRate * 0.5 * (1 + Math.Cos(Math.PI * epochsDone / epochs)));
    }
}
