using System;
using System.IO;
using NnGen.Samples.Metrics;
using NnGen.Samples.Plots;
using NnGen.Training;

namespace NnGen.Samples.Commands
{
    /// <summary>
    /// The end of a classification command that keeps its model: save it, load it back and check the copy predicts
    /// alike, test it, and draw the training curves and the test set's confusion matrix beside the model file
    /// (<c>name.nngen</c> gives <c>name-curves.png</c> and <c>name-confusion.png</c>).
    /// </summary>
    internal static class ClassifierOutputs
    {
        /// <returns>The command's exit code: 0, or 1 after an error message.</returns>
        public static int Finish(INetwork network, Action<string> save, Func<string, INetwork> load, string modelPath, Dataset test,
            TrainingCurves curves, TrainingHistory history, string title, string[] classNames)
        {
            string shown = Path.GetFullPath(modelPath);
            try
            {
                string? folder = Path.GetDirectoryName(shown);
                if (folder is not null) Directory.CreateDirectory(folder);
                save(modelPath);   // the generated Save(path): a temporary file renamed over the target
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot save the model to {shown}: {e.Message}");
                return 1;
            }
            INetwork reloaded = load(modelPath);
            if (!PredictionCheck.Identical(network, reloaded, test))
            {
                Console.Error.WriteLine($"error: the model reloaded from {shown} predicts the test samples differently from the trained network");
                return 1;
            }
            Console.WriteLine(ConsoleReport.Invariant($"saved the model to {shown} ({new FileInfo(shown).Length} bytes); reloaded, it predicts all {test.Count} test samples identically"));

            ConfusionMatrix confusion = ConfusionMatrix.Of(reloaded, test);
            string stem = Path.Combine(Path.GetDirectoryName(shown) ?? "", Path.GetFileNameWithoutExtension(shown));
            string curvesPath = stem + "-curves.png", confusionPath = stem + "-confusion.png";
            try
            {
                CurvesPlot.Save(curves, history.RestoredBest ? history.BestEpoch : -1, title, curvesPath);
                ConfusionMatrixPlot.Save(confusion, classNames, ConsoleReport.Invariant($"{title}: test set, accuracy {ConsoleReport.Percent(confusion.Accuracy)} %"), confusionPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException)
            {
                // training and testing worked; say why the pictures did not (a read-only folder, SkiaSharp's native library)
                Console.Error.WriteLine($"error: cannot write the plots {curvesPath} and {confusionPath}: {e.Message}");
                return 1;
            }
            Console.WriteLine($"plots: {curvesPath}, {confusionPath}");
            ConsoleReport.TestAccuracy(Trainer.Evaluate(reloaded, test).Accuracy);
            return 0;
        }
    }
}
