using System;
using System.Collections.Generic;
using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.UnrolledEmitter;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The loss gate of one sample inside a kernel, as on the CPU: it sums the sample's loss into the float
    /// <c>loss</c> and, with the gradient, writes dL/dz of the last layer, which starts the backward pass. The
    /// cross-entropies fuse with their output activation and start from p - t (softmax: p * sum(t) - t).
    /// </summary>
    internal static class GpuLossGateEmitter
    {
        /// <summary>Reads and writes of one sample's values in the loop form; each takes the index expression.</summary>
        internal sealed record Access(Func<string, string> Z, Func<string, string> A, Func<string, string> T, Func<string, string> Dz);

        /// <summary>
        /// The loop form. <paramref name="gradient"/>: null for the loss alone, "" for the gradient always, or a
        /// condition (a kernel argument) that decides at run time.
        /// </summary>
        public static void WriteLoops(IndentedWriter writer, NetworkModel model, Access v, string? gradient)
        {
            LayerModel last = model.OutputLayer;
            int u = last.Units;
            string If(string statement) => gradient is null ? "" : gradient.Length == 0 ? statement : $"if ({gradient}) {statement}";
            writer.Line($"// loss gate ({model.Loss}){(gradient is null ? "" : ": its local gradient starts the backward pass")}")
                .Line("float loss = 0f;");
            switch (model.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    using (writer.Open($"for (int k = 0; k < {u}; k++)"))
                    {
                        writer.Line($"float d = {v.A("k")} - {v.T("k")};");
                        string da;
                        if (model.Loss == Loss.MeanSquaredError)
                        {
                            writer.Line("loss += d * d;");
                            da = "2f * d * invCount";
                        }
                        else
                        {
                            writer.Line("loss += global::System.MathF.Abs(d);");
                            da = "(d > 0f ? invCount : d < 0f ? -invCount : 0f)";
                        }
                        if (gradient is not null)
                            writer.Line(If(last.Activation == Activation.Softmax
                                ? $"{v.Dz("k")} = {da};"
                                : $"{v.Dz("k")} = {ActivationEmitter.Backward(last, $"({da})", v.Z("k"), v.A("k"))};"));
                    }
                    if (gradient is not null && last.Activation == Activation.Softmax)
                    {
                        writer.Line("// softmax gate backward: dz = a * (da - sum(da * a))");
                        using (writer.Open(gradient.Length == 0 ? "" : $"if ({gradient})"))
                        {
                            writer.Line("float dot = 0f;")
                                .Line($"for (int k = 0; k < {u}; k++) dot += {v.Dz("k")} * {v.A("k")};")
                                .Line($"for (int k = 0; k < {u}; k++) {v.Dz("k")} = {v.A("k")} * ({v.Dz("k")} - dot);");
                        }
                    }
                    break;

                case Loss.BinaryCrossEntropy:
                    using (writer.Open($"for (int k = 0; k < {u}; k++)"))
                    {
                        writer.Line($"float zk = {v.Z("k")};")
                            .Line($"loss += {BinaryCrossEntropyFromLogit("zk", v.T("k"))};");
                        if (gradient is not null) writer.Line(If($"{v.Dz("k")} = ({v.A("k")} - {v.T("k")}) * invCount;"));
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    writer.Line($"float m = {v.Z("0")};")
                        .Line($"for (int k = 1; k < {u}; k++) m = global::System.MathF.Max(m, {v.Z("k")});")
                        .Line("float total = 0f;")
                        .Line($"for (int k = 0; k < {u}; k++) total += {GpuDeviceMath.Exp}({v.Z("k")} - m);")
                        .Line($"float logSumExp = m + {GpuDeviceMath.Log}(total);")
                        .Line("float sumT = 0f;")
                        .Line($"for (int k = 0; k < {u}; k++) {{ loss += {v.T("k")} * (logSumExp - {v.Z("k")}); sumT += {v.T("k")}; }}");
                    if (gradient is not null)
                        writer.Line(If($"for (int k = 0; k < {u}; k++) {v.Dz("k")} = ({v.A("k")} * sumT - {v.T("k")}) * invCount;"));
                    break;
            }
        }

        /// <summary>
        /// The unrolled form over the named locals of the unrolled forward pass (targets t0, t1, ... already read);
        /// with the gradient it declares dz{L}_k as the CPU's unrolled code does.
        /// </summary>
        public static void WriteUnrolled(IndentedWriter writer, NetworkModel model, bool withGradient)
        {
            LayerModel last = model.OutputLayer;
            int l = last.Number;
            writer.Line($"// loss gate ({model.Loss}){(withGradient ? ": its local gradient starts the backward pass" : "")}")
                .Line("float loss = 0f;");
            switch (model.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"float d{l}_{k} = {A(last, k)} - t{k};");
                        if (model.Loss == Loss.MeanSquaredError)
                        {
                            writer.Line($"loss += d{l}_{k} * d{l}_{k};");
                            if (withGradient) writer.Line($"float {DA(last, k)} = 2f * d{l}_{k} * invCount;");
                        }
                        else
                        {
                            writer.Line($"loss += global::System.MathF.Abs(d{l}_{k});");
                            if (withGradient) writer.Line($"float {DA(last, k)} = d{l}_{k} > 0f ? invCount : d{l}_{k} < 0f ? -invCount : 0f;");
                        }
                    }
                    if (withGradient) WriteActivationBackward(writer, last);
                    break;

                case Loss.BinaryCrossEntropy:
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"loss += {BinaryCrossEntropyFromLogit(Z(last, k), $"t{k}")};");
                        if (withGradient) writer.Line($"float {DZ(last, k)} = ({A(last, k)} - t{k}) * invCount;");
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    writer.Line($"float logSumExp{l} = m{l} + {GpuDeviceMath.Log}(sum{l});");
                    var sumT = new List<string>();
                    for (int k = 0; k < last.Units; k++)
                    {
                        writer.Line($"loss += t{k} * (logSumExp{l} - {Z(last, k)});");
                        sumT.Add($"t{k}");
                    }
                    if (!withGradient) break;
                    writer.Line($"float sumT{l} = {string.Join(" + ", sumT)};");
                    for (int k = 0; k < last.Units; k++)
                        writer.Line($"float {DZ(last, k)} = ({A(last, k)} * sumT{l} - t{k}) * invCount;");
                    break;
            }
        }

        /// <summary>max(z, 0) - z t + log(1 + exp(-|z|)): BCEWithLogitsLoss's stable form, in float on the device.</summary>
        private static string BinaryCrossEntropyFromLogit(string z, string t)
            => $"global::System.MathF.Max({z}, 0f) - {z} * {t} + {GpuDeviceMath.Log1p}({GpuDeviceMath.Exp}(-global::System.MathF.Abs({z})))";
    }
}
