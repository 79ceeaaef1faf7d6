using System;
using System.Diagnostics;
using System.Globalization;
using NnGen.Samples.Commands;
using NnGen.Training;
using Spectre.Console;

namespace NnGen.Samples.Display
{
    /// <summary>
    /// Shows a training run as it goes. On a terminal: a live Spectre.Console display of the epoch and the whole run
    /// (epoch, batch, running loss, last validation accuracy, samples per second, time left), with one line per
    /// finished epoch printed above it. When the output is redirected (a log, CI, a pipe): plain epoch lines with
    /// samples per second and time left, nothing that redraws.
    /// </summary>
    internal static class TrainingProgress
    {
        /// <summary>Whether the live display is used: the output is a terminal that Spectre.Console can redraw.</summary>
        public static bool IsLive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

        /// <summary>
        /// Calls <paramref name="train"/> with <paramref name="options"/> extended by the display's callbacks (the
        /// options' own <see cref="TrainingOptions.Progress"/> still runs first, every epoch) and returns its history.
        /// </summary>
        public static TrainingHistory Run(TrainingOptions options, Func<TrainingOptions, TrainingHistory> train)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(train);
            Action<EpochReport>? inner = options.Progress;
            if (!IsLive)
            {
                var clock = new EpochClock(options.Epochs);
                return train(options with
                {
                    Progress = report =>
                    {
                        inner?.Invoke(report);
                        Console.WriteLine(clock.Describe(report));
                    },
                });
            }

            LiveDisplay? display = null;
            return AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(
                    new TaskDescriptionColumn { Alignment = Justify.Left },
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new RemainingTimeColumn(),
                    new SpinnerColumn())
                // the figures go on a line of their own under the bars, so that the bars keep their width on narrow terminals
                .UseRenderHook((bars, _) => new Rows(bars, new Text(display?.Figures ?? "")))
                .Start(context =>
                {
                    display = new LiveDisplay(context, options.Epochs);
                    return train(options with
                    {
                        Progress = report =>
                        {
                            inner?.Invoke(report);
                            display.Epoch(report);
                        },
                        BatchProgress = display.Batch,
                    });
                });
        }

        /// <summary>Times the epochs for the plain lines: throughput and an upper bound on the time left.</summary>
        private sealed class EpochClock(int epochs)
        {
            private readonly Stopwatch _watch = Stopwatch.StartNew();

            public string Describe(EpochReport report)
            {
                int done = report.Epoch + 1;
                // early stopping may end sooner, so the estimate is an upper bound
                TimeSpan left = _watch.Elapsed / done * (epochs - done);
                return ConsoleReport.EpochLine(report, epochs) +
                    $"  {ConsoleReport.Throughput(report.Samples, report.Elapsed)}  at most {ConsoleReport.Duration(left)} left";
            }
        }

        /// <summary>The two live bars (this epoch, the whole run) and the figures under them, fed from the trainer's callbacks.</summary>
        private sealed class LiveDisplay
        {
            private static readonly long RedrawInterval = Stopwatch.Frequency / 10;   // new figures at most 10 times a second
            private readonly ProgressTask _epochTask, _runTask;
            private readonly int _epochs, _width;
            private readonly Stopwatch _epochWatch = new();
            private long _lastFigures;
            private long _epochSamples;
            private double? _validationAccuracy;
            private volatile string _figures = "";   // written on the training thread, read by Spectre's render thread

            public LiveDisplay(ProgressContext context, int epochs)
            {
                _epochs = epochs;
                _width = epochs.ToString(CultureInfo.InvariantCulture).Length;
                _epochTask = context.AddTask(EpochName(0), maxValue: 1);
                // early stopping may end the run sooner, so its time left is an upper bound
                _runTask = context.AddTask("all epochs", maxValue: 1);
            }

            /// <summary>The line under the bars: batch, running loss, last validation accuracy, samples per second.</summary>
            public string Figures => _figures;

            public void Batch(BatchReport report)
            {
                if (report.Batch == 0)
                {
                    _epochWatch.Restart();
                    _epochSamples = 0;
                    _epochTask.Description = EpochName(report.Epoch);
                    _epochTask.MaxValue = report.Batches;
                    _runTask.MaxValue = (double)_epochs * report.Batches;
                }
                _epochSamples += report.Size;
                _epochTask.Value = report.Batch + 1;
                _runTask.Value = (double)report.Epoch * report.Batches + report.Batch + 1;

                long now = Stopwatch.GetTimestamp();
                if (now - _lastFigures < RedrawInterval && report.Batch + 1 < report.Batches) return;
                _lastFigures = now;
                string accuracy = _validationAccuracy is double a ? $"  validation accuracy {ConsoleReport.Percent(a)} %" : "";
                _figures = ConsoleReport.Invariant(
                    $"batch {report.Batch + 1}/{report.Batches}  loss {report.MeanLoss:F4}{accuracy}  {ConsoleReport.Throughput(_epochSamples, _epochWatch.Elapsed)}");
            }

            public void Epoch(EpochReport report)
            {
                _validationAccuracy = report.ValidationAccuracy ?? _validationAccuracy;
                AnsiConsole.WriteLine($"{ConsoleReport.EpochLine(report, _epochs)}  {ConsoleReport.Throughput(report.Samples, report.Elapsed)}");
            }

            private string EpochName(int epoch) =>
                ConsoleReport.Invariant($"epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_width)}/{_epochs}");
        }
    }
}
