using System;
using System.Collections.Generic;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>The locals an unrolled softmax gate leaves for the loss gate after it: the row maximum and the sum of exponentials.</summary>
    internal readonly record struct SoftmaxLocals(string Max, string Sum);

    /// <summary>
    /// The softmax gate over one row, shifted by the row maximum so that no exponential overflows, and its backward
    /// gate dz = a * (da - sum(da * a)); unrolled (named locals) or as loops over a row (accessors of element k).
    /// </summary>
    internal static class SoftmaxGate
    {
        /// <summary>The names of the row maximum and the sum of exponentials of <paramref name="layer"/>'s unrolled softmax gate.</summary>
        public static SoftmaxLocals Locals(LayerPlan layer) => new($"m{layer.Number}", $"sum{layer.Number}");

        public static SoftmaxLocals WriteUnrolled(IndentedWriter writer, Dialect dialect, LayerPlan layer)
        {
            int l = layer.Number;
            string max = GateLocals.Z(layer, 0);
            for (int k = 1; k < layer.Units; k++) max = dialect.Maximum(max, GateLocals.Z(layer, k));
            SoftmaxLocals locals = Locals(layer);
            writer.Line($"// softmax gate: shifted by the row maximum {locals.Max} so that no exponential overflows")
                .Line($"{dialect.ValueType} {locals.Max} = {max};");
            var exps = new List<string>();
            for (int k = 0; k < layer.Units; k++)
            {
                writer.Line($"{dialect.ValueType} e{l}_{k} = {dialect.Exp($"{GateLocals.Z(layer, k)} - {locals.Max}")};");
                exps.Add($"e{l}_{k}");
            }
            writer.Line($"{dialect.ValueType} {locals.Sum} = {string.Join(" + ", exps)};");
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"{dialect.ValueType} {GateLocals.A(layer, k)} = e{l}_{k} / {locals.Sum};");
            return locals;
        }

        /// <summary>The row form: <paramref name="z"/> and <paramref name="a"/> give element k's expression; locals end in the layer number.</summary>
        public static void WriteRow(IndentedWriter writer, Dialect dialect, LayerPlan layer, Func<string, string> z, Func<string, string> a)
        {
            int u = layer.Units;
            string max = $"max{layer.Number}", total = $"total{layer.Number}";
            writer.Line($"float {max} = {z("0")};")
                .Line($"for (int k = 1; k < {u}; k++) {max} = {Dialect.Max(max, z("k"))};")
                .Line($"float {total} = 0f;")
                .Line($"for (int k = 0; k < {u}; k++) {{ float e = {dialect.Exp($"{z("k")} - {max}")}; {a("k")} = e; {total} += e; }}")
                .Line($"for (int k = 0; k < {u}; k++) {a("k")} = {a("k")} / {total};");
        }

        /// <summary>The backward gate, unrolled: from da{l}_k to dz{l}_k.</summary>
        public static void WriteUnrolledBackward(IndentedWriter writer, LayerPlan layer, Dialect dialect)
        {
            var dot = new List<string>();
            for (int k = 0; k < layer.Units; k++) dot.Add($"{GateLocals.DA(layer, k)} * {GateLocals.A(layer, k)}");
            writer.Line($"{dialect.ValueType} dot{layer.Number} = {string.Join(" + ", dot)};");
            for (int k = 0; k < layer.Units; k++)
                writer.Line($"{dialect.ValueType} {GateLocals.DZ(layer, k)} = {GateLocals.A(layer, k)} * ({GateLocals.DA(layer, k)} - dot{layer.Number});");
        }

        /// <summary>The backward gate over a row, in place: <paramref name="d"/> holds da on entry and dz on exit.</summary>
        public static void WriteRowBackward(IndentedWriter writer, LayerPlan layer, Func<string, string> d, Func<string, string> a)
        {
            int u = layer.Units;
            writer.Line("float dot = 0f;")
                .Line($"for (int k = 0; k < {u}; k++) dot += {d("k")} * {a("k")};")
                .Line($"for (int k = 0; k < {u}; k++) {d("k")} = {a("k")} * ({d("k")} - dot);");
        }
    }
}
