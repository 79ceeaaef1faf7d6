using System;
using System.Linq;
using NnGen.Benchmarks;
using NnGen.Benchmarks.Baseline;
using Xunit;

namespace NnGen.Tests.Benchmarks;

/// <summary>
/// The benchmark suite compares NnGen's generated networks with a hand-written, runtime-shaped baseline; the ratio
/// means something only if both compute the same thing. These tests hold the baseline to the generated networks
/// (BaselineCheck: outputs, loss, gradients, optimizer steps, training steps) and the benchmark declarations to the
/// specs of ../shared/peers/torch_mlp.py. No timing here: speed is measured in NnGen.Benchmarks only.
/// </summary>
public sealed class BaselineMatchesGeneratedTests
{
    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        foreach (NetSpec spec in NetSpecs.All) data.Add(spec.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Baseline_computes_what_the_generated_network_computes(string network)
    {
        var results = BaselineCheck.Run(NetSpecs.Get(network));
        Assert.NotEmpty(results);
        string[] failures = results.Where(r => !r.Passed).Select(r => r.ToString()).ToArray();
        Assert.True(failures.Length == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Generated_network_and_baseline_have_the_specified_shape(string network)
    {
        NetSpec spec = NetSpecs.Get(network);
        INetwork net = network switch
        {
            "seed231" => Seed231Model.Create(0).Network,
            "toy42" => Toy42Model.Create(0).Network,
            "xor" => XorModel.Create(0).Network,
            "mnist128" => Mnist128Model.Create(0).Network,
            _ => FashionModel.Create(0).Network,
        };
        var baseline = new BaselineMlp(spec);

        Assert.Equal(spec.InputSize, net.InputSize);
        Assert.Equal(spec.OutputSize, net.OutputSize);
        Assert.Equal(spec.ParameterCount, net.ParameterCount);
        Assert.Equal(spec.ParameterCount, baseline.ParameterCount);
        Assert.Equal(spec.Sizes.Count - 1, baseline.Layers.Count);
        for (int l = 0; l < baseline.Layers.Count; l++)
        {
            Assert.Equal(spec.Sizes[l], baseline.Layers[l].FanIn);
            Assert.Equal(spec.Sizes[l + 1], baseline.Layers[l].Units);
            Assert.Equal(spec.ActivationOf(l), baseline.Layers[l].Activation);
        }
    }

    [Fact]
    public void Specs_are_those_of_the_PyTorch_peer()
    {
        // ../shared/peers/torch_mlp.py, NETS: sizes, hidden/output activation, loss, optimizer, lr, batch.
        Assert.Equal(new[] { "seed231", "toy42", "xor", "mnist128", "fashion" }, NetSpecs.All.Select(s => s.Name));
        AssertSpec(NetSpecs.Seed231, new[] { 2, 3, 1 }, Activation.Sigmoid, Activation.Identity, Loss.MeanSquaredError, OptimizerKind.Sgd, 0.1f, 4);
        AssertSpec(NetSpecs.Toy42, new[] { 4, 2 }, null, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Sgd, 0.01f, 4);
        AssertSpec(NetSpecs.Xor, new[] { 2, 4, 1 }, Activation.Tanh, Activation.Sigmoid, Loss.BinaryCrossEntropy, OptimizerKind.Sgd, 0.5f, 4);
        AssertSpec(NetSpecs.Mnist128, new[] { 784, 128, 10 }, Activation.ReLU, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Adam, 1e-3f, 64);
        AssertSpec(NetSpecs.Fashion, new[] { 784, 256, 128, 100, 10 }, Activation.ReLU, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Adam, 1e-3f, 128);
    }

    [Theory]
    [InlineData("seed231", 256)]
    [InlineData("toy42", 8)]
    [InlineData("xor", 4)]
    [InlineData("mnist128", 8192)]
    public void Data_sets_have_the_peer_shapes_and_gather_rows(string network, int rows)
    {
        NetSpec spec = NetSpecs.Get(network);
        BenchData data = BenchData.For(spec);
        Assert.Equal(rows, data.Count);
        Assert.Equal(rows * spec.InputSize, data.Inputs.Length);
        Assert.Equal(rows * spec.OutputSize, data.Targets.Length);

        var x = new float[2 * spec.InputSize];
        var t = new float[2 * spec.OutputSize];
        data.Gather(new[] { rows - 1, 0 }, x, t);
        Assert.Equal(data.Inputs.AsSpan((rows - 1) * spec.InputSize, spec.InputSize).ToArray(), x.AsSpan(0, spec.InputSize).ToArray());
        Assert.Equal(data.Targets.AsSpan(0, spec.OutputSize).ToArray(), t.AsSpan(spec.OutputSize, spec.OutputSize).ToArray());
    }

    private static void AssertSpec(NetSpec spec, int[] sizes, Activation? hidden, Activation output, Loss loss, OptimizerKind optimizer, float lr, int batch)
    {
        Assert.Equal(sizes, spec.Sizes);
        if (hidden is { } h) Assert.Equal(h, spec.Hidden);
        Assert.Equal(output, spec.Output);
        Assert.Equal(loss, spec.Loss);
        Assert.Equal(optimizer, spec.Optimizer);
        Assert.Equal(lr, spec.LearningRate);
        Assert.Equal(batch, spec.Batch);
    }
}
