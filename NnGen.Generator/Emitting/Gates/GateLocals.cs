using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// The names of one sample's gate values in unrolled code (CPU and GPU alike): z{l}_{k} before the activation
    /// gate, a{l}_{k} after it (z itself where the plan keeps no activated values), and their gradients da, dz.
    /// The inputs are x0, x1, ...
    /// </summary>
    internal static class GateLocals
    {
        public static string Input(int i) => $"x{i}";

        public static string Z(LayerPlan layer, int k) => $"z{layer.Number}_{k}";

        public static string A(LayerPlan layer, int k) => layer.OutputIsPreActivation ? Z(layer, k) : $"a{layer.Number}_{k}";

        public static string DA(LayerPlan layer, int k) => $"da{layer.Number}_{k}";

        public static string DZ(LayerPlan layer, int k) => $"dz{layer.Number}_{k}";

        /// <summary>The values <paramref name="layer"/> reads: the inputs, or the outputs of the layer below it.</summary>
        public static string In(NetworkPlan plan, LayerPlan layer, int i) => plan.Below(layer) is { } below ? A(below, i) : Input(i);
    }
}
