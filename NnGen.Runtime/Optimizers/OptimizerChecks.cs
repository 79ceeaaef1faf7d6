using System;

namespace NnGen
{
    /// <summary>The argument checks and state allocation every optimizer (and schedule) shares.</summary>
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
                throw new ArgumentException($"This optimizer holds state for {state.Length} parameters and was given {length}; use one optimizer per parameter vector.", "parameters");
            return state;
        }

        /// <summary>Throws unless <paramref name="value"/> is a finite number &gt;= 0.</summary>
        public static float NonNegative(float value, string name, string what)
        {
            if (!(value >= 0f) || float.IsInfinity(value))
                throw new ArgumentOutOfRangeException(name, value, $"{what} must be a finite number >= 0.");
            return value;
        }

        /// <summary>Throws unless <paramref name="value"/> is a finite number &gt; 0.</summary>
        public static float Positive(float value, string name, string what)
        {
            if (!(value > 0f) || float.IsInfinity(value))
                throw new ArgumentOutOfRangeException(name, value, $"{what} must be a finite number > 0.");
            return value;
        }

        /// <summary>Throws unless 0 &lt;= <paramref name="value"/> &lt; 1 (a decay rate of a running average).</summary>
        public static float Fraction(float value, string name, string what)
        {
            if (!(value >= 0f && value < 1f))
                throw new ArgumentOutOfRangeException(name, value, $"{what} must be in [0, 1).");
            return value;
        }

        /// <summary>Throws unless <paramref name="value"/> is a valid learning rate (finite, &gt;= 0).</summary>
        public static float LearningRate(float value, string name = "value") => NonNegative(value, name, "The learning rate");
    }
}
