using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// Writes the generated file of one network: the namespace and containing types, the class with the
    /// contract's constants, properties and constructor, then the compute members of the chosen code shape.
    /// </summary>
    internal static class NetworkEmitter
    {
        public const string Version = "0.1.0";

        /// <summary>
        /// The hint name of the network named <paramref name="name"/> among the networks named <paramref name="allFullNames"/>:
        /// "{stem}.g.cs" (<see cref="HintStem"/> of its full name), or "{stem}.{k}.g.cs" for the k-th (in ordinal order, k &gt;= 2)
        /// of networks whose stems differ only in case; null when another network has the very same full name
        /// (one type declared twice, which the compiler reports), so that neither is emitted.
        /// </summary>
        public static string? HintName(string name, EquatableArray<string> allFullNames)
        {
            string stem = HintStem(name);
            int same = 0, before = 0;
            var counted = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (string other in allFullNames)
            {
                if (other == name) same++;
                else if (counted.Add(other) && string.Equals(HintStem(other), stem, System.StringComparison.OrdinalIgnoreCase)
                         && string.CompareOrdinal(other, name) < 0) before++;
            }
            if (same > 1) return null;
            return before == 0 ? stem + ".g.cs" : $"{stem}.{(before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}.g.cs";
        }

        /// <summary>
        /// A full name as a hint name may hold it: without the @ of escaped keywords, and with any character
        /// other than a letter, a digit, '.' or '_' (an identifier's combining or connecting mark) as '_'.
        /// </summary>
        public static string HintStem(string fullName)
        {
            var stem = new System.Text.StringBuilder(fullName.Length);
            foreach (char c in fullName)
            {
                if (c != '@') stem.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }
            return stem.ToString();
        }

        public static string Emit(NetworkPlan plan)
        {
            NetworkModel model = plan.Network;
            var writer = new IndentedWriter();
            EnclosingScopes scopes = EnclosingScopes.Open(writer, model);

            WriteDocumentation(writer, plan);
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"NnGen\", \"{Version}\")]");
            using (writer.Open($"partial {model.TypeKeyword} {model.TypeName} : global::NnGen.INetwork"))
            {
                WriteShape(writer, plan);
                writer.Line();
                InitializerEmitter.WriteRandomField(writer, plan);
                InitializerEmitter.WriteConstructor(writer, plan);
                writer.Line();
                SerializationEmitter.Write(writer, plan);
                writer.Line();
                ConcurrencyEmitter.Write(writer, plan);
                writer.Line();
                if (plan.CpuShape == CpuCodeShape.Unrolled) UnrolledEmitter.Write(writer, plan);
                else LoopEmitter.Write(writer, plan);
                if (plan.HasPenalty)
                {
                    writer.Line();
                    PenaltyEmitter.Write(writer, plan);
                }
            }

            scopes.Dispose();
            return writer.ToString();
        }

        private static void WriteDocumentation(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("/// <summary>")
                .Line($"/// Network {Shape(plan)}, loss {plan.Loss}: {Numbers.Text(plan.ParameterCount)} parameters,")
                .Line($"/// {Numbers.Text(plan.ForwardFlopsPerSample)} FLOPs per sample forward (multiply-adds of the dense layers, 2 each).")
                .Line("/// </summary>");
        }

        /// <summary>The shape as "2 -> 3 (Sigmoid) -> 1 (Identity)".</summary>
        public static string Shape(NetworkPlan plan)
        {
            var text = new System.Text.StringBuilder(Numbers.Text(plan.InputSize));
            foreach (LayerPlan layer in plan.Layers)
                text.Append(" -> ").Append(Numbers.Text(layer.Units)).Append(" (")
                    .Append(layer.Layer is MaxoutLayer maxout ? $"Maxout of {Numbers.Text(maxout.Pieces)}" : layer.Activation.ToString()).Append(')');
            return text.ToString();
        }

        private static void WriteShape(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("/// <summary>The number of input features of one sample.</summary>")
                .Line($"public const int InputSize = {Numbers.Text(plan.InputSize)};")
                .Line("/// <summary>The number of outputs of one sample.</summary>")
                .Line($"public const int OutputSize = {Numbers.Text(plan.OutputSize)};")
                .Line("/// <summary>The number of trainable parameters.</summary>")
                .Line($"public const int ParameterCount = {Numbers.Text(plan.ParameterCount)};")
                .Line("/// <summary>The number of non-trainable state values (BatchNorm's running statistics).</summary>")
                .Line($"public const int StateCount = {Numbers.Text(plan.StateCount)};")
                .Line();
            writer.Line("/// <summary>The trainable parameters, layer by layer: W as [units][fanIn] row-major, then b[units].</summary>");
            foreach (LayerPlan layer in plan.Layers)
            {
                if (layer.Layer is MaxoutLayer maxout)
                    writer.Line($"/// <remarks>Layer {layer.Number} (Maxout {layer.FanIn} -> {layer.Units} units of {maxout.Pieces} pieces, as nn.Linear({layer.FanIn}, {layer.AffineOutputs}) then the max over each unit's consecutive pieces): W [{layer.AffineOutputs}][{layer.FanIn}] at [{layer.WeightOffset}, {layer.BiasOffset}), b at [{layer.BiasOffset}, {layer.BiasOffset + layer.AffineOutputs}).</remarks>");
                else if (layer.Layer is DenseLayer)
                    writer.Line($"/// <remarks>Layer {layer.Number} (Dense {layer.FanIn} -> {layer.Units}, {layer.Activation}): W at [{layer.WeightOffset}, {layer.BiasOffset}), b at [{layer.BiasOffset}, {layer.BiasOffset + layer.Units}).</remarks>");
                else if (layer.ParameterCount > 0)
                    writer.Line($"/// <remarks>Layer {layer.Number} ({layer.Layer.Kind} over {layer.Units}): gamma at [{layer.WeightOffset}, {layer.BiasOffset}), beta at [{layer.BiasOffset}, {layer.BiasOffset + layer.Units}).</remarks>");
            }
            writer.Line("public float[] Parameters { get; }")
                .Line()
                .Line("/// <summary>Non-trainable state saved with the model: per BatchNorm layer its running mean, then its running variance.</summary>")
                .Line("public float[] State { get; }")
                .Line()
                .Line("/// <summary>The gradient of the last ComputeGradients batch loss, in the layout of <see cref=\"Parameters\"/>.</summary>")
                .Line("public float[] Gradients { get; }")
                .Line()
                .Line("int global::NnGen.INetwork.InputSize => InputSize;")
                .Line("int global::NnGen.INetwork.OutputSize => OutputSize;")
                .Line("int global::NnGen.INetwork.ParameterCount => ParameterCount;");
        }
    }
}
