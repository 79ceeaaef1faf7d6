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
    /// Vector&lt;float&gt;.Count samples. Each block method runs whole blocks, then (in networks with a hidden layer) the
    /// last samples as one block padded with zero rows when they fill at least half a vector (<c>SampleBlocks.FillsHalfAVector</c>:
    /// a batch of 4 trains in one block of 8 lanes), and returns how many samples it did; the public member runs the rest one sample at a time (all of them
    /// when vectors are not accelerated, so a batch of one goes straight to the scalar code). The padded lanes' outputs and
    /// loss terms are dropped and their gradient masked to zero at the loss gate. The vector gates do the scalar gates'
    /// operations lane by lane, so forward values and the loss have the bits of one sample alone; only the gradient sums
    /// in another order (in lane order within a block: a batch of one block or less sums as the scalar code does).
    /// </summary>
    internal static class UnrolledVectorEmitter
    {
        private static readonly Dialect Vector = Dialect.CpuVector;

        private const string Lanes = "global::System.Numerics.Vector<float>.Count";

        private const string Span = "global::System.Span<float>";

        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";

        /// <summary>The first statement of a public member: the samples the block method <paramref name="call"/> did, or 0 without vectors or below what a block would take (a batch of one skips the call).</summary>
        public static string FirstScalarSample(NetworkPlan plan, string call)
            => $"int s = global::System.Numerics.Vector.IsHardwareAccelerated && {(PadsLastBlock(plan) ? "global::NnGen.Internal.SampleBlocks.FillsHalfAVector(n)" : $"n >= {Lanes}")} ? {call} : 0;";

        /// <summary>
        /// Whether the samples after the whole blocks may run as a padded block: for networks with a hidden layer. A single
        /// layer's few gates run faster one sample at a time than a padded block's copies and folds (NnGen.Benchmarks
        /// compare.sh at AVX-512, 8 lanes: toy42's 4 -> 2 softmax trains batches of 4 at 21M samples/s that way, 19.5M padded;
        /// seed231's 2-3-1 at 19M and 22M).
        /// </summary>
        private static bool PadsLastBlock(NetworkPlan plan) => plan.Layers.Count > 1;

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
            bool columns = plan.OutputSize > 1;
            string ys = columns ? ", ys" : "";
            writer.Line("/// <summary>Predict over vectors of samples, one gate per vector; returns the number of samples done.</summary>");
            using (writer.Open($"private int NnPredictVectors({ReadOnlySpan} inputs, {Span} outputs, int n)"))
            {
                writer.Line($"int lanes = {Lanes}, s = 0;");
                if (columns) writer.Line($"{Span} ys = stackalloc float[OutputSize * {Lanes}];");
                writer.Line($"for (; s <= n - lanes; s += lanes) NnPredictBlock(inputs.Slice(s * InputSize), outputs.Slice(s * OutputSize){ys});");
                if (PadsLastBlock(plan))
                    using (OpenPaddedBlock(writer, outputs: true))
                        writer.Line($"NnPredictBlock(xs, os{ys});")
                            .Line("os.Slice(0, live * OutputSize).CopyTo(outputs.Slice(s * OutputSize));")
                            .Line("s = n;");
                writer.Line("return s;");
            }
            writer.Line();
            writer.Line("/// <summary>Predict's gates over one block of samples: the rows of <paramref name=\"xs\"/> in, those of <paramref name=\"os\"/> out.</summary>");
            WriteCompiledApart(writer);
            using (writer.Open($"private void NnPredictBlock({ReadOnlySpan} xs, {Span} os{(columns ? $", {Span} ys" : "")})"))
            {
                writer.Line("float[] p = Parameters;");
                WriteForward(writer, plan);
                writer.Line("// the block's outputs, back to one row per sample");
                LayerPlan last = plan.OutputLayer;
                if (!columns)
                    writer.Line($"{A(last, 0)}.CopyTo(os);");
                else
                {
                    writer.Line($"int lanes = {Lanes};");
                    for (int k = 0; k < last.Units; k++) writer.Line($"{A(last, k)}.CopyTo({Column("ys", k)});");
                    writer.Line("global::NnGen.Internal.SampleBlocks.ToRows(ys, OutputSize, os);");
                }
            }
        }

        private static void WriteLossBlocks(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("/// <summary>ComputeLoss over vectors of samples: adds their loss terms to <paramref name=\"loss\"/> in sample order; returns the number of samples done.</summary>");
            using (writer.Open($"private int NnLossVectors({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int n, ref double loss)"))
            {
                writer.Line($"int lanes = {Lanes}, s = 0;")
                    .Line("for (; s <= n - lanes; s += lanes) NnLossBlock(inputs.Slice(s * InputSize), targets.Slice(s * OutputSize), lanes, ref loss);");
                if (PadsLastBlock(plan))
                    using (OpenPaddedBlock(writer, targets: true))
                        writer.Line("NnLossBlock(xs, ts, live, ref loss);").Line("s = n;");
                writer.Line("return s;");
            }
            writer.Line();
            writer.Line("/// <summary>ComputeLoss's gates over one block of samples, of which the first <paramref name=\"live\"/> count.</summary>");
            WriteCompiledApart(writer);
            using (writer.Open($"private void NnLossBlock({ReadOnlySpan} xs, {ReadOnlySpan} ts, int live, ref double loss)"))
            {
                writer.Line("float[] p = Parameters;");
                SoftmaxLocals? softmax = WriteForward(writer, plan);
                WriteLossTerms(writer, plan, softmax);
            }
        }

        private static void WriteGradientBlocks(IndentedWriter writer, NetworkPlan plan)
        {
            writer.Line("private global::System.Numerics.Vector<float>[]? _nnGradientLanes;").Line();
            writer.Line("/// <summary>")
                .Line("/// ComputeGradients over vectors of samples: adds their loss terms to <paramref name=\"loss\"/> in sample order and")
                .Line("/// their gradient to <see cref=\"Gradients\"/> (cleared by the caller); returns the number of samples done.")
                .Line("/// </summary>")
                .Line("/// <remarks>")
                .Line("/// Each parameter's gradient terms are summed per lane (gv, a vector per parameter, allocated once), then the lanes")
                .Line("/// are added in lane order: another order than one sample after the other, so the gradient's last bits depend")
                .Line("/// on the vector width (the same on every run at one width); a batch of one block or less sums in sample order,")
                .Line("/// as the scalar code does. The forward values and the loss do not depend on the width.")
                .Line("/// </remarks>");
            using (writer.Open($"private int NnGradientsVectors({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int n, float invCount, ref double loss)"))
            {
                writer.Line($"int lanes = {Lanes}, s = 0;")
                    .Line("global::System.Numerics.Vector<float>[] gv = _nnGradientLanes ??= new global::System.Numerics.Vector<float>[ParameterCount];")
                    .Line("global::System.Array.Clear(gv);")
                    .Line("for (; s <= n - lanes; s += lanes) NnGradientsBlock(inputs.Slice(s * InputSize), targets.Slice(s * OutputSize), lanes, invCount, ref loss, gv);");
                if (PadsLastBlock(plan))
                    using (OpenPaddedBlock(writer, targets: true))
                        writer.Line("NnGradientsBlock(xs, ts, live, invCount, ref loss, gv);").Line("s = n;");
                writer.Line("global::NnGen.Internal.SampleBlocks.FoldLanes(gv, Gradients);")
                    .Line("return s;");
            }
            writer.Line();
            writer.Line("/// <summary>ComputeGradients' gates over one block of samples, of which the first <paramref name=\"live\"/> count: their gradient terms added to gv lane by lane.</summary>");
            WriteCompiledApart(writer);
            using (writer.Open($"private void NnGradientsBlock({ReadOnlySpan} xs, {ReadOnlySpan} ts, int live, float invCount, ref double loss, global::System.Numerics.Vector<float>[] gv)"))
            {
                writer.Line("float[] p = Parameters;");
                SoftmaxLocals? softmax = WriteForward(writer, plan);
                WriteLossTerms(writer, plan, softmax);
                WriteColumns(writer, "ts", "OutputSize", plan.OutputSize, "t");
                writer.Line("// loss gate: its local gradient starts the backward pass");
                LossGates.WriteUnrolled(writer, Vector, plan, k => $"t{k}", softmax, withGradient: true, withLoss: false);
                LayerPlan last = plan.OutputLayer;
                writer.Line("// the padding lanes of a padded block carry no gradient (the live lanes keep their bits)")
                    .Line("global::System.Numerics.Vector<int> liveLanes = global::NnGen.Internal.SampleBlocks.LiveLanes(live);");
                for (int k = 0; k < last.Units; k++)
                    writer.Line($"{DZ(last, k)} = global::System.Numerics.Vector.ConditionalSelect(liveLanes, {DZ(last, k)}, {Vector.Zero});");
                for (int l = plan.Layers.Count - 1; l >= 0; l--)
                    UnrolledEmitter.WriteBackward(writer, plan, plan.Layers[l], dialect: Vector, g: "gv");
            }
        }

        /// <summary>
        /// A block method is compiled on its own, called once per block: inlined into its two calls (the loop over whole
        /// blocks and the padded block) it would spend the JIT's inlining budget twice, and the activation gates' math
        /// would then be left as calls (measured: a call per gate costs more than the call per block).
        /// </summary>
        private static void WriteCompiledApart(IndentedWriter writer)
            => writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");

        /// <summary>
        /// After the whole blocks: the samples left, when they fill half a vector or more, as one block padded with zero
        /// rows (xs, ts: the padded rows; os: the padded outputs; live: how many are samples); opened for the block's call,
        /// after which the caller sets s = n.
        /// </summary>
        private static IndentedWriter.Block OpenPaddedBlock(IndentedWriter writer, bool outputs = false, bool targets = false)
        {
            writer.Line("// the last samples, when they fill half a vector or more: one block padded with zero rows (a batch of 4 in 8 lanes)");
            var block = writer.Open("if (global::NnGen.Internal.SampleBlocks.FillsHalfAVector(n - s))");
            writer.Line("int live = n - s;")
                .Line($"{Span} padded = stackalloc float[(InputSize + OutputSize) * {Lanes}];")
                .Line($"{ReadOnlySpan} xs = global::NnGen.Internal.SampleBlocks.Pad(inputs.Slice(s * InputSize, live * InputSize), padded.Slice(0, InputSize * lanes));");
            if (targets)
                writer.Line($"{ReadOnlySpan} ts = global::NnGen.Internal.SampleBlocks.Pad(targets.Slice(s * OutputSize, live * OutputSize), padded.Slice(InputSize * lanes));");
            if (outputs)
                writer.Line($"{Span} os = padded.Slice(InputSize * lanes);");
            return block;
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

        /// <summary>The forward gates of one block; returns the locals of a softmax output gate, if any.</summary>
        private static SoftmaxLocals? WriteForward(IndentedWriter writer, NetworkPlan plan)
        {
            WriteColumns(writer, "xs", "InputSize", plan.InputSize, "x");
            return UnrolledEmitter.WriteForwardGates(writer, Vector, plan);
        }

        /// <summary>
        /// Declares {prefix}0, {prefix}1, ...: feature k of the block's samples as a vector, read straight from the rows
        /// when a row is one value, else gathered.
        /// </summary>
        private static void WriteColumns(IndentedWriter writer, string rows, string width, int size, string prefix)
        {
            writer.Line($"// the block's {(rows == "xs" ? "inputs" : "targets")}, one vector per feature: {prefix}k holds feature k of the block's samples, lane j of sample j");
            if (size == 1)
            {
                writer.Line($"{Vector.ValueType} {prefix}0 = new({rows});");
                return;
            }
            for (int k = 0; k < size; k++)
                writer.Line($"{Vector.ValueType} {prefix}{k} = global::NnGen.Internal.SampleBlocks.Column({rows}, 0, {width}, {k});");
        }

        /// <summary>Each sample's loss terms in sample order, from its lane of the output gates, by the scalar loss gate.</summary>
        private static void WriteLossTerms(IndentedWriter writer, NetworkPlan plan, SoftmaxLocals? softmax)
        {
            var arguments = new List<string> { "ref loss", "ts.Slice(j * OutputSize, OutputSize)" };
            foreach (string name in LossGates.TermInputs(plan, softmax)) arguments.Add($"{name}[j]");
            writer.Line($"// loss gate ({plan.Loss}), sample by sample in sample order, in double as for a sample alone (the loss has the same bits at every vector width)")
                .Line($"for (int j = 0; j < live; j++) NnLossGate({string.Join(", ", arguments)});");
        }

        /// <summary>Column k of a columns buffer: columns, columns.Slice(lanes), columns.Slice(2 * lanes), ...</summary>
        private static string Column(string columns, int k) => k == 0 ? columns : k == 1 ? $"{columns}.Slice(lanes)" : $"{columns}.Slice({k} * lanes)";
    }
}
