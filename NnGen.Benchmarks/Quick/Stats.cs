using System;
using System.Collections.Generic;
using System.Linq;

namespace NnGen.Benchmarks.Quick
{
    /// <summary>Median, min and max of the timed repeats, rounded as torch_mlp.py's stats() rounds them.</summary>
    public readonly struct Stats
    {
        public Stats(double median, double min, double max)
        {
            Median = median;
            Min = min;
            Max = max;
        }

        public double Median { get; }

        public double Min { get; }

        public double Max { get; }

        public static Stats Of(IReadOnlyCollection<double> values, int digits)
        {
            if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
            double[] sorted = values.OrderBy(v => v).ToArray();
            int n = sorted.Length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;   // statistics.median
            return new Stats(Math.Round(median, digits), Math.Round(sorted[0], digits), Math.Round(sorted[n - 1], digits));
        }
    }
}
