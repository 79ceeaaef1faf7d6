using System;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>Accessors of element k of a row that starts at index <c>row</c> of an array, for the row forms of the gates.</summary>
    internal static class RowAccess
    {
        /// <summary>array[row + k], written array[row] for k = 0.</summary>
        public static Func<string, string> Element(string array, string row) => k => k == "0" ? $"{array}[{row}]" : $"{array}[{row} + {k}]";
    }
}
