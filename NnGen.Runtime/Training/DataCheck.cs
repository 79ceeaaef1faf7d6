using System;

namespace NnGen.Training
{
    /// <summary>The training loop's check of its data sets for NaN and infinity (see <see cref="TrainingOptions.CheckData"/>).</summary>
    internal static class DataCheck
    {
        /// <summary>Throws <see cref="ArgumentException"/> naming the set, sample and column of the first value that is not finite.</summary>
        public static void RequireFinite(Dataset training, Dataset? validation)
        {
            RequireFinite(training, nameof(training));
            if (validation is not null) RequireFinite(validation, nameof(validation));
        }

        private static void RequireFinite(Dataset data, string name)
        {
            int feature = FiniteCheck.FirstNonFinite(data.Features);
            if (feature >= 0) throw Error(name, "feature", feature, data.InputSize, data.Features[feature]);
            int target = FiniteCheck.FirstNonFinite(data.Targets);
            if (target >= 0) throw Error(name, "target", target, data.OutputSize, data.Targets[target]);
        }

        private static ArgumentException Error(string name, string what, int index, int rowLength, float value) => new(
            $"The {name} set's {what} {index % rowLength} of sample {index / rowLength} (both counted from 0) is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: " +
            "a single NaN or infinity turns every parameter into NaN. Remove or impute the sample, or set TrainingOptions.CheckData = false.",
            name);
    }
}
