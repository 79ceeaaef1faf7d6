using System.Globalization;
using System.Linq;
using NnGen.Samples.Metrics;
using ScottPlot;

namespace NnGen.Samples.Plots
{
    /// <summary>
    /// Draws a <see cref="ConfusionMatrix"/> as a PNG heat map: true class down, predicted class across, each cell
    /// coloured by its share of its row (the class's recall on the diagonal) and labelled with its count.
    /// </summary>
    internal static class ConfusionMatrixPlot
    {
        public static void Save(ConfusionMatrix matrix, string[] classNames, string title, string path)
        {
            int n = matrix.Classes;
            var shares = new double[n, n];
            for (int a = 0; a < n; a++)
            {
                double total = Enumerable.Range(0, n).Sum(p => matrix.Counts[a, p]);
                for (int p = 0; p < n; p++) shares[a, p] = total == 0 ? 0 : matrix.Counts[a, p] / total;
            }

            PlotFonts.UseSans();
            var plot = new Plot();
            var heatmap = plot.Add.Heatmap(shares);
            heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());   // white for 0, dark blue for 1
            heatmap.ManualRange = new Range(0, 1);
            plot.Add.ColorBar(heatmap);
            for (int a = 0; a < n; a++)
                for (int p = 0; p < n; p++)
                {
                    var count = plot.Add.Text(matrix.Counts[a, p].ToString(CultureInfo.InvariantCulture), p, n - 1 - a);
                    count.LabelAlignment = Alignment.MiddleCenter;
                    count.LabelFontSize = n > 10 ? 10 : 13;
                    count.LabelFontColor = shares[a, p] > 0.5 ? Colors.White : Colors.Black;
                }

            double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
            plot.Axes.Bottom.SetTicks(positions, classNames);
            if (classNames.Any(name => name.Length > 2))
            {
                // long names, slanted; the axis gets room for them (ScottPlot sizes it for level text)
                plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                plot.Axes.Bottom.MinimumSize = 7 * classNames.Max(name => name.Length) + 30;
            }
            plot.Axes.Left.SetTicks(positions.Select(i => n - 1 - i).ToArray(), classNames);
            plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
            plot.HideGrid();
            plot.Title(title + "\ncolour: share of the true class");
            plot.XLabel("predicted class");
            plot.YLabel("true class");
            plot.SavePng(path, 760, 700);
        }
    }
}
