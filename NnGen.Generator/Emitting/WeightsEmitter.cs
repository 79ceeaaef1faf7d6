using System.Globalization;
using NnGen.Generator.Model;
using NnGen.Generator.Parsing.Weights;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// Writes the weights file of a network declared with <c>Weights = "..."</c>: the parameters and state read at build
    /// time as the exact bits of their floats, in static data (a ReadOnlySpan over a constant array, which the compiler
    /// stores in the assembly without an allocation), and the partial method the parameterless constructor calls to copy them.
    /// </summary>
    internal static class WeightsEmitter
    {
        public const string CopyMethod = "NnStartFromEmbeddedWeights";
        private const string ParameterBits = "NnEmbeddedParameterBits", StateBits = "NnEmbeddedStateBits";
        private const int ValuesPerLine = 8;

        /// <summary>"{stem}.Weights.g.cs" beside the network's "{stem}.g.cs".</summary>
        public static string HintName(string cpuHintName) => cpuHintName.Substring(0, cpuHintName.Length - ".g.cs".Length) + ".Weights.g.cs";

        public static string Emit(WeightsOutcome weights)
        {
            NetworkModel model = weights.Plan.Network;
            var writer = new IndentedWriter();
            EnclosingScopes scopes = EnclosingScopes.Open(writer, model);

            using (writer.Open($"partial {model.TypeKeyword} {model.TypeName}"))
            {
                writer.Line($"/// <summary>Copies the weights embedded from '{Xml(weights.Path)}' at build time into <see cref=\"Parameters\"/> and <see cref=\"State\"/>.</summary>");
                using (writer.Open($"partial void {CopyMethod}()"))
                {
                    if (weights.ParameterBits.Count > 0)
                        writer.Line($"global::System.Runtime.InteropServices.MemoryMarshal.Cast<uint, float>({ParameterBits}).CopyTo(Parameters);");
                    if (weights.StateBits.Count > 0)
                        writer.Line($"global::System.Runtime.InteropServices.MemoryMarshal.Cast<uint, float>({StateBits}).CopyTo(State);");
                }
                WriteBits(writer, ParameterBits, "parameters", weights.ParameterBits);
                WriteBits(writer, StateBits, "state values", weights.StateBits);
            }

            scopes.Dispose();
            return writer.ToString();
        }

        private static void WriteBits(IndentedWriter writer, string name, string what, EquatableArray<uint> bits)
        {
            if (bits.Count == 0) return;
            writer.Line()
                .Line($"/// <summary>The {bits.Count.ToString(CultureInfo.InvariantCulture)} embedded {what}, as the bits of their float32 values.</summary>");
            writer.Line($"private static global::System.ReadOnlySpan<uint> {name} => new uint[]").Line("{");
            var line = new System.Text.StringBuilder("    ");
            for (int i = 0; i < bits.Count; i++)
            {
                line.Append("0x").Append(bits[i].ToString("X8", CultureInfo.InvariantCulture)).Append("u,");
                if ((i + 1) % ValuesPerLine == 0 || i == bits.Count - 1)
                {
                    writer.Line(line.ToString());
                    line.Clear().Append("    ");
                }
                else line.Append(' ');
            }
            writer.Line("};");
        }

        private static string Xml(string text)
        {
            var escaped = new System.Text.StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c == '&') escaped.Append("&amp;");
                else if (c == '<') escaped.Append("&lt;");
                else if (c == '>') escaped.Append("&gt;");
                else if (char.IsControl(c)) escaped.Append(' ');
                else escaped.Append(c);
            }
            return escaped.ToString();
        }
    }
}
