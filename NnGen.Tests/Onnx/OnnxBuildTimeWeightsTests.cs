using System;
using System.IO;
using Microsoft.CodeAnalysis;
using NnGen.Onnx;
using NnGen.Tests.Infrastructure;
using NnGen.Tests.Onnx.TorchModels;
using NnGen.Tests.Weights;
using Xunit;

namespace NnGen.Tests.Onnx;

/// <summary>
/// [Network(Weights = "x.onnx")]: the generator reads torch's file at compile time (in this very build, through the
/// packaged Google.Protobuf beside it), so new N() predicts what torch predicted with no file at run time; a file
/// that does not fit is NNG0025 with the reader's message, a damaged one NNG0026.
/// </summary>
public sealed class OnnxBuildTimeWeightsTests : IDisposable
{
    private readonly WeightsHarness _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("batchnorm", typeof(EmbeddedBatchNorm), typeof(BatchNormNet))]
    [InlineData("layernorm", typeof(EmbeddedLayerNorm), typeof(LayerNormNet))]
    [InlineData("elu_selu_sigmoid", typeof(EmbeddedEluSeluSigmoid), typeof(EluSeluSigmoid))]
    public void An_embedded_torch_model_is_the_network_new_N_gives(string fixture, Type embedded, Type plain)
    {
        OnnxFixture model = OnnxFixtures.Get(fixture);
        var network = (IOnnxNetwork)Activator.CreateInstance(embedded)!;
        var loaded = (IOnnxNetwork)Activator.CreateInstance(plain, 0)!;
        loaded.LoadOnnx(model.Path);
        Assert.Equal(loaded.Parameters, network.Parameters);
        Assert.Equal(loaded.State, network.State);
        var outputs = new float[model.Outputs.Length];
        network.Predict(model.Inputs, outputs);
        for (int i = 0; i < outputs.Length; i++)
            Assert.True(Math.Abs(outputs[i] - model.Outputs[i]) <= 1e-5 + 1e-4 * Math.Abs(model.Outputs[i]),
                $"{fixture} output {i}: NnGen {outputs[i]:R}, torch {model.Outputs[i]:R}");
        // a seed still gives the fresh initialization
        Assert.NotEqual(loaded.Parameters, ((INetwork)Activator.CreateInstance(embedded, 0)!).Parameters);
    }

    [Fact]
    public void NNG0025_names_the_first_mismatch_of_another_networks_ONNX_file()
    {
        string source = MarkedSource.Parse(WeightsHarness.TinyNetwork).Text.Replace("tiny.nngen", "tiny.onnx", StringComparison.Ordinal);
        GeneratorRun run = WeightsHarness.Run(source, _files.Write("models/tiny.onnx", OnnxFixtures.Get("sigmoid231").Bytes));
        GeneratorAssert.DidNotCrash(run);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NNG0025", diagnostic.Id);
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(message.Contains("the graph's input has 2 features, the declaration 3", StringComparison.Ordinal), message);
    }

    [Fact]
    public void A_fitting_ONNX_file_is_embedded_and_an_unsupported_operator_is_NNG0025()
    {
        const string Declaration = """
            using NnGen;
            namespace Demo;

            [Network(Loss.MeanSquaredError, Weights = "models/m.onnx")]
            [Input(2)]
            [Dense(3, Activation.Sigmoid)]
            [Dense(1)]
            public partial class Net;
            """;
        byte[] bytes = OnnxFixtures.Get("sigmoid231").Bytes;
        GeneratorRun fits = WeightsHarness.Run(Declaration, _files.Write("models/m.onnx", bytes));
        GeneratorAssert.CompilesCleanly(fits);
        Assert.Contains("Demo.Net.Weights.g.cs", fits.GeneratedSources.Keys);

        var model = NnGen.Onnx.Proto.ModelProto.Parser.ParseFrom(bytes);
        foreach (var node in model.Graph.Node) if (node.OpType == "Sigmoid") node.OpType = "HardSigmoid";
        GeneratorRun unsupported = WeightsHarness.Run(Declaration, _files.Write("other/models/m.onnx", Google.Protobuf.MessageExtensions.ToByteArray(model)));
        Diagnostic diagnostic = Assert.Single(unsupported.GeneratorDiagnostics);
        Assert.Equal("NNG0025", diagnostic.Id);
        Assert.Contains("HardSigmoid", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
