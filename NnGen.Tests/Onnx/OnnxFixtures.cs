using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NnGen.Tests.Onnx;

/// <summary>One model of Onnx/Fixtures, written by torch_onnx_fixtures.py: its file, inputs and what torch predicted.</summary>
public sealed record OnnxFixture(string Name, int Opset, string File, int Samples, float[] Inputs, float[] Outputs)
{
    public string Path => System.IO.Path.Combine(OnnxFixtures.Folder, File);

    public byte[] Bytes => System.IO.File.ReadAllBytes(Path);
}

public static class OnnxFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Onnx", "Fixtures");

    private static readonly Lazy<OnnxFixture[]> All = new(() =>
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "torch_onnx_fixtures.json")));
        return document.RootElement.GetProperty("fixtures").EnumerateArray().Select(f => new OnnxFixture(
            f.GetProperty("name").GetString()!,
            f.GetProperty("opset").GetInt32(),
            f.GetProperty("file").GetString()!,
            f.GetProperty("samples").GetInt32(),
            f.GetProperty("inputs").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray(),
            f.GetProperty("outputs").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray())).ToArray();
    });

    public static OnnxFixture Get(string name) => All.Value.Single(f => f.Name == name);
}
