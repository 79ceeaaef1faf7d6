using ScottPlot;

namespace NnGen.Samples.Plots
{
    /// <summary>
    /// ScottPlot's own pick for sans-serif text on Linux can be DejaVu Serif; the plots ask for the first sans-serif
    /// family that is installed, and keep ScottPlot's choice when none is.
    /// </summary>
    internal static class PlotFonts
    {
        private static readonly string[] SansFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];
        private static bool _chosen;

        public static void UseSans()
        {
            if (_chosen) return;
            _chosen = true;
            foreach (string family in SansFamilies)
            {
                if (Fonts.GetTypeface(family, bold: false, italic: false)?.FamilyName == family)
                {
                    Fonts.Default = family;
                    return;
                }
            }
        }
    }
}
