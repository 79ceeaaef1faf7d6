using System.Collections.Generic;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// The dense gate of one output, unrolled: multiply gates p[w] * input summed by an add gate with the bias, in
    /// input order (the order every target sums in, so unrolled CPU and GPU code give the same z).
    /// </summary>
    internal static class DenseGate
    {
        /// <summary>
        /// z_o = sum over i of p[W(o, i)] * input(i) + p[b(o)], with <paramref name="p"/> the parameter array's name; in a
        /// vector dialect the inputs are vectors of samples (a float times a vector is an operator) and the bias is
        /// broadcast.
        /// </summary>
        public static string Sum(LayerPlan layer, int o, System.Func<int, string> input, string p = "p", Dialect? dialect = null)
        {
            var terms = new List<string>(layer.FanIn + 1);
            for (int i = 0; i < layer.FanIn; i++)
                terms.Add($"{p}[{layer.WeightOffset + o * layer.FanIn + i}] * {input(i)}");
            string bias = $"{p}[{layer.BiasOffset + o}]";
            terms.Add(dialect is null ? bias : dialect.Broadcast(bias));
            return string.Join(" + ", terms);
        }

        /// <summary>
        /// da_i = sum over o of dz(o) * p[W(o, i)]: the gradient reaching input i, one term per multiply gate it feeds
        /// (o over the affine outputs: a maxout layer's units * pieces).
        /// </summary>
        public static string InputGradient(LayerPlan layer, int i, System.Func<int, string> dz, string p = "p")
        {
            var terms = new List<string>(layer.AffineOutputs);
            for (int o = 0; o < layer.AffineOutputs; o++)
                terms.Add($"{dz(o)} * {p}[{layer.WeightOffset + o * layer.FanIn + i}]");
            return string.Join(" + ", terms);
        }

        /// <summary>
        /// The loop form of <see cref="Sum"/> for the output <c>o</c> (a variable of the code around it): declares <c>w</c>,
        /// the output's first weight, with <paramref name="alsoDeclare"/> (more int locals, such as ", xr = s * 4"), and
        /// leaves z_o in <c>sum</c>, added in input order then the bias. <paramref name="input"/> reads input i.
        /// </summary>
        public static void WriteLoopSum(IndentedWriter writer, LayerPlan layer, System.Func<string, string> input, string alsoDeclare = "")
        {
            int f = layer.FanIn;
            writer.Line($"int w = {layer.WeightOffset} + o * {f}{alsoDeclare};")
                .Line("float sum = 0f;")
                .Line($"for (int i = 0; i < {f}; i++) sum += p[w + i] * {input("i")};")
                .Line($"sum += p[{layer.BiasOffset} + o];");
        }

        /// <summary>
        /// The loop form of <see cref="InputGradient"/> for the input <c>i</c> (a variable of the code around it): leaves
        /// da_i in <c>da</c>, summed in output order; <paramref name="dz"/> reads the gradient of affine output o.
        /// </summary>
        public static void WriteLoopInputGradient(IndentedWriter writer, LayerPlan layer, System.Func<string, string> dz)
            => writer.Line("float da = 0f;")
                .Line($"for (int o = 0; o < {layer.AffineOutputs}; o++) da += {dz("o")} * p[{layer.WeightOffset} + o * {layer.FanIn} + i];");
    }
}
