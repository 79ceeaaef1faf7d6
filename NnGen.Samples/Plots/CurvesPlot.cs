using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace NnGen.Samples.Plots
{
    /// <summary>
    /// Draws <see cref="TrainingCurves"/> as one PNG of two panels, loss and accuracy per epoch (counted from 1), with
    /// a dotted line at the epoch whose weights the network kept.
    /// </summary>
    internal static class CurvesPlot
    {
        public static void Save(TrainingCurves curves, int keptEpoch, string title, string path)
        {
            PlotFonts.UseSans();
            Plot loss = Panel($"{title}: loss", "cross-entropy", keptEpoch);
            Line(loss, curves.RunningTrainLoss, "training (running mean over each epoch)", Colors.Gray, LinePattern.Dashed);
            Line(loss, curves.TrainLoss, $"training ({curves.TrainingSampleCount} samples, after each epoch)", Colors.C0, LinePattern.Solid);
            Line(loss, curves.ValidationLoss, "validation", Colors.C1, LinePattern.Solid);
            loss.Axes.SetLimitsY(0, 1.05 * new[] { curves.RunningTrainLoss, curves.TrainLoss, curves.ValidationLoss }.SelectMany(s => s).Where(double.IsFinite).DefaultIfEmpty(1).Max());

            Plot accuracy = Panel($"{title}: accuracy", "accuracy", keptEpoch);
            Line(accuracy, curves.TrainAccuracy, "training", Colors.C0, LinePattern.Solid);
            Line(accuracy, curves.ValidationAccuracy, "validation", Colors.C1, LinePattern.Solid);
            double[] accuracies = curves.TrainAccuracy.Concat(curves.ValidationAccuracy).Where(double.IsFinite).DefaultIfEmpty(0.5).ToArray();
            accuracy.Axes.SetLimitsY(System.Math.Max(0, accuracies.Min() - 0.02), System.Math.Min(1.005, accuracies.Max() + 0.02));
            accuracy.ShowLegend(Alignment.LowerRight);

            var figure = new Multiplot(loss) { Layout = new ScottPlot.MultiplotLayouts.Columns() };
            figure.AddPlot(accuracy);
            figure.SavePng(path, 1200, 450);
        }

        private static Plot Panel(string title, string quantity, int keptEpoch)
        {
            var plot = new Plot();
            plot.Title(title);
            plot.XLabel("epoch");
            plot.YLabel(quantity);
            if (keptEpoch >= 0)
            {
                var kept = plot.Add.VerticalLine(keptEpoch + 1, 1, Colors.Black, LinePattern.Dotted);
                kept.LegendText = $"kept: epoch {keptEpoch + 1}";
            }
            plot.ShowLegend(Alignment.UpperRight);
            return plot;
        }

        private static void Line(Plot plot, IReadOnlyList<double> values, string label, Color color, LinePattern pattern)
        {
            double[] epochs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            var line = plot.Add.Scatter(epochs, values.ToArray(), color);
            line.LegendText = label;
            line.LineWidth = 2;
            line.LinePattern = pattern;
            line.MarkerSize = values.Count <= 40 ? 4 : 0;
        }
    }
}
