using System;
using System.Runtime.InteropServices;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>Compares two networks' predictions, for checking that a model file round-trips.</summary>
    internal static class PredictionCheck
    {
        /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> predict every sample of <paramref name="data"/> with the same bits.</summary>
        public static bool Identical(INetwork first, INetwork second, Dataset data)
        {
            ArgumentNullException.ThrowIfNull(first);
            ArgumentNullException.ThrowIfNull(second);
            ArgumentNullException.ThrowIfNull(data);
            var expected = new float[data.Count * first.OutputSize];
            var actual = new float[data.Count * second.OutputSize];
            first.Predict(data.Features, expected);
            second.Predict(data.Features, actual);
            return MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan()));
        }
    }
}
