using System;
using System.Globalization;

namespace NnGen
{
    /// <summary>
    /// Widens a float hyper-parameter to the double its shortest decimal form names (0.99f becomes 0.99,
    /// not 0.9900000095367431640625). PyTorch receives its hyper-parameters from Python as such doubles and
    /// computes its coefficients (1 - alpha, 1 - beta, bias corrections, 1 - lr * wd, schedule powers) from them.
    /// Widened naively, 1 - 0.99f is 1e-6 and 1 - 0.999f 1.3e-5 away from torch's value in relative terms, which
    /// RMSprop's running average carries straight into its step; gamma^epoch drifts likewise. Widening this way keeps
    /// the coefficients equal to torch's up to float rounding. Does not allocate.
    /// </summary>
    internal static class DecimalWidening
    {
        public static double Widen(float value)
        {
            if (!float.IsFinite(value)) return value;
            Span<char> text = stackalloc char[32];
            if (!value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture))
                return value;
            return double.Parse(text.Slice(0, written), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
