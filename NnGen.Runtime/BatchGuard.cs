using System;

namespace NnGen
{
    /// <summary>The span-length checks of the network contract, shared by every generated network.</summary>
    public static class BatchGuard
    {
        /// <summary>
        /// Returns the number of samples n in a batch and throws <see cref="ArgumentException"/> unless
        /// <c>inputs.Length == n * inputSize</c> and <c>other.Length == n * otherSize</c> for some n &gt;= 1.
        /// </summary>
        public static int SampleCount(int inputsLength, int inputSize, int otherLength, int otherSize, string otherName)
        {
            if (inputsLength <= 0 || inputsLength % inputSize != 0)
                throw new ArgumentException(
                    $"Expected inputs.Length to be a positive multiple of InputSize ({inputSize}): n * {inputSize} for n >= 1 samples, but got {inputsLength}.",
                    "inputs");
            int n = inputsLength / inputSize;
            long expected = (long)n * otherSize;
            if (otherLength != expected)
                throw new ArgumentException(
                    $"Expected {otherName}.Length to be {expected} ({n} samples * OutputSize {otherSize}) to match inputs.Length {inputsLength}, but got {otherLength}.",
                    otherName);
            return n;
        }
    }
}
