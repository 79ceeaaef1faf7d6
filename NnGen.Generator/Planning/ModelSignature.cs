using System.Globalization;
using System.Text;
using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>
    /// The network's signature in its model files: FNV-1a (64-bit) of a canonical text of everything that gives the
    /// saved numbers their meaning (loss, input size, and per layer its kind, sizes, activation and options).
    /// Initializers and penalties are left out: they change how a network is trained, not what its file holds.
    /// </summary>
    internal static class ModelSignature
    {
        public static string Describe(NetworkModel model)
        {
            var text = new StringBuilder("nngen-model-v1|")
                .Append(model.Loss).Append("|in ").Append(model.InputSize.ToString(CultureInfo.InvariantCulture));
            foreach (LayerModel layer in model.Layers)
            {
                text.Append('|').Append(layer.Kind).Append(' ')
                    .Append(layer.FanIn.ToString(CultureInfo.InvariantCulture)).Append("->").Append(layer.Units.ToString(CultureInfo.InvariantCulture));
                if (layer is ActivatedLayer activated) text.Append(' ').Append(activated.Activation).Append(" alpha ").Append(Number(activated.Alpha));
                if (layer is BatchNormLayer batchNorm) text.Append(" momentum ").Append(Number(batchNorm.Momentum));
                if (layer is NormalizationLayer normalization) text.Append(" eps ").Append(Number(normalization.Epsilon));
                if (layer is DropoutLayer dropout) text.Append(" rate ").Append(Number(dropout.Rate));
                if (layer is GaussianNoiseLayer noise) text.Append(" rate ").Append(Number(noise.StandardDeviation));
                if (layer is MaxoutLayer maxout) text.Append(" pieces ").Append(maxout.Pieces.ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        private const ulong FnvOffsetBasis = 14695981039346656037UL;
        private const ulong FnvPrime = 1099511628211UL;

        public static ulong Hash(string description)
        {
            ulong hash = FnvOffsetBasis;
            foreach (byte b in Encoding.UTF8.GetBytes(description))
                hash = unchecked((hash ^ b) * FnvPrime);
            return hash;
        }

        private static string Number(float value) => Numbers.Text(value);
    }
}
