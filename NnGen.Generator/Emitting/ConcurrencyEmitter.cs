using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>
    /// The public compute members of every CPU shape, around the shape's private NnPredict, NnComputeLoss and
    /// NnComputeGradients: inference reads under the instance's seqlock (<c>NnGen.Internal.ConcurrencyGuard</c>: two
    /// volatile reads and a read barrier, nothing written to the shared instance), training calls and publishes take its writer
    /// flag; then CopyParametersFrom and Clone, which publish weights to a network that serves.
    /// </summary>
    internal static class ConcurrencyEmitter
    {
        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
        private const string Guard = "global::NnGen.Internal.ConcurrencyGuard";

        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            string name = $"\"{plan.FullName}\"";
            bool loops = plan.CpuShape != CpuCodeShape.Unrolled;
            writer.Line("// Inference (Predict, ComputeLoss) is safe from any number of threads: it reads Parameters and State under this seqlock")
                .Line("// and writes nothing shared. Training calls and publishes take its writer flag, one at a time (see ConcurrencyGuard).")
                .Line($"private {Guard} _nnGuard;")
                .Line();

            writer.Line("/// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize). Safe from any number of threads.</summary>");
            using (writer.Open($"public void Predict({ReadOnlySpan} inputs, global::System.Span<float> outputs)"))
                WriteGuardedRead(writer, plan, "Predict", "NnPredict(inputs, outputs);", "return;");
            writer.Line()
                .Line($"/// <summary>Returns the {plan.Loss} of a batch of n samples (a mean, as PyTorch's default reduction){(plan.HasPenalty ? " plus the L1/L2 penalty" : "")}{(loops ? ", in inference mode" : "")}. Safe from any number of threads.</summary>");
            using (writer.Open($"public float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
                WriteGuardedRead(writer, plan, "ComputeLoss", "float loss = NnComputeLoss(inputs, targets);", "return loss;");
            writer.Line()
                .Line($"/// <summary>Returns the loss of a batch{(loops ? " in training mode" : "")} and overwrites <see cref=\"Gradients\"/> with its gradient (a mean over the batch). One thread at a time: a concurrent training call throws.</summary>");
            using (writer.Open($"public float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
            {
                writer.Line("// a training call: the writer flag (a second writer throws), the version odd while it runs");
                writer.Line($"_nnGuard.BeginWrite({Guard}.Training, {name}, nameof(ComputeGradients));");
                using (writer.Open("try"))
                    writer.Line("return NnComputeGradients(inputs, targets);");
                using (writer.Open("finally"))
                    writer.Line("_nnGuard.EndWrite();");
            }
            writer.Line()
                .Line("/// <summary>ComputeGradients, then one step of <paramref name=\"optimizer\"/>; returns the loss before the step. One thread at a time: a concurrent training call throws.</summary>");
            using (writer.Open($"public float TrainStep({ReadOnlySpan} inputs, {ReadOnlySpan} targets, global::NnGen.IOptimizer optimizer)"))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(optimizer);")
                    .Line("// a training call: the writer flag (a second writer throws), the version odd while it runs")
                    .Line($"_nnGuard.BeginWrite({Guard}.Training, {name}, nameof(TrainStep));");
                using (writer.Open("try"))
                {
                    writer.Line("float loss = NnComputeGradients(inputs, targets);")
                        .Line("optimizer.Step(Parameters, Gradients);")
                        .Line("return loss;");
                }
                using (writer.Open("finally"))
                    writer.Line("_nnGuard.EndWrite();");
            }
            writer.Line();
            WritePublishing(writer, plan, name);
        }

        /// <summary>
        /// A read under the seqlock, for the member <paramref name="call"/>: <paramref name="work"/> between two reads of the
        /// version, then <paramref name="done"/> when they agree; after a publish the work runs again, during a training call
        /// the guard throws.
        /// </summary>
        internal static void WriteGuardedRead(IndentedWriter writer, NetworkPlan plan, string call, string work, string done)
        {
            using (writer.Open("for (int attempt = 0; ; attempt++)"))
            {
                writer.Line("// the version before and after: unchanged, no writer ran meanwhile; after a publish compute again; a training call throws")
                    .Line($"long version = _nnGuard.BeginRead(attempt, \"{plan.FullName}\", nameof({call}));")
                    .Line(work)
                    .Line($"if (_nnGuard.EndRead(version, attempt, \"{plan.FullName}\", nameof({call}))) {done}");
            }
        }

        private static void WritePublishing(IndentedWriter writer, NetworkPlan plan, string name)
        {
            string type = plan.TypeName;
            writer.Line("/// <summary>")
                .Line("/// Replaces the parameters and state with <paramref name=\"other\"/>'s, atomically for inference: Predict and ComputeLoss")
                .Line("/// on other threads wait for the copy and see the old weights or the new ones, never a mix. How a trainer publishes")
                .Line("/// weights to a network that serves. Throws InvalidOperationException when either network is in a training call.")
                .Line("/// </summary>");
            using (writer.Open($"public void CopyParametersFrom({type} other)"))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(other);")
                    .Line("if (other.Parameters == Parameters) return;")
                    .Line("// other's writer flag keeps its training calls out while it is read (its readers go on); ours makes our readers wait")
                    .Line($"other._nnGuard.BeginSource({name});");
                using (writer.Open("try"))
                {
                    writer.Line($"_nnGuard.BeginWrite({Guard}.Publishing, {name}, nameof(CopyParametersFrom));")
                        .Line("global::System.MemoryExtensions.CopyTo(other.Parameters, global::System.MemoryExtensions.AsSpan(Parameters));")
                        .Line("global::System.MemoryExtensions.CopyTo(other.State, global::System.MemoryExtensions.AsSpan(State));")
                        .Line("_nnGuard.EndWrite();");
                }
                using (writer.Open("finally"))
                    writer.Line("other._nnGuard.EndSource();");
            }
            // C# reserves the name Clone in records (CS8859): a record network copies itself with new N(0) and CopyParametersFrom
            if (plan.Network.TypeKeyword.StartsWith("record", System.StringComparison.Ordinal)) return;
            writer.Line()
                .Line("/// <summary>")
                .Line("/// A new network with this one's parameters and state and buffers of its own (Gradients zero). Its dropout and noise")
                .Line($"/// layers draw from the generator of seed 0, as new {type}(0)'s. Throws InvalidOperationException during a training call.")
                .Line("/// </summary>");
            using (writer.Open($"public {type} Clone()"))
            {
                writer.Line($"var clone = new {type}(0);")
                    .Line("clone.CopyParametersFrom(this);")
                    .Line("return clone;");
            }
        }
    }
}
