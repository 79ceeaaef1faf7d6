using System;

namespace NnGen
{
    /// <summary>
    /// Updates a parameter vector from its gradient. An optimizer keeps its state (moments, step count)
    /// for one parameter vector; <see cref="LearningRate"/> is settable so that schedules can drive it.
    /// </summary>
    public interface IOptimizer
    {
        /// <summary>The learning rate of the next step.</summary>
        float LearningRate { get; set; }

        /// <summary>Applies one update to <paramref name="parameters"/>.</summary>
        void Step(Span<float> parameters, ReadOnlySpan<float> gradients);
    }
}
