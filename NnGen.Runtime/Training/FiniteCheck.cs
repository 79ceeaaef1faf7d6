using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NnGen.Training
{
    /// <summary>Finds NaN and infinite values, a vector at a time.</summary>
    internal static class FiniteCheck
    {
        /// <summary>The index of the first value that is NaN or infinite, or -1 when all are finite.</summary>
        public static int FirstNonFinite(ReadOnlySpan<float> values)
        {
            int start = 0;
            if (Vector.IsHardwareAccelerated)
            {
                ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
                start = vectors.Length * Vector<float>.Count;
                for (int v = 0; v < vectors.Length; v++)
                {
                    // x - x is +0 for every finite x and NaN for NaN and both infinities
                    Vector<float> x = vectors[v];
                    if (!Vector.EqualsAll(x - x, Vector<float>.Zero))
                    {
                        start = v * Vector<float>.Count;
                        break;
                    }
                }
            }
            for (int i = start; i < values.Length; i++)
                if (!float.IsFinite(values[i])) return i;
            return -1;
        }
    }
}
