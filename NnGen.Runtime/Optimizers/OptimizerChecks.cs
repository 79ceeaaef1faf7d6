using System;

namespace NnGen
{
    /// <summary>The argument checks and state allocation every optimizer shares.</summary>
    internal static class OptimizerChecks
    {
        public static void SameLength(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            if (parameters.Length != gradients.Length)
                throw new ArgumentException($"Expected {parameters.Length} gradients (one per parameter) but got {gradients.Length}.", nameof(gradients));
        }

        /// <summary>Returns the state vector, allocating it on the first step; an optimizer serves one parameter vector.</summary>
        public static float[] State(ref float[]? state, int length)
        {
            state ??= new float[length];
            if (state.Length != length)
                throw new InvalidOperationException($"This optimizer holds state for {state.Length} parameters and was given {length}; use one optimizer per parameter vector.");
            return state;
        }
    }
}
