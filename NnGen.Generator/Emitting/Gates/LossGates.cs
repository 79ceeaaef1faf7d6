using System;
using System.Collections.Generic;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gates
{
    /// <summary>
    /// The loss gates: each loss's term and the local gradient that starts the backward pass, written once for every
    /// target. The element-wise losses work on d = a - t; the cross-entropies fuse with their output activation and
    /// start from p - t (softmax: p * sum(t) - t, exact for targets that do not sum to 1), never dividing by a
    /// probability. <c>invCount</c> is 1 / <see cref="Count"/>, PyTorch's mean reduction.
    /// </summary>
    internal static class LossGates
    {
        /// <summary>The number the summed loss is divided by: PyTorch's mean reduction (<see cref="LossReduction.Count"/>, the plan's decision).</summary>
        public static string Count(Loss loss) => LossReduction.Count(loss);

        /// <summary>An element-wise loss's term for the difference <paramref name="d"/> = a - t.</summary>
        public static string Term(Loss loss, string d) => loss == Loss.MeanSquaredError ? $"{d} * {d}" : Dialect.Abs(d);

        /// <summary>dL/da of an element-wise loss: 2 d / count, or sign(d) / count with sign(0) = 0 (L1Loss).</summary>
        public static string StartGradient(Loss loss, string d)
            => loss == Loss.MeanSquaredError ? $"2f * {d} * invCount" : $"{d} > 0f ? invCount : {d} < 0f ? -invCount : 0f";

        /// <summary><see cref="StartGradient(Loss, string)"/> in a dialect (a vector one selects the sign lane by lane).</summary>
        public static string StartGradient(Dialect dialect, Loss loss, string d)
            => dialect.VectorType is null || loss == Loss.MeanSquaredError
                ? StartGradient(loss, d)
                : dialect.Select(new[] { dialect.Compare(d, ">", dialect.Zero) }, dialect.Broadcast("invCount"),
                    dialect.Select(new[] { dialect.Compare(d, "<", dialect.Zero) }, dialect.Broadcast("-invCount"), dialect.Zero));

        /// <summary>
        /// The locals of the output layer that one sample's loss terms read (<see cref="WriteUnrolled"/> without the
        /// gradient): a for the element-wise losses, z for binary cross-entropy, the softmax row's max and sum and z for
        /// categorical cross-entropy.
        /// </summary>
        public static IReadOnlyList<string> TermInputs(NetworkPlan plan, SoftmaxLocals? softmax)
        {
            LayerPlan last = plan.OutputLayer;
            var names = new List<string>();
            if (plan.Loss == Loss.CategoricalCrossEntropy && softmax is { } row) names.AddRange(new[] { row.Max, row.Sum });
            for (int k = 0; k < last.Units; k++)
                names.Add(plan.Loss is Loss.MeanSquaredError or Loss.MeanAbsoluteError ? GateLocals.A(last, k) : GateLocals.Z(last, k));
            return names;
        }

        /// <summary>BCEWithLogitsLoss's stable form, max(z, 0) - z t + log(1 + exp(-|z|)), in the dialect's loss type.</summary>
        public static string BinaryCrossEntropy(Dialect dialect, string z, string t) => dialect.LossInDouble
            ? $"global::System.Math.Max((double){z}, 0.0) - (double){z} * {t} + global::NnGen.Internal.LossMath.Log1p(global::NnGen.Internal.LossMath.Exp(-global::System.Math.Abs((double){z})))"
            : $"global::System.MathF.Max({z}, 0f) - {z} * {t} + {Dialect.DeviceMath}.Log1p({dialect.Exp($"-global::System.MathF.Abs({z})")})";

        /// <summary>Sigmoid fused with binary cross-entropy: dL/dz = (a - t) / count.</summary>
        public static string BinaryStart(string a, string t) => $"({a} - {t}) * invCount";

        /// <summary>Softmax fused with categorical cross-entropy: dL/dz = (a sum(t) - t) / count.</summary>
        public static string CategoricalStart(string a, string sumT, string t) => $"({a} * {sumT} - {t}) * invCount";

        /// <summary>
        /// One sample's loss gate over the named locals of unrolled code: adds the sample's loss to <c>loss</c> (unless
        /// <paramref name="withLoss"/> is false: a vector dialect's gate leaves the terms to each sample's scalar gate,
        /// so that the loss sums in sample order) and, with the gradient, declares dz (or da, then the output
        /// activation's backward gate) of the last layer.
        /// </summary>
        public static void WriteUnrolled(IndentedWriter writer, Dialect dialect, NetworkPlan plan, Func<int, string> target, SoftmaxLocals? softmax, bool withGradient, bool withLoss = true)
        {
            LayerPlan last = plan.OutputLayer;
            int l = last.Number;
            string type = dialect.ValueType;
            switch (plan.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    for (int k = 0; k < last.Units; k++)
                    {
                        string d = $"d{l}_{k}";
                        writer.Line($"{type} {d} = {GateLocals.A(last, k)} - {target(k)};");
                        if (withLoss) writer.Line($"loss += {Term(plan.Loss, d)};");
                        if (withGradient) writer.Line($"{type} {GateLocals.DA(last, k)} = {StartGradient(dialect, plan.Loss, d)};");
                    }
                    if (withGradient) ActivationGates.WriteUnrolledBackward(writer, last, dialect);
                    break;

                case Loss.BinaryCrossEntropy:
                    for (int k = 0; k < last.Units; k++)
                    {
                        if (withLoss) writer.Line($"loss += {BinaryCrossEntropy(dialect, GateLocals.Z(last, k), target(k))};");
                        if (withGradient) writer.Line($"{type} {GateLocals.DZ(last, k)} = {BinaryStart(GateLocals.A(last, k), target(k))};");
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    SoftmaxLocals row = softmax ?? throw new InvalidOperationException("Categorical cross-entropy follows a softmax gate.");
                    if (withLoss) writer.Line($"{dialect.LossType} logSumExp{l} = {row.Max} + {dialect.LossLog(row.Sum)};");
                    var sumT = new List<string>();
                    for (int k = 0; k < last.Units; k++)
                    {
                        if (withLoss) writer.Line($"loss += {target(k)} * (logSumExp{l} - {GateLocals.Z(last, k)});");
                        sumT.Add(target(k));
                    }
                    if (!withGradient) break;
                    writer.Line($"{type} sumT{l} = {string.Join(" + ", sumT)};");
                    for (int k = 0; k < last.Units; k++)
                        writer.Line($"{type} {GateLocals.DZ(last, k)} = {CategoricalStart(GateLocals.A(last, k), $"sumT{l}", target(k))};");
                    break;
            }
        }

        /// <summary>
        /// Categorical cross-entropy over one row of logits (accessors of element k): adds the row's loss to <c>loss</c>
        /// and leaves <c>sumT</c> for <see cref="CategoricalRowGradient"/>.
        /// </summary>
        public static void WriteCategoricalRow(IndentedWriter writer, Dialect dialect, int units, Func<string, string> z, Func<string, string> t)
        {
            writer.Line($"float max = {z("0")};")
                .Line($"for (int k = 1; k < {units}; k++) max = {Dialect.Max("max", z("k"))};")
                .Line($"{dialect.LossType} total = {dialect.LossZero};")
                .Line($"for (int k = 0; k < {units}; k++) total += {dialect.LossExp($"{z("k")} - max")};")
                .Line($"{dialect.LossType} logSumExp = max + {dialect.LossLog("total")};")
                .Line("float sumT = 0f;")
                .Line($"for (int k = 0; k < {units}; k++) {{ loss += {t("k")} * (logSumExp - {z("k")}); sumT += {t("k")}; }}");
        }

        /// <summary>The fused start of the backward pass over the row of <see cref="WriteCategoricalRow"/>.</summary>
        public static string CategoricalRowGradient(int units, Func<string, string> a, Func<string, string> t, Func<string, string> dz)
            => $"for (int k = 0; k < {units}; k++) {dz("k")} = {CategoricalStart(a("k"), "sumT", t("k"))};";

        /// <summary>
        /// The loss gate in the loop form, for a scalar dialect (the CPU's loop code over a batch, a kernel's thread over
        /// one sample, as <paramref name="form"/> says): adds the loss of the values to <c>loss</c> (declared by the
        /// caller) and, with the gradient, writes dL/dz of the last layer (the output activation's backward gate
        /// included, or fused with the loss where the loss allows it).
        /// </summary>
        public static void WriteLoops(IndentedWriter writer, Dialect dialect, NetworkPlan plan, LoopLossForm form)
        {
            LayerPlan last = plan.OutputLayer;
            int u = last.Units;
            string? gradient = form.Gradient;
            string If(string statement) => gradient is null ? "" : gradient.Length == 0 ? statement : $"if ({gradient}) {statement}";
            LoopLossAccess v = form.Values;
            string e = form.Element;
            switch (plan.Loss)
            {
                case Loss.MeanSquaredError:
                case Loss.MeanAbsoluteError:
                    using (writer.Open(form.Elements))
                    {
                        writer.Line($"float d = {v.A(e)} - {v.T(e)};")
                            .Line($"loss += {Term(plan.Loss, "d")};");
                        if (gradient is not null)
                            writer.Line($"float da = {StartGradient(plan.Loss, "d")};")
                                .Line(If(last.Activation == Activation.Softmax
                                    ? $"{v.Dz(e)} = da;"
                                    : $"{v.Dz(e)} = {ActivationGates.Backward(dialect, last.Activation, last.Alpha, "da", v.Z(e), v.A(e))};"));
                    }
                    if (gradient is not null && last.Activation == Activation.Softmax)
                    {
                        LoopLossRows rows = form.SoftmaxRows;
                        writer.Line($"// softmax gate backward: dz = a * (da - sum(da * a)){(rows.Loop is null ? "" : " per row")}");
                        using (writer.Open(gradient.Length == 0 ? "" : $"if ({gradient})"))
                            WriteRows(writer, rows, row => SoftmaxGate.WriteRowBackward(writer, last, row.Dz, row.A));
                    }
                    break;

                case Loss.BinaryCrossEntropy:
                    using (writer.Open(form.Elements))
                    {
                        string z = v.Z(e);
                        if (form.LogitLocal)
                        {
                            writer.Line($"float zk = {z};");
                            z = "zk";
                        }
                        writer.Line($"loss += {BinaryCrossEntropy(dialect, z, v.T(e))};");
                        if (gradient is not null) writer.Line(If($"{v.Dz(e)} = {BinaryStart(v.A(e), v.T(e))};"));
                    }
                    break;

                case Loss.CategoricalCrossEntropy:
                    LoopLossRows categorical = form.CategoricalRows;
                    WriteRows(writer, categorical, row =>
                    {
                        WriteCategoricalRow(writer, dialect, u, row.Z, row.T);
                        if (gradient is null) return;
                        string start = CategoricalRowGradient(u, row.A, row.T, row.Dz);
                        // in a loop over rows the rest of a row is skipped; a single row guards the statement
                        if (categorical.Loop is not null && gradient.Length > 0)
                            writer.Line($"if (!{(IsIdentifier(gradient) ? gradient : $"({gradient})")}) continue;").Line(start);
                        else
                            writer.Line(If(start));
                    });
                    break;
            }
        }

        /// <summary>The body once per row inside the rows' loop with its declarations, or once as it is where there is no loop.</summary>
        private static void WriteRows(IndentedWriter writer, LoopLossRows rows, Action<LoopLossAccess> body)
        {
            if (rows.Loop is null)
            {
                body(rows.Values);
                return;
            }
            using (writer.Open(rows.Loop))
            {
                foreach (string declaration in rows.Declarations) writer.Line(declaration);
                body(rows.Values);
            }
        }

        private static bool IsIdentifier(string text)
        {
            foreach (char c in text)
                if (!char.IsLetterOrDigit(c) && c != '_') return false;
            return text.Length > 0;
        }
    }

    /// <summary>Reads and writes of the loss gate's values in the loop form; each takes the index expression.</summary>
    internal sealed record LoopLossAccess(Func<string, string> Z, Func<string, string> A, Func<string, string> T, Func<string, string> Dz);

    /// <summary>
    /// The rows a row-wise part of the loop loss gate (softmax's backward gate, categorical cross-entropy) runs over:
    /// a loop with its declarations and the row's accessors, or, with <see cref="Loop"/> null, the one row of the values.
    /// </summary>
    internal sealed record LoopLossRows(string? Loop, IReadOnlyList<string> Declarations, LoopLossAccess Values);

    /// <summary>
    /// How the loop form of the loss gate (<see cref="LossGates.WriteLoops"/>) walks its values: <see cref="Elements"/>
    /// is the loop over the element-wise losses' values with index <see cref="Element"/>; <see cref="Gradient"/> is null
    /// for the loss alone, "" for the gradient always, or a condition that decides at run time (a bool variable where
    /// the rows are a loop); <see cref="LogitLocal"/> reads binary cross-entropy's logit once into a local.
    /// </summary>
    internal sealed record LoopLossForm(
        string Elements,
        string Element,
        LoopLossAccess Values,
        LoopLossRows SoftmaxRows,
        LoopLossRows CategoricalRows,
        string? Gradient,
        bool LogitLocal);
}
