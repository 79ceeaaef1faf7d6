// The program .ci/package-and-aot.sh builds against the packed NnGen package, in a fresh `dotnet new console`
// project: once with the JIT (`train`), once as a NativeAOT binary (`predict`, and `train` again).
//   train MODEL    trains XOR, checks the loss fell and every point is right, saves MODEL, reloads it, prints predictions
//   predict MODEL  loads MODEL, checks every point is right and that another network refuses the file, prints predictions
// Both also check EmbeddedXorNet, whose weights the compiler embedded from embedded-xor.nngen.
// Each prediction line carries the float's bits, so the script can require the same bits from both builds.
using System.Globalization;
using NnGen;
using NnGen.Training;

float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
float[] targets = [0, 1, 1, 0];

if (args.Length != 2 || args[0] is not ("train" or "predict"))
{
    Console.Error.WriteLine("usage: HelloNnGen train|predict MODEL");
    return 2;
}
string mode = args[0], path = args[1];
Console.WriteLine($"NnGen consumer ({(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT")}): {mode} {path}");

XorNet network;
if (mode == "train")
{
    network = new XorNet(seed: 7);
    var history = new Trainer(new TrainingOptions
    {
        Epochs = 300,
        BatchSize = 4,
        Seed = 7,
        Progress = report =>
        {
            if (report.Epoch % 50 == 0 || report.Epoch == 299)
                Console.WriteLine(Invariant($"epoch {report.Epoch,3}  loss {report.TrainLoss:F6}"));
        },
    }).Train(network, new Adam(learningRate: 0.05f), new Dataset(inputs, targets, XorNet.InputSize, XorNet.OutputSize));

    double first = history.Epochs[0].TrainLoss, last = history.Last!.TrainLoss;
    if (!(last < first / 10))
        return Fail(Invariant($"the loss did not fall tenfold: {first:F6} -> {last:F6}"));
    network.Save(path);

    var reloaded = XorNet.Load(path);
    if (!Predictions(reloaded).AsSpan().SequenceEqual(Predictions(network)))
        return Fail("the reloaded network predicts differently from the trained one");
}
else
{
    network = XorNet.Load(path);
    try
    {
        RegressionNet.Load(path);
        return Fail("a RegressionNet loaded an XorNet model file");
    }
    catch (ModelFileException e) when (e.Error == ModelFileError.WrongNetwork)
    {
        Console.WriteLine("another network refuses the file: WrongNetwork");
    }
}

// Weights in the binary: EmbeddedXorNet embeds embedded-xor.nngen (made by make-embedded-xor.py) at build time, so
// new EmbeddedXorNet() is that network without reading any file: its parameters are XorWeights bit for bit, and it
// predicts as an XorNet given those parameters.
// The parameters in embedded-xor.nngen (W1 [4][2], b1, W2 [1][4], b2): they solve XOR.
float[] XorWeights = [4, 4, 4, 4, 0, 0, 0, 0, -2, -6, 0, 0, 4, -4, 0, 0, -2];
var embedded = new EmbeddedXorNet();
var handSet = new XorNet(seed: 1);
XorWeights.CopyTo(handSet.Parameters, 0);
for (int i = 0; i < XorWeights.Length; i++)
{
    if (BitConverter.SingleToInt32Bits(embedded.Parameters[i]) != BitConverter.SingleToInt32Bits(XorWeights[i]))
        return Fail(Invariant($"embedded parameter {i} is {embedded.Parameters[i]}, the file holds {XorWeights[i]}"));
}
var embeddedOutputs = new float[targets.Length];
var handSetOutputs = new float[targets.Length];
embedded.Predict(inputs, embeddedOutputs);
handSet.Predict(inputs, handSetOutputs);
for (int i = 0; i < targets.Length; i++)
{
    if (BitConverter.SingleToInt32Bits(embeddedOutputs[i]) != BitConverter.SingleToInt32Bits(handSetOutputs[i]) || (embeddedOutputs[i] > 0.5f ? 1f : 0f) != targets[i])
        return Fail(Invariant($"embedded weights: point {i} gives {embeddedOutputs[i]}, the file's network {handSetOutputs[i]}, target {targets[i]}"));
}
if (BitConverter.SingleToInt32Bits(new EmbeddedXorNet(seed: 7).Parameters[0]) != BitConverter.SingleToInt32Bits(new XorNet(seed: 7).Parameters[0]))
    return Fail("new EmbeddedXorNet(7) is not the fresh initialization of seed 7");
Console.WriteLine(Invariant($"embedded weights: new EmbeddedXorNet() predicts {embeddedOutputs[0]:F6} {embeddedOutputs[1]:F6} {embeddedOutputs[2]:F6} {embeddedOutputs[3]:F6}, as the file's network"));

float[] outputs = Predictions(network);
for (int i = 0; i < targets.Length; i++)
{
    Console.WriteLine(Invariant(
        $"prediction {inputs[2 * i]} xor {inputs[2 * i + 1]} = {outputs[i]:F6} bits {BitConverter.SingleToInt32Bits(outputs[i]):X8}"));
    if ((outputs[i] > 0.5f ? 1f : 0f) != targets[i])
        return Fail(Invariant($"point {i} is wrong: {outputs[i]} for target {targets[i]}"));
}
Console.WriteLine("consumer ok");
return 0;

float[] Predictions(XorNet net)
{
    var result = new float[targets.Length];
    net.Predict(inputs, result);
    return result;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static int Fail(string message)
{
    Console.Error.WriteLine($"consumer FAILED: {message}");
    return 1;
}

[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;

// XorNet's shape with trained weights built into the binary (embedded-xor.nngen, listed as AdditionalFiles by the script).
[Network(Loss.BinaryCrossEntropy, Weights = "embedded-xor.nngen")]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class EmbeddedXorNet;

// The [2, 3, 1] network of the design, here only to show that a model file of another network is refused.
[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(3, Activation.Sigmoid)]
[Dense(1)]
public partial class RegressionNet;
