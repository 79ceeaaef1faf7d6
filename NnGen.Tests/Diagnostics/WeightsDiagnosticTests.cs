using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NnGen.Tests.Infrastructure;
using NnGen.Tests.Weights;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>
/// NNG0024 to NNG0026 at the Weights argument: the file is not among the AdditionalFiles, holds another network, or is
/// damaged or unreadable. Each leaves no weights file generated and no crash; a sound file of the network is embedded.
/// </summary>
public sealed class WeightsDiagnosticTests : IDisposable
{
    private readonly WeightsHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static MarkedSource Marked(string id, string source = WeightsHarness.TinyNetwork) => MarkedSource.Parse(source.Replace("{|ID:", "{|" + id + ":", StringComparison.Ordinal));

    private static string Plain(string source = WeightsHarness.TinyNetwork) => MarkedSource.Parse(source).Text;

    /// <summary>Runs the network with the items, requires exactly the diagnostic marked and returns its message.</summary>
    private static string Reports(string id, string source, params AdditionalText[] texts)
    {
        MarkedSource marked = Marked(id, source);
        GeneratorRun run = WeightsHarness.Run(marked.Text, texts);
        GeneratorAssert.DidNotCrash(run);
        GeneratorAssert.ReportsExactly(run, new[] { marked }, allowedSource: name => !name.EndsWith(".Weights.g.cs", StringComparison.Ordinal));
        Assert.Contains("Demo.Net.g.cs", run.GeneratedSources.Keys);
        Assert.DoesNotContain(run.GeneratedSources.Keys, name => name.EndsWith(".Weights.g.cs", StringComparison.Ordinal));
        return Assert.Single(run.GeneratorDiagnostics).GetMessage(CultureInfo.InvariantCulture);
    }

    private static void Embeds(GeneratorRun run)
    {
        GeneratorAssert.CompilesCleanly(run);
        Assert.Equal(new[] { "Demo.Net.Weights.g.cs", "Demo.Net.g.cs" }, run.GeneratedSources.Keys.Where(name => !name.EndsWith(".Gpu.g.cs", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));
    }

    private static byte[] File(Action<PlainTinyNet>? change = null)
    {
        PlainTinyNet network = WeightsFixture.Network();
        change?.Invoke(network);
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void NNG0024_reported_when_the_file_is_not_among_the_AdditionalFiles()
    {
        string message = Reports("NNG0024", WeightsHarness.TinyNetwork, _files.Write("other/tiny.nngen", File()), _files.Write("models/tiny.nngen.bak.nngen", File()));
        Assert.Contains("<AdditionalFiles Include=\"models/tiny.nngen\" />", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0024_reported_for_a_name_that_ends_only_part_of_a_folder_name()
    {
        Reports("NNG0024", WeightsHarness.TinyNetwork, _files.Write("mymodels/tiny.nngen", File()));
    }

    [Fact]
    public void NNG0024_not_reported_when_the_path_ends_the_items_path_with_either_separator()
    {
        Embeds(WeightsHarness.Run(Plain(), _files.Write("models/tiny.nngen", File())));
        Embeds(WeightsHarness.Run(Plain().Replace("models/tiny.nngen", "./models\\\\tiny.nngen", StringComparison.Ordinal), _files.Write("models/tiny.nngen", File())));
    }

    [Fact]
    public void NNG0025_reported_for_a_file_of_another_shape()
    {
        string source = WeightsHarness.TinyNetwork.Replace("[Dense(2)]", "[Dense(3)]", StringComparison.Ordinal);
        string message = Reports("NNG0025", source, _files.Write("models/tiny.nngen", File()));
        Assert.Contains("holds another network than 'Demo.Net': its signature is", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0025_reported_for_a_file_with_the_signature_but_another_parameter_count()
    {
        using var stream = new MemoryStream();
        NnGen.Internal.ModelFile.Write(stream, PlainTinyNet.ModelSignature, new float[PlainTinyNet.ParameterCount - 1], new float[PlainTinyNet.StateCount]);
        string message = Reports("NNG0025", WeightsHarness.TinyNetwork, _files.Write("models/tiny.nngen", stream.ToArray()));
        Assert.Contains($"it has {PlainTinyNet.ParameterCount - 1} parameters but 'Demo.Net' has {PlainTinyNet.ParameterCount}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0025_not_reported_for_the_networks_own_file_saved_under_another_class_name()
    {
        GeneratorRun run = WeightsHarness.Run(Plain(), _files.Write("models/tiny.nngen", File()));
        Embeds(run);
        string weights = run.GeneratedSources["Demo.Net.Weights.g.cs"];
        // parameter 0 is -50/64 = -0.78125f, bits 0xBF480000
        Assert.Contains("0xBF480000u,", weights, StringComparison.Ordinal);
        Assert.Contains("public Net()", run.GeneratedSources["Demo.Net.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public Net(int seed)", run.GeneratedSources["Demo.Net.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0026_reported_for_a_truncated_file()
    {
        string message = Reports("NNG0026", WeightsHarness.TinyNetwork, _files.Write("models/tiny.nngen", File()[..100]));
        Assert.Contains("it is truncated (100 bytes of the 196", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0026_reported_for_a_corrupted_file()
    {
        byte[] bytes = File();
        bytes[50] ^= 0x10;
        Assert.Contains("CRC-32", Reports("NNG0026", WeightsHarness.TinyNetwork, _files.Write("models/tiny.nngen", bytes)), StringComparison.Ordinal);
        bytes = File();
        bytes[9] ^= 0x01; // in the signature: the checksum says so, not a wrong network
        Assert.Contains("CRC-32", Reports("NNG0026", WeightsHarness.TinyNetwork, _files.Write("models/tiny.nngen", bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0026_reported_for_bad_magic_an_IO_error_an_unknown_kind_and_a_damaged_ONNX_file()
    {
        byte[] bytes = File();
        bytes[0] = (byte)'X';
        Assert.Contains("'NNGN'", Reports("NNG0026", WeightsHarness.TinyNetwork, _files.Write("models/tiny.nngen", bytes)), StringComparison.Ordinal);
        Assert.Contains("reading '", Reports("NNG0026", WeightsHarness.TinyNetwork, _files.Missing("gone/models/tiny.nngen")), StringComparison.Ordinal);
        Assert.Contains(".nngen model files and .onnx files only",
            Reports("NNG0026", WeightsHarness.TinyNetwork.Replace("tiny.nngen", "tiny.bin", StringComparison.Ordinal), _files.Write("models/tiny.bin", File())), StringComparison.Ordinal);
        Assert.Contains("the file has no graph",
            Reports("NNG0026", WeightsHarness.TinyNetwork.Replace("tiny.nngen", "tiny.onnx", StringComparison.Ordinal), _files.Write("models/tiny.onnx", new byte[] { 8, 7 })), StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0026_not_reported_for_a_sound_file_and_none_without_Weights()
    {
        Embeds(WeightsHarness.Run(Plain(), _files.Write("models/tiny.nngen", File(n => n.State[0] = -3f))));
        GeneratorRun plain = WeightsHarness.Run(Plain().Replace(", Weights = \"models/tiny.nngen\"", "", StringComparison.Ordinal), _files.Write("models/tiny.nngen", new byte[] { 1, 2, 3 }));
        GeneratorAssert.CompilesCleanly(plain);
        Assert.DoesNotContain(plain.GeneratedSources.Keys, name => name.EndsWith(".Weights.g.cs", StringComparison.Ordinal));
        Assert.Contains("(int seed = 0)", plain.GeneratedSources["Demo.Net.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void NNG0020_reported_for_a_parameterless_constructor_beside_embedded_weights()
    {
        MarkedSource marked = MarkedSource.Parse(Plain().Replace("public partial class Net;", "public partial class Net\n{\n    public {|NNG0020:Net|}() { }\n}", StringComparison.Ordinal));
        GeneratorRun run = WeightsHarness.Run(marked.Text, _files.Write("models/tiny.nngen", File()));
        GeneratorAssert.ReportsExactly(run, new[] { marked });
    }
}
