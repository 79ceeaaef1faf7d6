using System.IO;
using NnGen.Training;

namespace NnGen.Samples.DataSets
{
    /// <summary>
    /// Turns an IDX images array (count x rows x columns) and an IDX labels array (count) into a <see cref="Dataset"/>:
    /// pixels scaled from 0..255 to [0, 1], labels as one-hot targets. Arrays that do not belong together (another
    /// rank, image size or count, or a label outside the classes) throw <see cref="InvalidDataException"/>.
    /// </summary>
    internal static class IdxDataset
    {
        public static Dataset FromImagesAndLabels(IdxArray images, IdxArray labels, int rows, int columns, int classes, string source)
        {
            if (images.Dimensions.Length != 3)
                throw new InvalidDataException($"{source}: the images file has {images.Dimensions.Length} dimension(s); expected 3 (count x rows x columns).");
            if (labels.Dimensions.Length != 1)
                throw new InvalidDataException($"{source}: the labels file has {labels.Dimensions.Length} dimension(s); expected 1 (count).");
            int count = images.Dimensions[0];
            if (images.Dimensions[1] != rows || images.Dimensions[2] != columns)
                throw new InvalidDataException($"{source}: the images are {images.Dimensions[1]} x {images.Dimensions[2]} pixels; expected {rows} x {columns}.");
            if (labels.Dimensions[0] != count)
                throw new InvalidDataException($"{source}: {count} images but {labels.Dimensions[0]} labels; the two files must describe the same samples.");

            int pixels = rows * columns;
            var features = new float[images.Values.Length];
            for (int i = 0; i < features.Length; i++) features[i] = images.Values[i] / 255f;
            var targets = new float[count * classes];
            for (int i = 0; i < count; i++)
            {
                int label = labels.Values[i];
                if (label >= classes)
                    throw new InvalidDataException($"{source}: sample {i} has label {label}; expected 0 to {classes - 1}.");
                targets[i * classes + label] = 1f;
            }
            return new Dataset(features, targets, pixels, classes);
        }
    }
}
