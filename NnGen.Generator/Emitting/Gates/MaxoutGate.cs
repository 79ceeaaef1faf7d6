using System.Collections.Generic;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// The max gate of a maxout layer: unit u is the max of its consecutive pieces z[u * pieces + k], k = 0 .. pieces - 1.
    /// A later piece wins only when it is greater than the running max, so among equal pieces the first (lowest index)
    /// wins, as torch.max's index; backward, the gate hands the unit's gradient to the winner and 0 to the others.
    /// </summary>
    internal static class MaxoutGate
    {
        /// <summary>
        /// The unrolled max gate of every unit: a{l}_u from z{l}_{u*pieces} ... (a chain of comparisons; in a vector
        /// dialect each a select of the lanes where the piece is greater, the same choice per sample).
        /// </summary>
        public static void WriteUnrolledForward(IndentedWriter writer, LayerPlan layer, Dialect? dialect = null)
        {
            Dialect d = dialect ?? Dialect.CpuScalar;
            int pieces = layer.Pieces;
            for (int u = 0; u < layer.Units; u++)
            {
                string a = GateLocals.A(layer, u);
                writer.Line($"{d.ValueType} {a} = {Piece(layer, u, 0)};");
                for (int k = 1; k < pieces; k++)
                {
                    string piece = Piece(layer, u, k);
                    writer.Line(d.VectorType is null
                        ? $"if ({piece} > {a}) {a} = {piece};"
                        : $"{a} = {d.Select(new[] { d.Compare(piece, ">", a) }, piece, a)};");
                }
            }
        }

        /// <summary>
        /// The unrolled backward of the max gates: dz of piece k of unit u is da{l}_u when piece k won (greater than every
        /// piece before it, at least every piece after it: the first of equal pieces), else 0.
        /// </summary>
        public static void WriteUnrolledBackward(IndentedWriter writer, LayerPlan layer, Dialect? dialect = null)
        {
            Dialect d = dialect ?? Dialect.CpuScalar;
            writer.Line($"// backward, layer {layer.Number} max gates: each unit's gradient goes to its winning piece (the first of equal pieces), 0 to the others");
            int pieces = layer.Pieces;
            for (int u = 0; u < layer.Units; u++)
                for (int k = 0; k < pieces; k++)
                {
                    var conditions = new List<string>(pieces - 1);
                    for (int j = 0; j < pieces; j++)
                        if (j != k) conditions.Add(d.Compare(Piece(layer, u, k), j < k ? ">" : ">=", Piece(layer, u, j)));
                    writer.Line($"{d.ValueType} {GateLocals.DZ(layer, u * pieces + k)} = {d.Select(conditions, GateLocals.DA(layer, u), d.Zero)};");
                }
        }

        /// <summary>The loop form over a batch: a[j] = max of z[j * pieces ..], j over n * units.</summary>
        public static void WriteLoopForward(IndentedWriter writer, LayerPlan layer, string z, string a, string count)
        {
            int pieces = layer.Pieces;
            using (writer.Open($"for (int j = 0; j < {count}; j++)"))
            {
                writer.Line($"int first = j * {pieces};")
                    .Line($"float max = {z}[first];")
                    .Line($"for (int k = 1; k < {pieces}; k++) if ({z}[first + k] > max) max = {z}[first + k];")
                    .Line($"{a}[j] = max;");
            }
        }

        /// <summary>The loop backward: dz (cleared) gets da[j] at the winner of unit j, recomputed from z as forward chose it.</summary>
        public static void WriteLoopBackward(IndentedWriter writer, LayerPlan layer, string da, string z, string dz, string count)
        {
            int pieces = layer.Pieces;
            writer.Line($"{dz}.Clear();");
            using (writer.Open($"for (int j = 0; j < {count}; j++)"))
            {
                writer.Line($"int first = j * {pieces}, winner = first;")
                    .Line($"for (int k = first + 1; k < first + {pieces}; k++) if ({z}[k] > {z}[winner]) winner = k;")
                    .Line($"{dz}[winner] = {da}[j];");
            }
        }

        private static string Piece(LayerPlan layer, int u, int k) => GateLocals.Z(layer, u * layer.Pieces + k);
    }
}
