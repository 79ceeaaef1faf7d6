using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using NnGen.Onnx.Internal;

namespace NnGen.Generator.Emitting.Onnx
{
    /// <summary>
    /// Writes the ONNX file of one network, "{stem}.Onnx.g.cs": ExportOnnx, LoadOnnx and FromOnnx, which hand the
    /// network's layer table (<see cref="OnnxLayers"/>), parameters and state to NnGen.Onnx. Emitted only when the
    /// compilation references the NnGen.Onnx assembly.
    /// </summary>
    internal static class OnnxEmitter
    {
        private const string Bridge = "global::NnGen.Onnx.Internal.OnnxBridge";
        private const string Row = "global::NnGen.Onnx.Internal.OnnxLayer";
        private const string Kind = "global::NnGen.Onnx.Internal.OnnxLayerKind";
        private const string Table = "NnOnnxLayers";

        /// <summary>"N.g.cs" gives "N.Onnx.g.cs".</summary>
        public static string HintName(string cpuHintName) => cpuHintName.Substring(0, cpuHintName.Length - ".g.cs".Length) + ".Onnx.g.cs";

        public static string Emit(NetworkPlan plan)
        {
            NetworkModel model = plan.Network;
            string type = plan.TypeName;
            string name = plan.FullName;
            var writer = new IndentedWriter();
            EnclosingScopes scopes = EnclosingScopes.Open(writer, model);
            using (writer.Open($"partial {model.TypeKeyword} {type} : global::NnGen.Onnx.IOnnxNetwork"))
            {
                writer.Line("/// <summary>The layers as ONNX sees them, in the order of their parameters and state.</summary>");
                writer.Line($"private static readonly {Row}[] {Table} = new {Row}[]").Line("{");
                foreach (OnnxLayer layer in OnnxLayers.Of(plan))
                    writer.Line($"    new({layer.Number}, {Kind}.{layer.Kind}, {layer.FanIn}, {layer.Units}, global::NnGen.Activation.{layer.Activation}, {Numbers.Literal(layer.Alpha)}, {layer.Pieces}, {Numbers.Literal(layer.Epsilon)}),");
                writer.Line("};").Line();

                writer.Line("/// <summary>Writes the inference graph (opset 17, input \"input\" and output \"output\" of [batch, features]) as an ONNX model; dropout and noise are left out.</summary>")
                    .Line($"public void ExportOnnx(global::System.IO.Stream stream) => {Bridge}.Export(stream, \"{name}\", InputSize, {Table}, Parameters, State);")
                    .Line()
                    .Line("/// <summary>Writes the ONNX model to <paramref name=\"path\"/> through a temporary file renamed over it.</summary>")
                    .Line($"public void ExportOnnx(string path) => {Bridge}.Export(path, \"{name}\", InputSize, {Table}, Parameters, State);")
                    .Line()
                    .Line("/// <summary>Replaces the parameters and state with an ONNX model's weights, checked layer by layer against this declaration; on an <see cref=\"global::NnGen.Onnx.OnnxImportException\"/> nothing changes. A training call: one thread at a time.</summary>");
                WriteLoadOnnx(writer, name, "global::System.IO.Stream stream", "stream");
                writer.Line()
                    .Line("/// <summary>Replaces the parameters and state with the weights of the ONNX model at <paramref name=\"path\"/>; on an error nothing changes. A training call: one thread at a time.</summary>");
                WriteLoadOnnx(writer, name, "string path", "path");
                writer.Line()
                    .Line("/// <summary>Creates a network with the weights of an ONNX model.</summary>");
                using (writer.Open($"public static {type} FromOnnx(global::System.IO.Stream stream)"))
                    writer.Line($"var network = new {type}();").Line("network.LoadOnnx(stream);").Line("return network;");
                writer.Line()
                    .Line("/// <summary>Creates a network with the weights of the ONNX model at <paramref name=\"path\"/>.</summary>");
                using (writer.Open($"public static {type} FromOnnx(string path)"))
                    writer.Line($"var network = new {type}();").Line("network.LoadOnnx(path);").Line("return network;");
            }
            scopes.Dispose();
            return writer.ToString();
        }

        private static void WriteLoadOnnx(IndentedWriter writer, string name, string parameter, string argument)
        {
            using (writer.Open($"public void LoadOnnx({parameter})"))
            {
                writer.Line("// it writes Parameters and State: the writer flag of a training call, so that inference meanwhile throws rather than mix weights")
                    .Line($"_nnGuard.BeginWrite(global::NnGen.Internal.ConcurrencyGuard.Training, \"{name}\", nameof(LoadOnnx));");
                using (writer.Open("try"))
                    writer.Line($"{Bridge}.Import({argument}, \"{name}\", InputSize, {Table}, Parameters, State);");
                using (writer.Open("finally"))
                    writer.Line("_nnGuard.EndWrite();");
            }
        }
    }
}
