using System.Globalization;

namespace NnGen.Generator.Model
{
    /// <summary>The one formatter of numbers in generated text and messages: invariant culture, round-trip precision.</summary>
    internal static class Numbers
    {
        /// <summary>A float as it reads back to the same float ("0.1", "1E-05").</summary>
        public static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A float literal of C# source that reads back as the same float ("0.1f").</summary>
        public static string Literal(float value) => Text(value) + "f";

        public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
