using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NnGen.Internal
{
    /// <summary>The span-length checks of the network contract, shared by every generated network.</summary>
    /// <remarks>Support for the code NnGen generates (hidden from IntelliSense): not meant to be called directly, and it may change in any release.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class BatchGuard
    {
        /// <summary>
        /// Returns the number of samples n in a batch and throws <see cref="ArgumentException"/> unless
        /// <c>inputs.Length == n * inputSize</c> and <c>other.Length == n * otherSize</c> for some n &gt;= 1.
        /// </summary>
        /// <remarks>
        /// Inlined into the generated members, where the sizes are constants: the division becomes a multiply, which
        /// matters when a whole prediction of a tiny network takes a few nanoseconds. The throws live elsewhere.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int SampleCount(int inputsLength, int inputSize, int otherLength, int otherSize, string otherName)
        {
            int n = inputsLength / inputSize;
            if (inputsLength <= 0 || n * inputSize != inputsLength) ThrowInputs(inputsLength, inputSize);
            if (otherLength != (long)n * otherSize) ThrowOther(inputsLength, otherLength, otherSize, otherName, n);
            return n;
        }

        [DoesNotReturn]
        private static void ThrowInputs(int inputsLength, int inputSize)
            => throw new ArgumentException(
                $"Expected inputs.Length to be a positive multiple of InputSize ({inputSize}): n * {inputSize} for n >= 1 samples, but got {inputsLength}.",
                "inputs");

        [DoesNotReturn]
        private static void ThrowOther(int inputsLength, int otherLength, int otherSize, string otherName, int n)
            => throw new ArgumentException(
                $"Expected {otherName}.Length to be {(long)n * otherSize} ({n} samples * OutputSize {otherSize}) to match inputs.Length {inputsLength}, but got {otherLength}.",
                otherName);
    }
}
