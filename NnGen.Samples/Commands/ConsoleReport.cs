using System;
using System.Diagnostics;
using System.Globalization;
using NnGen.Samples.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>The samples' console lines, every number in the invariant culture.</summary>
    internal static class ConsoleReport
    {
        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        /// <summary>A fraction in [0, 1] as a percentage with one decimal: "97.3".</summary>
        public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture);

        public static void Epoch(EpochReport report, int epochs)
        {
            int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
            Console.WriteLine(Invariant($"epoch {report.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  train loss {report.TrainLoss:F4}  validation accuracy {Percent(report.ValidationAccuracy)} %"));
        }

        public static void Elapsed(string what, Stopwatch watch)
            => Console.WriteLine(Invariant($"{what} in {watch.Elapsed.TotalSeconds:F2} s"));

        /// <summary>The last line of a classification command.</summary>
        public static void TestAccuracy(double fraction) => Console.WriteLine($"test accuracy: {Percent(fraction)} %");
    }
}
