// The NnGen.Onnx package check (.ci/package-and-aot.sh): a fresh project with NnGen and NnGen.Onnx from the folder feed.
// Torch231 embeds torch's sigmoid231.onnx at build time (the packaged generator reads it with the Google.Protobuf packed
// beside it) and must predict what torch predicted; then the ONNX members: export, FromOnnx, LoadOnnx of the file.
using System;
using System.IO;
using NnGen;
using NnGen.Onnx;

// What torch 1.13 predicted for the first two inputs of NnGen.Tests/Onnx/Fixtures/torch_onnx_fixtures.json.
float[] inputs = { 1.9962852001190186f, -1.5466270446777344f, -1.9459199905395508f, -1.4199624061584473f };
float[] torch = { 0.16646265983581543f, -0.4094280004501343f };

var embedded = new Torch231();
var outputs = new float[2];
embedded.Predict(inputs, outputs);
for (int i = 0; i < 2; i++)
    if (Math.Abs(outputs[i] - torch[i]) > 1e-5f + 1e-4f * Math.Abs(torch[i]))
        throw new Exception($"embedded weights: output {i} is {outputs[i]:R}, torch predicted {torch[i]:R}");
Console.WriteLine($"embedded ONNX weights: new Torch231() predicts {outputs[0]:R} {outputs[1]:R}, as torch");

var loaded = new Plain231(seed: 3);
loaded.LoadOnnx(Path.Combine(AppContext.BaseDirectory, "sigmoid231.onnx"));
if (!loaded.Parameters.AsSpan().SequenceEqual(embedded.Parameters)) throw new Exception("LoadOnnx read other weights than the build embedded");

using var exported = new MemoryStream();
embedded.ExportOnnx(exported);
Plain231 back = Plain231.FromOnnx(new MemoryStream(exported.ToArray()));
if (!back.Parameters.AsSpan().SequenceEqual(embedded.Parameters)) throw new Exception("an exported model did not load back bit for bit");
try
{
    new Other(seed: 1).LoadOnnx(new MemoryStream(exported.ToArray()));
    throw new Exception("another network's ONNX file was accepted");
}
catch (OnnxImportException e)
{
    Console.WriteLine($"refused as expected: {e.Message}");
}
Console.WriteLine("onnx consumer ok");

[Network(Loss.MeanSquaredError, Weights = "sigmoid231.onnx")] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]
public partial class Torch231;

[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]
public partial class Plain231;

[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(1)]
public partial class Other;
