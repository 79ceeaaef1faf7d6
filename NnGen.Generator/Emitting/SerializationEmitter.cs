using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting
{
    /// <summary>Writes Save and Load: the network's parameters and state through the runtime's model file format.</summary>
    internal static class SerializationEmitter
    {
        public static void Write(IndentedWriter writer, NetworkPlan plan)
        {
            string type = plan.TypeName;
            writer.Line($"/// <summary>Identifies this network's shape in model files: FNV-1a of \"{plan.SignatureText}\".</summary>")
                .Line($"public const ulong ModelSignature = 0x{plan.Signature:X16}UL;")
                .Line()
                .Line("/// <summary>Writes the parameters and state as a model file to <paramref name=\"stream\"/>. Safe beside inference and publishes; during a training call it throws.</summary>")
                .Line($"public void Save(global::System.IO.Stream stream) => global::NnGen.Internal.ModelFile.Write(stream, NnModelFileBytes());")
                .Line()
                .Line("/// <summary>Writes a model file to <paramref name=\"path\"/> through a temporary file renamed over it, so a crash never leaves a broken file. Safe beside inference and publishes; during a training call it throws.</summary>")
                .Line($"public void Save(string path) => global::NnGen.Internal.ModelFile.WriteAtomically(path, NnModelFileBytes());")
                .Line();
            WriteModelFileBytes(writer, plan);
            writer.Line()
                .Line("/// <summary>Replaces the parameters and state with a model file's; on a <see cref=\"global::NnGen.ModelFileException\"/> nothing changes. A training call: one thread at a time.</summary>");
            WriteLoadFrom(writer, plan, "global::System.IO.Stream stream", "stream");
            writer.Line()
                .Line("/// <summary>Replaces the parameters and state with those of the model file at <paramref name=\"path\"/>; on an error nothing changes. A training call: one thread at a time.</summary>");
            WriteLoadFrom(writer, plan, "string path", "path");
            writer.Line()
                .Line("/// <summary>Creates a network from a model file.</summary>");
            using (writer.Open($"public static {type} Load(global::System.IO.Stream stream)"))
                writer.Line($"var network = new {type}();").Line("network.LoadFrom(stream);").Line("return network;");
            writer.Line()
                .Line("/// <summary>Creates a network from the model file at <paramref name=\"path\"/>.</summary>");
            using (writer.Open($"public static {type} Load(string path)"))
                writer.Line($"var network = new {type}();").Line("network.LoadFrom(path);").Line("return network;");
        }

        // the file's bytes are read as inference reads (ConcurrencyGuard): taken again after a publish, refused during a
        // training call, so a saved file never mixes two sets of parameters
        private static void WriteModelFileBytes(IndentedWriter writer, NetworkPlan plan)
        {
            using (writer.Open("private byte[] NnModelFileBytes()"))
                ConcurrencyEmitter.WriteGuardedRead(writer, plan, "Save", "byte[] bytes = global::NnGen.Internal.ModelFile.Serialize(ModelSignature, Parameters, State);", "return bytes;");
        }

        private static void WriteLoadFrom(IndentedWriter writer, NetworkPlan plan, string parameter, string argument)
        {
            using (writer.Open($"public void LoadFrom({parameter})"))
            {
                writer.Line("// it writes Parameters and State: the writer flag of a training call, so that inference meanwhile throws rather than mix weights")
                    .Line($"_nnGuard.BeginWrite(global::NnGen.Internal.ConcurrencyGuard.Training, \"{plan.FullName}\", nameof(LoadFrom));");
                using (writer.Open("try"))
                    writer.Line($"global::NnGen.Internal.ModelFile.Read({argument}, ModelSignature, \"{plan.FullName}\", Parameters, State);");
                using (writer.Open("finally"))
                    writer.Line("_nnGuard.EndWrite();");
            }
        }
    }
}
