using System;
using System.IO;

namespace NnGen.Samples.Service
{
    /// <summary>Thrown when the model file cannot be loaded: start-up stops with its message.</summary>
    public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);

    /// <summary>The service's one <see cref="DigitsNet"/>, loaded once at start-up and shared by every request.</summary>
    public sealed class DigitsModel
    {
        private readonly DigitsNet _network;

        private DigitsModel(DigitsNet network, string path)
        {
            _network = network;
            Path = path;
        }

        /// <summary>The file the weights came from.</summary>
        public string Path { get; }

        public static int ParameterCount => DigitsNet.ParameterCount;

        /// <summary>Loads the weights from <paramref name="path"/>, or throws <see cref="ModelLoadException"/> saying why not.</summary>
        public static DigitsModel Load(string path)
        {
            string full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new ModelLoadException($"Model file '{full}' not found. Train one with `dotnet run -c Release --project NnGen.Samples -- digits {full}` or pass --model <path>.");
            try
            {
                return new DigitsModel(DigitsNet.Load(full), full);
            }
            catch (ModelFileException e)
            {
                throw new ModelLoadException($"Model file '{full}' cannot be loaded as the digits network ({e.Error}): {e.Message}", e);
            }
            catch (IOException e)
            {
                throw new ModelLoadException($"Model file '{full}' cannot be read: {e.Message}", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ModelLoadException($"Model file '{full}' cannot be read: {e.Message}", e);
            }
        }

        /// <summary>Probabilities (<c>n * 10</c>) for <c>n</c> samples of 64 scaled inputs.</summary>
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs)
        {
            // A generated network's inference is safe from any number of threads (per-thread scratch), so every
            // request calls the one network at once, with no lock.
            _network.Predict(inputs, outputs);
        }
    }
}
