using System.Globalization;
using System.Text;
using NnGen.Generator.Model;

namespace NnGen.Generator.Emitting
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
                if (layer.HasActivation) text.Append(' ').Append(layer.Activation).Append(" alpha ").Append(Number(layer.Alpha));
                if (layer.Kind == LayerKind.BatchNorm) text.Append(" momentum ").Append(Number(layer.Momentum));
                if (layer.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm) text.Append(" eps ").Append(Number(layer.Epsilon));
                if (layer.Kind is LayerKind.Dropout or LayerKind.GaussianNoise) text.Append(" rate ").Append(Number(layer.Rate));
            }
            return text.ToString();
        }

        public static ulong Compute(NetworkModel model)
        {
            ulong hash = 14695981039346656037UL;
            foreach (byte b in Encoding.UTF8.GetBytes(Describe(model)))
                hash = unchecked((hash ^ b) * 1099511628211UL);
            return hash;
        }

        private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
