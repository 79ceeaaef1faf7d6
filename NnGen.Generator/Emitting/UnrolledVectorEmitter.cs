using System.Collections.Generic;
using NnGen;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.Gates.GateLocals;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The unrolled gate graph over vectors of samples: the same gates as <see cref="UnrolledEmitter"/>'s, in the
    /// <see cref="Dialect.CpuVector"/> dialect, where lane j of every local is sample s + j of a block of
    /// Vector&lt;float&gt;.Count samples. Each block method runs whole blocks and returns how many samples it did; the
    /// public member then runs the rest one sample at a time (and all of them when vectors are not accelerated or the
    /// batch is smaller than one vector, so a batch of one goes straight to the scalar code). The vector gates do the
    /// scalar gates' operations lane by lane, so forward values and the loss have the bits of one sample alone; only the
    /// gradient sums in another order.
    /// </summary>
    internal static class UnrolledVectorEmitter
    {
        private static readonly Dialect Vector = Dialect.CpuVector;

        private const string Lanes = "global::System.Numerics.Vector<float>.Count";

        private const string Span = "global::System.Span<float>";

        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";

        /// <summary>The first statement of a public member: the samples the block method <paramref name="call"/> did, or 0 without whole vectors.</summary>
        public static string FirstScalarSample(string call)
            => $"int s = global::System.Numerics.Vector.IsHardwareAccelerated && n >= {Lanes} ? {call} : 0;";

        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            WritePredictBlocks(writer, plan);
            writer.Line();
            WriteLossBlocks(writer, plan);
            writer.Line();
            WriteGradientBlocks(writer, plan);
            writer.Line();
            WriteSampleLossGate(writer, plan);
        }

        private static void WritePredictBlocks(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("/// <summary>Predict over whole vectors of samples, one gate per vector; returns the number of samples done.</summary>");
            using (writer.Open($"private int NnPredictVectors({ReadOnlySpan} inputs, {Span} outputs, int n)"))
            {
                WriteBlockStart(writer, plan, outputs: true);
                using (OpenBlockLoop(writer))
                {
                    WriteForward(writer, plan);
                    writer.Line("// the block's outputs, back to one row per sample");
                    LayerPlan last = plan.OutputLayer;
                    if (plan.OutputSize == 1)
                        writer.Line($"{A(last, 0)}.CopyTo(outputs.Slice(s));");
                    else
                    {
                        for (int k = 0; k < last.Units; k++) writer.Line($"{A(last, k)}.CopyTo({Column("ys", k)});");
                        writer.Line("global::NnGen.Internal.SampleBlocks.ToRows(ys, OutputSize, outputs.Slice(s * OutputSize));");
                    }
                }
                writer.Line("return s;");
            }
        }

        private static void WriteLossBlocks(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("/// <summary>ComputeLoss over whole vectors of samples: adds their loss terms to <paramref name=\"loss\"/> in sample order; returns the number of samples done.</summary>");
            using (writer.Open($"private int NnLossVectors({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int n, ref double loss)"))
            {
                WriteBlockStart(writer, plan);
                using (OpenBlockLoop(writer))
                {
                    SoftmaxLocals? softmax = WriteForward(writer, plan);
                    WriteLossTerms(writer, plan, softmax);
                }
                writer.Line("return s;");
            }
        }

        private static void WriteGradientBlocks(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("private global::System.Numerics.Vector<float>[]? _nnGradientLanes;").Line();
            writer.Line("/// <summary>")
                .Line("/// ComputeGradients over whole vectors of samples: adds their loss terms to <paramref name=\"loss\"/> in sample order and")
                .Line("/// their gradient to <see cref=\"Gradients\"/> (cleared by the caller); returns the number of samples done.")
                .Line("/// </summary>")
                .Line("/// <remarks>")
                .Line("/// Each parameter's gradient terms are summed per lane (gv, a vector per parameter, allocated once), then the lanes")
                .Line("/// are added in lane order: another order than one sample after the other, so the gradient's last bits depend")
                .Line("/// on the vector width (the same on every run at one width). The forward values and the loss do not.")
                .Line("/// </remarks>");
            using (writer.Open($"private int NnGradientsVectors({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int n, float invCount, ref double loss)"))
            {
                WriteBlockStart(writer, plan);
                writer.Line("global::System.Numerics.Vector<float>[] gv = _nnGradientLanes ??= new global::System.Numerics.Vector<float>[ParameterCount];")
                    .Line("global::System.Array.Clear(gv);");
                using (OpenBlockLoop(writer))
                {
                    SoftmaxLocals? softmax = WriteForward(writer, plan);
                    WriteLossTerms(writer, plan, softmax);
                    WriteColumns(writer, "targets", "OutputSize", plan.OutputSize, "t");
                    writer.Line("// loss gate: its local gradient starts the backward pass");
                    LossGates.WriteUnrolled(writer, Vector, plan, k => $"t{k}", softmax, withGradient: true, withLoss: false);
                    for (int l = plan.Layers.Count - 1; l >= 0; l--)
                        UnrolledEmitter.WriteBackward(writer, plan, plan.Layers[l], dialect: Vector, g: "gv");
                }
                writer.Line("global::NnGen.Internal.SampleBlocks.FoldLanes(gv, Gradients);")
                    .Line("return s;");
            }
        }

        /// <summary>The scalar loss gate of one sample, for the block methods: its terms added to loss in the order the scalar code adds them.</summary>
        private static void WriteSampleLossGate(IndentedWriter writer, NetworkPlan plan)
        {
            SoftmaxLocals? softmax = plan.OutputLayer.Activation == Activation.Softmax ? SoftmaxGate.Locals(plan.OutputLayer) : null;
            var parameters = new List<string> { "ref double loss", $"{ReadOnlySpan} t" };
            foreach (string name in LossGates.TermInputs(plan, softmax)) parameters.Add("float " + name);
            writer.Line($"/// <summary>The loss gate ({plan.Loss}) of one sample of a vector block: its terms, in double, added to <paramref name=\"loss\"/>.</summary>")
                .Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            using (writer.Open($"private static void NnLossGate({string.Join(", ", parameters)})"))
                LossGates.WriteUnrolled(writer, Dialect.CpuScalar, plan, k => $"t[{k}]", softmax, withGradient: false);
        }

        /// <summary>The lane count, the parameters, and the outputs' column buffer of one block (a few KB at most: OutputSize &lt;= 64).</summary>
        private static void WriteBlockStart(IndentedWriter writer, NetworkPlan plan, bool outputs = false)
        {
            writer.Line($"int lanes = {Lanes};")
                .Line("float[] p = Parameters;");
            if (outputs && plan.OutputSize > 1) writer.Line($"{Span} ys = stackalloc float[OutputSize * {Lanes}];");
            writer.Line("int s = 0;");
        }

        private static IndentedWriter.Block OpenBlockLoop(IndentedWriter writer) => writer.Open("for (; s <= n - lanes; s += lanes)");

        /// <summary>The forward gates of one block; returns the locals of a softmax output gate, if any.</summary>
        private static SoftmaxLocals? WriteForward(IndentedWriter writer, NetworkPlan plan)
        {
            WriteColumns(writer, "inputs", "InputSize", plan.InputSize, "x");
            return UnrolledEmitter.WriteForwardGates(writer, Vector, plan);
        }

        /// <summary>
        /// Declares {prefix}0, {prefix}1, ...: feature k of the block's samples as a vector, read straight from the rows
        /// when a row is one value, else gathered.
        /// </summary>
        private static void WriteColumns(IndentedWriter writer, string rows, string width, int size, string prefix)
        {
            writer.Line($"// the block's {rows}, one vector per feature: {prefix}k holds feature k of samples s .. s + lanes - 1");
            if (size == 1)
            {
                writer.Line($"{Vector.ValueType} {prefix}0 = new({rows}.Slice(s));");
                return;
            }
            for (int k = 0; k < size; k++)
                writer.Line($"{Vector.ValueType} {prefix}{k} = global::NnGen.Internal.SampleBlocks.Column({rows}, s, {width}, {k});");
        }

        /// <summary>Each sample's loss terms in sample order, from its lane of the output gates, by the scalar loss gate.</summary>
        private static void WriteLossTerms(IndentedWriter writer, NetworkPlan plan, SoftmaxLocals? softmax)
        {
            var arguments = new List<string> { "ref loss", "targets.Slice((s + j) * OutputSize, OutputSize)" };
            foreach (string name in LossGates.TermInputs(plan, softmax)) arguments.Add($"{name}[j]");
            writer.Line($"// loss gate ({plan.Loss}), sample by sample in sample order, in double as for a sample alone (the loss has the same bits at every vector width)")
                .Line($"for (int j = 0; j < lanes; j++) NnLossGate({string.Join(", ", arguments)});");
        }

        /// <summary>Column k of a columns buffer: columns, columns.Slice(lanes), columns.Slice(2 * lanes), ...</summary>
        private static string Column(string columns, int k) => k == 0 ? columns : k == 1 ? $"{columns}.Slice(lanes)" : $"{columns}.Slice({k} * lanes)";
    }
}
