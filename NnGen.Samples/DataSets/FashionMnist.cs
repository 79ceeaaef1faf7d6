using System;
using System.Collections.Generic;
using System.IO;
using NnGen.Training;

namespace NnGen.Samples.DataSets
{
    /// <summary>
    /// Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of 28 x 28 grey pixels in 10 classes, as the
    /// four gzipped IDX files of its release (which Debian's <c>dataset-fashion-mnist</c> installs unchanged).
    /// </summary>
    internal static class FashionMnist
    {
        public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
        public const int Rows = 28, Columns = 28;

        /// <summary>The ten classes in label order, as the data set's README names them.</summary>
        public static readonly string[] ClassNames =
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

        private static readonly string[] Files =
            ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

        /// <summary>Where to get the files, for the message shown when they are missing.</summary>
        public const string WhereToGetIt =
            "On Debian or Ubuntu: sudo apt-get install dataset-fashion-mnist (installs them in " + DefaultDirectory + ").\n" +
            "Elsewhere: download the four .gz files from https://github.com/zalandoresearch/fashion-mnist (folder data/fashion)\n" +
            "into a folder and pass it: dotnet run -c Release --project NnGen.Samples -- fashion <folder>";

        /// <summary>The files of the data set that <paramref name="directory"/> lacks (all four when it does not exist).</summary>
        public static IReadOnlyList<string> MissingFiles(string directory) =>
            Array.FindAll(Files, file => !File.Exists(Path.Combine(directory, file)));

        /// <summary>Reads the official training (60,000) and test (10,000) sets from <paramref name="directory"/>.</summary>
        /// <exception cref="InvalidDataException">A file is not the IDX file it should be.</exception>
        public static (Dataset Train, Dataset Test) Load(string directory) =>
            (Read(directory, Files[0], Files[1]), Read(directory, Files[2], Files[3]));

        private static Dataset Read(string directory, string imagesFile, string labelsFile)
        {
            string images = Path.Combine(directory, imagesFile), labels = Path.Combine(directory, labelsFile);
            return IdxDataset.FromImagesAndLabels(IdxReader.ReadFile(images), IdxReader.ReadFile(labels), Rows, Columns, ClassNames.Length, $"{images} and {labels}");
        }
    }
}
