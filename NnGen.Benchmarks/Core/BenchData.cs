using System;
using System.IO;
using System.IO.Compression;
using NnGen.Internal;

namespace NnGen.Benchmarks
{
    /// <summary>
    /// A pre-made training set for one benchmark network, as ../shared/peers/torch_mlp.py makes it: row-major inputs
    /// and one-hot (classifiers) or real-valued targets. Timed training steps gather their batch from it by random row
    /// indices, as torch_mlp.py's x[i], y[i] do.
    /// </summary>
    public sealed class BenchData
    {
        /// <summary>Where torch_mlp.py reads Fashion-MNIST (Debian's dataset-fashion-mnist); NNGEN_FASHION_DIR overrides it.</summary>
        public const string DefaultFashionDirectory = "/usr/share/datasets/fashion-mnist";

        private BenchData(string source, int count, int inputSize, int outputSize, float[] inputs, float[] targets)
        {
            Source = source;
            Count = count;
            InputSize = inputSize;
            OutputSize = outputSize;
            Inputs = inputs;
            Targets = targets;
        }

        /// <summary>What the rows are (a file, or how they were synthesized).</summary>
        public string Source { get; }

        public int Count { get; }

        public int InputSize { get; }

        public int OutputSize { get; }

        public float[] Inputs { get; }

        public float[] Targets { get; }

        /// <summary>Copies the rows named by <paramref name="rows"/> into a batch (inputs and targets, row-major).</summary>
        public void Gather(ReadOnlySpan<int> rows, Span<float> inputs, Span<float> targets)
        {
            int inSize = InputSize, outSize = OutputSize;
            for (int s = 0; s < rows.Length; s++)
            {
                int r = rows[s];
                Inputs.AsSpan(r * inSize, inSize).CopyTo(inputs.Slice(s * inSize, inSize));
                Targets.AsSpan(r * outSize, outSize).CopyTo(targets.Slice(s * outSize, outSize));
            }
        }

        /// <summary>The training set of <paramref name="spec"/> (torch_mlp.py's "train" split of that net).</summary>
        public static BenchData For(NetSpec spec, int seed = 1234)
        {
            var random = new SeededRandom(seed);
            return spec.Name switch
            {
                "seed231" => Seed231(random),
                "toy42" => Toy42(),
                "xor" => Xor(),
                "mnist128" => Uniform("synthetic: 8192 rows of U[0,1) pixels, random labels (as torch_mlp.py)", 8192, 784, 10, random),
                "fashion" => Fashion(random),
                _ => throw new ArgumentException($"No data set for '{spec.Name}'.", nameof(spec)),
            };
        }

        /// <summary>256 synthetic (temperature, pressure) rows, z-scored, with a smooth target scaled to [0, 1].</summary>
        private static BenchData Seed231(SeededRandom random)
        {
            const int n = 256;
            var t = new double[n];
            var p = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++) t[i] = random.NextDouble() * 100.0;
            for (int i = 0; i < n; i++) p[i] = 90.0 + random.NextDouble() * 20.0;
            for (int i = 0; i < n; i++) y[i] = Math.Sin(t[i] / 30.0) + 0.5 * Math.Tanh((p[i] - 100.0) / 5.0) + 0.002 * t[i] * (p[i] - 100.0);
            var inputs = new float[n * 2];
            var targets = new float[n];
            ZScore(t, inputs, 0);
            ZScore(p, inputs, 1);
            double min = double.MaxValue, max = double.MinValue;
            foreach (double v in y) { min = Math.Min(min, v); max = Math.Max(max, v); }
            for (int i = 0; i < n; i++) targets[i] = (float)((y[i] - min) / (max - min));
            return new BenchData("synthetic: 256 (temperature, pressure) rows, z-scored (as torch_mlp.py)", n, 2, 1, inputs, targets);
        }

        private static void ZScore(double[] column, float[] inputs, int at)
        {
            double mean = 0;
            foreach (double v in column) mean += v;
            mean /= column.Length;
            double ss = 0;
            foreach (double v in column) ss += (v - mean) * (v - mean);
            double sd = Math.Sqrt(ss / (column.Length - 1));       // torch's std is unbiased
            for (int i = 0; i < column.Length; i++) inputs[i * 2 + at] = (float)((column[i] - mean) / sd);
        }

        /// <summary>The toy set's 8 training rows (label = third feature), torch_mlp.py's rows 0-7.</summary>
        private static BenchData Toy42()
        {
            float[] x =
            {
                1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0,
                0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0,
            };
            int[] labels = { 0, 0, 0, 1, 1, 1, 0, 1 };
            return new BenchData("toy16 rows 0-7 (as torch_mlp.py)", 8, 4, 2, x, OneHot(labels, 2));
        }

        private static BenchData Xor()
            => new("the 4 XOR rows", 4, 2, 1, new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, new float[] { 0, 1, 1, 0 });

        private static BenchData Uniform(string source, int count, int inputSize, int classes, SeededRandom random)
        {
            var inputs = new float[count * inputSize];
            for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)random.NextDouble();
            var labels = new int[count];
            for (int i = 0; i < count; i++) labels[i] = random.NextInt(classes);
            return new BenchData(source, count, inputSize, classes, inputs, OneHot(labels, classes));
        }

        /// <summary>Fashion-MNIST's 60,000 training images scaled to [0, 1]; random data of that shape when the files are missing.</summary>
        private static BenchData Fashion(SeededRandom random)
        {
            string directory = Environment.GetEnvironmentVariable("NNGEN_FASHION_DIR") is { Length: > 0 } d ? d : DefaultFashionDirectory;
            string images = Path.Combine(directory, "train-images-idx3-ubyte.gz"), labels = Path.Combine(directory, "train-labels-idx1-ubyte.gz");
            if (!File.Exists(images) || !File.Exists(labels))
                return Uniform($"synthetic: 60000 rows of U[0,1) pixels ({directory} not found; apt-get install dataset-fashion-mnist)", 60000, 784, 10, random);
            byte[] pixels = ReadIdx(images, out int[] imageDims);
            byte[] classes = ReadIdx(labels, out int[] labelDims);
            int count = imageDims[0], size = imageDims[1] * imageDims[2];
            if (labelDims[0] != count || size != 784) throw new InvalidDataException($"Unexpected Fashion-MNIST shapes in {directory}.");
            var inputs = new float[pixels.Length];
            for (int i = 0; i < pixels.Length; i++) inputs[i] = pixels[i] / 255f;
            var ints = new int[count];
            for (int i = 0; i < count; i++) ints[i] = classes[i];
            return new BenchData($"Fashion-MNIST train ({directory})", count, size, 10, inputs, OneHot(ints, 10));
        }

        // A gzipped IDX file: magic (0, 0, type 8 = ubyte, number of dimensions), the dimensions as big-endian int32, the bytes.
        private static byte[] ReadIdx(string path, out int[] dims)
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            byte[] raw = memory.GetBuffer();
            int length = (int)memory.Length;
            if (length < 4 || raw[0] != 0 || raw[1] != 0 || raw[2] != 8) throw new InvalidDataException($"{path} is not an IDX file of bytes.");
            dims = new int[raw[3]];
            for (int i = 0; i < dims.Length; i++) dims[i] = (raw[4 + 4 * i] << 24) | (raw[5 + 4 * i] << 16) | (raw[6 + 4 * i] << 8) | raw[7 + 4 * i];
            int offset = 4 + 4 * dims.Length;
            return raw.AsSpan(offset, length - offset).ToArray();
        }

        private static float[] OneHot(int[] labels, int classes)
        {
            var targets = new float[labels.Length * classes];
            for (int i = 0; i < labels.Length; i++) targets[i * classes + labels[i]] = 1f;
            return targets;
        }
    }
}
