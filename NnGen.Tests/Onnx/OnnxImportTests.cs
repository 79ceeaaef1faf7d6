using System;
using System.IO;
using System.Linq;
using Google.Protobuf;
using NnGen.Onnx;
using NnGen.Onnx.Proto;
using NnGen.Tests.Onnx.TorchModels;
using Xunit;

namespace NnGen.Tests.Onnx;

/// <summary>
/// Models exported by torch.onnx.export (Onnx/Fixtures, from torch_onnx_fixtures.py with Debian's python3-torch 1.13):
/// imported networks predict what torch predicted; a file that does not fit its declaration throws an
/// <see cref="OnnxImportException"/> naming the first mismatch, and leaves the network as it was.
/// </summary>
public sealed class OnnxImportTests
{
    [Theory]
    [InlineData("sigmoid231", typeof(Sigmoid231))]
    [InlineData("relu_softmax", typeof(ReluSoftmax))]
    [InlineData("tanh_leaky", typeof(TanhLeaky))]
    [InlineData("elu_selu_sigmoid", typeof(EluSeluSigmoid))]
    [InlineData("batchnorm", typeof(BatchNormNet))]
    [InlineData("layernorm", typeof(LayerNormNet))]
    [InlineData("wide_relu", typeof(WideRelu))]
    [InlineData("dropout", typeof(DropoutNet))]
    public void An_imported_torch_model_predicts_what_torch_predicted(string fixture, Type type)
    {
        OnnxFixture model = OnnxFixtures.Get(fixture);
        var network = (IOnnxNetwork)Activator.CreateInstance(type, 0)!;
        network.LoadOnnx(model.Path);
        var outputs = new float[model.Outputs.Length];
        network.Predict(model.Inputs, outputs);
        for (int i = 0; i < outputs.Length; i++)
            Assert.True(Math.Abs(outputs[i] - model.Outputs[i]) <= 1e-5 + 1e-4 * Math.Abs(model.Outputs[i]),
                $"{fixture} output {i}: NnGen {outputs[i]:R}, torch {model.Outputs[i]:R}");
    }

    [Fact]
    public void FromOnnx_reads_a_stream_and_a_path_alike()
    {
        OnnxFixture model = OnnxFixtures.Get("relu_softmax");
        ReluSoftmax fromPath = ReluSoftmax.FromOnnx(model.Path);
        ReluSoftmax fromStream = ReluSoftmax.FromOnnx(new MemoryStream(model.Bytes));
        Assert.Equal(fromPath.Parameters, fromStream.Parameters);
        Assert.NotEqual(new ReluSoftmax().Parameters, fromPath.Parameters);
    }

    [Theory]
    [InlineData("sigmoid231", typeof(Sigmoid231OneLayerMore), "the file has 2 layers, the declaration more")]
    [InlineData("sigmoid231", typeof(Sigmoid231OneLayerLess), "the file has more layers than the declaration's 1")]
    [InlineData("sigmoid231", typeof(Sigmoid241), "the file's layer 1 maps 2 -> 3, the declaration 2 -> 4")]
    [InlineData("sigmoid231", typeof(Sigmoid331), "the graph's input has 2 features, the declaration 3")]
    [InlineData("sigmoid231", typeof(Relu231), "the file applies Sigmoid")]
    [InlineData("sigmoid231", typeof(Identity231), "the declaration no activation")]
    [InlineData("sigmoid231", typeof(Sigmoid231SigmoidOut), "the file applies nothing after it, the declaration Sigmoid")]
    [InlineData("tanh_leaky", typeof(TanhLeakyDefaultSlope), "has alpha 0.2, the declaration 0.01")]
    [InlineData("batchnorm", typeof(BatchNormOtherEpsilon), "the file's epsilon is 1E-05, the declaration's 0.001")]
    [InlineData("batchnorm", typeof(LayerNormInsteadOfBatchNorm), "the file has BatchNormalization")]
    public void Another_networks_file_names_the_first_mismatch_and_changes_nothing(string fixture, Type type, string expected)
    {
        var network = (IOnnxNetwork)Activator.CreateInstance(type, 3)!;
        float[] before = network.Parameters.ToArray(), stateBefore = network.State.ToArray();
        var error = Assert.Throws<OnnxImportException>(() => network.LoadOnnx(OnnxFixtures.Get(fixture).Path));
        Assert.Contains(expected, error.Message);
        Assert.Equal(OnnxProblem.Mismatch, error.Problem);
        Assert.Equal(before, network.Parameters);
        Assert.Equal(stateBefore, network.State);
    }

    [Fact]
    public void A_transposed_weight_is_named_as_such()
    {
        ModelProto model = ModelProto.Parser.ParseFrom(OnnxFixtures.Get("sigmoid231").Bytes);
        NodeProto gemm = model.Graph.Node.First(n => n.OpType == "Gemm");
        gemm.Attribute.Single(a => a.Name == "transB").I = 0;   // the [3, 2] weight now reads as [fanIn, units]
        var error = Assert.Throws<OnnxImportException>(() => new Sigmoid231().LoadOnnx(new MemoryStream(model.ToByteArray())));
        Assert.Contains("the weight is transposed: [3, 2] where Gemm with transB 0 needs [2, 3]", error.Message);
    }

    [Fact]
    public void An_unsupported_operator_is_named()
    {
        ModelProto model = ModelProto.Parser.ParseFrom(OnnxFixtures.Get("sigmoid231").Bytes);
        model.Graph.Node.First(n => n.OpType == "Sigmoid").OpType = "Softsign";
        var error = Assert.Throws<OnnxImportException>(() => new Sigmoid231().LoadOnnx(new MemoryStream(model.ToByteArray())));
        Assert.Contains("Softsign", error.Message);
        Assert.Equal(OnnxProblem.Unsupported, error.Problem);
    }

    /// <summary>tf2onnx writes a Keras Dense layer as MatMul by a [fanIn][units] kernel, then Add of the bias.</summary>
    [Fact]
    public void A_MatMul_and_Add_graph_reads_its_kernel_transposed()
    {
        var source = new Sigmoid231(seed: 4);
        var graph = new GraphProto { Name = "keras" };
        graph.Input.Add(new ValueInfoProto { Name = "dense_input" });
        graph.Output.Add(new ValueInfoProto { Name = "out" });
        string current = "dense_input";
        int offset = 0;
        foreach ((int fanIn, int units, string? activation) in new[] { (2, 3, "Sigmoid"), (3, 1, (string?)null) })
        {
            var kernel = new float[fanIn * units];
            for (int o = 0; o < units; o++)
                for (int i = 0; i < fanIn; i++)
                    kernel[i * units + o] = source.Parameters[offset + o * fanIn + i];
            string name = $"dense{offset}";
            graph.Initializer.Add(Tensor(name + "/kernel", kernel, fanIn, units));
            graph.Initializer.Add(Tensor(name + "/bias", source.Parameters.AsSpan(offset + fanIn * units, units).ToArray(), units));
            graph.Node.Add(Node("MatMul", [current, name + "/kernel"], name + "/MatMul"));
            graph.Node.Add(Node("Add", [name + "/MatMul", name + "/bias"], name + "/BiasAdd"));
            current = name + "/BiasAdd";
            if (activation is not null)
            {
                graph.Node.Add(Node(activation, [current], name + "/act"));
                current = name + "/act";
            }
            offset += fanIn * units + units;
        }
        graph.Node[^1].Output[0] = "out";
        var model = new ModelProto { IrVersion = 7, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 13 });

        var imported = new Sigmoid231(seed: 9);
        imported.LoadOnnx(new MemoryStream(model.ToByteArray()));
        Assert.Equal(source.Parameters, imported.Parameters);
    }

    /// <summary>Every prefix of a model and every byte of it flipped: a file is read or refused with an OnnxImportException, nothing else, and a refusal changes nothing.</summary>
    [Fact]
    public void A_truncated_or_corrupted_file_is_refused_with_an_OnnxImportException_and_changes_nothing()
    {
        byte[] bytes = OnnxFixtures.Get("sigmoid231").Bytes;
        var network = new Sigmoid231(seed: 2);
        float[] before = network.Parameters.ToArray();
        int refused = 0;
        for (int length = 0; length < bytes.Length; length++)
            refused += Refuses(network, bytes.AsSpan(0, length).ToArray(), before);
        Assert.True(refused >= bytes.Length - 8, $"only {refused} of {bytes.Length} prefixes refused");
        for (int i = 0; i < bytes.Length; i++)
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] flipped = bytes.ToArray();
                flipped[i] ^= mask;
                Refuses(network, flipped, before);
                network.Parameters.AsSpan().CopyTo(before);
            }
    }

    private static int Refuses(Sigmoid231 network, byte[] bytes, float[] before)
    {
        try
        {
            network.LoadOnnx(new MemoryStream(bytes));
            return 0;
        }
        catch (OnnxImportException)
        {
            Assert.Equal(before, network.Parameters);
            return 1;
        }
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }
}
