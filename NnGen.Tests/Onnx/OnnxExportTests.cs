using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NnGen.Onnx;
using NnGen.Tests.GradientChecks;
using Xunit;

namespace NnGen.Tests.Onnx;

/// <summary>
/// Every catalog network (every activation, loss, shape, both code shapes, BatchNorm, LayerNorm, maxout, dropout,
/// noise and penalties) exported to ONNX and run in ONNX Runtime predicts what Predict predicts, to float tolerance.
/// </summary>
public sealed class OnnxExportTests
{
    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        foreach (NetworkCase network in NetworkCatalog.All) data.Add(network.Type.FullName!);
        foreach (LayeredCase network in LayeredCatalog.All) data.Add(network.Type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Onnx_runtime_predicts_what_Predict_predicts(string typeName)
    {
        IOnnxNetwork network = Perturbed(typeName, seed: 11);
        byte[] model = OnnxRuntimeRunner.Export(network);
        foreach (int samples in new[] { 1, 7 })
        {
            float[] inputs = RandomValues(samples * network.InputSize, seed: samples, scale: 2f);
            var expected = new float[samples * network.OutputSize];
            network.Predict(inputs, expected);
            float[] actual = OnnxRuntimeRunner.Run(model, inputs, samples, network.InputSize);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                double tolerance = 1e-5 + 1e-4 * Math.Abs(expected[i]);
                Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance,
                    $"{typeName}, batch {samples}, output {i}: ONNX Runtime {actual[i]:R}, Predict {expected[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void An_exported_model_loads_back_bit_for_bit(string typeName)
    {
        IOnnxNetwork network = Perturbed(typeName, seed: 12);
        byte[] model = OnnxRuntimeRunner.Export(network);
        IOnnxNetwork loaded = Create(typeName, seed: 99);
        loaded.LoadOnnx(new MemoryStream(model));
        Assert.Equal(network.Parameters, loaded.Parameters);
        Assert.Equal(network.State, loaded.State);
    }

    [Fact]
    public void Export_to_a_path_writes_the_file_and_leaves_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("nngen-onnx-").FullName;
        try
        {
            IOnnxNetwork network = Perturbed(typeof(GradientChecks.Networks.Torch231SigmoidMse).FullName!, seed: 3);
            string path = Path.Combine(folder, "seed231.onnx");
            network.ExportOnnx(path);
            Assert.Equal(OnnxRuntimeRunner.Export(network), File.ReadAllBytes(path));
            Assert.Equal(new[] { "seed231.onnx" }, Directory.GetFiles(folder).Select(Path.GetFileName));
            IOnnxNetwork loaded = Create(typeof(GradientChecks.Networks.Torch231SigmoidMse).FullName!, seed: 5);
            loaded.LoadOnnx(path);
            Assert.Equal(network.Parameters, loaded.Parameters);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A catalog network whose parameters and state are all away from their initial values (gamma not 1, running variances not 1).</summary>
    internal static IOnnxNetwork Perturbed(string typeName, int seed)
    {
        IOnnxNetwork network = Create(typeName, seed);
        float[] noise = RandomValues(network.Parameters.Length, seed + 1000, scale: 0.3f);
        for (int i = 0; i < noise.Length; i++) network.Parameters[i] += noise[i];
        float[] state = RandomValues(network.State.Length, seed + 2000, scale: 0.5f);
        // BatchNorm's state is mean then variance per layer; a positive value everywhere keeps every variance valid
        for (int i = 0; i < state.Length; i++) network.State[i] = 1f + state[i];
        return network;
    }

    internal static IOnnxNetwork Create(string typeName, int seed)
    {
        Type type = typeof(OnnxExportTests).Assembly.GetType(typeName, throwOnError: true)!;
        return (IOnnxNetwork)Activator.CreateInstance(type, seed)!;
    }

    internal static float[] RandomValues(int count, int seed, float scale)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        return values;
    }
}
