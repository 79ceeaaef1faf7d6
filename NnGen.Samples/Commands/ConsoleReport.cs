using System;
using System.Diagnostics;
using System.Globalization;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>The samples' console lines, every number in the invariant culture; epochs are shown counted from 1.</summary>
    internal static class ConsoleReport
    {
        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        /// <summary>A fraction in [0, 1] as a percentage with one decimal: "97.3".</summary>
        public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture);

        /// <summary>
        /// One epoch of <see cref="Trainer.Train"/>: its number, training loss, validation loss and accuracy (when
        /// there is a validation set) and learning rate; a star marks a new best validation loss.
        /// </summary>
        public static void Epoch(EpochReport report, int epochs) => Console.WriteLine(EpochLine(report, epochs));

        /// <summary>The text of <see cref="Epoch"/>, without the line break.</summary>
        public static string EpochLine(EpochReport report, int epochs)
        {
            int width = epochs.ToString(CultureInfo.InvariantCulture).Length;
            string epoch = (report.Epoch + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width);
            string validation = report.ValidationLoss is double loss && report.ValidationAccuracy is double accuracy
                ? Invariant($"  validation loss {loss:F4}  validation accuracy {Percent(accuracy),5} %")
                : "";
            return Invariant($"epoch {epoch}/{epochs}  train loss {report.TrainLoss:F4}{validation}  learning rate {report.LearningRate:F6}{(report.IsBest ? "  *" : "")}");
        }

        /// <summary>Samples per second, rounded to three or four figures ("812 samples/s", "65.2k samples/s"); "" when no time passed.</summary>
        public static string Throughput(long samples, TimeSpan elapsed)
        {
            if (elapsed <= TimeSpan.Zero) return "";
            double perSecond = samples / elapsed.TotalSeconds;
            return perSecond switch
            {
                >= 1e6 => Invariant($"{perSecond / 1e6:0.0}M samples/s"),
                >= 1e4 => Invariant($"{perSecond / 1e3:0.0}k samples/s"),
                _ => Invariant($"{perSecond:0} samples/s"),
            };
        }

        /// <summary>A duration as "42 s" or "3 min 05 s".</summary>
        public static string Duration(TimeSpan time) => time.TotalSeconds < 60
            ? Invariant($"{time.TotalSeconds:0} s")
            : Invariant($"{(int)time.TotalMinutes} min {time.Seconds:00} s");

        /// <summary>How training ended: every epoch or stopped early, and which epoch's weights the network kept.</summary>
        public static void Outcome(TrainingHistory history, Stopwatch watch)
        {
            string ended = history.StoppedEarly
                ? Invariant($"stopped early after epoch {history.Epochs.Count}")
                : Invariant($"trained {history.Epochs.Count} epochs");
            string kept = history.RestoredBest && history.BestValidationLoss is double best
                ? Invariant($"; restored the weights of epoch {history.BestEpoch + 1} (validation loss {best:F4})")
                : "";
            Console.WriteLine(Invariant($"{ended} in {watch.Elapsed.TotalSeconds:F2} s{kept}"));
        }

        /// <summary>The last line of a classification command.</summary>
        public static void TestAccuracy(double fraction) => Console.WriteLine($"test accuracy: {Percent(fraction)} %");
    }
}
