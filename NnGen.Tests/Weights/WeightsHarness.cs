extern alias NnGenGenerator;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NnGenGenerator::NnGen.Generator;
using NnGen.Tests.Infrastructure;

namespace NnGen.Tests.Weights;

/// <summary>
/// An AdditionalFiles item as the compiler hands it over, but whose text may not be asked for: the generator reads
/// weights files by path, since a binary file has no text (asking would fail the test).
/// </summary>
internal sealed class BinaryAdditionalText : AdditionalText
{
    public BinaryAdditionalText(string path) => Path = path;

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default)
        => throw new InvalidOperationException($"NnGen asked for the text of the binary additional file {Path}.");
}

/// <summary>Runs the generator with additional files written to a folder of their own under the temporary folder.</summary>
internal sealed class WeightsHarness : IDisposable
{
    /// <summary>The shape of <see cref="PlainTinyNet"/> (whose file <see cref="WeightsFixture.Bytes"/> writes), with Weights = "{0}".</summary>
    public const string TinyNetwork = """
        using NnGen;
        namespace Demo;

        [Network(Loss.MeanSquaredError, {|ID:Weights = "models/tiny.nngen"|})]
        [Input(3)]
        [Dense(4, Activation.Tanh)]
        [BatchNorm]
        [Dropout(0.25f)]
        [Dense(2)]
        public partial class Net;
        """;

    public WeightsHarness() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nngen-weights-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="bytes"/> to the relative <paramref name="path"/> and returns the item listing it.</summary>
    public AdditionalText Write(string path, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Folder, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return new BinaryAdditionalText(full);
    }

    /// <summary>An item for a file that does not exist.</summary>
    public AdditionalText Missing(string path) => new BinaryAdditionalText(System.IO.Path.Combine(Folder, path));

    public static GeneratorDriver CreateDriver(params AdditionalText[] texts)
        => CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            additionalTexts: ImmutableArray.Create(texts),
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, params AdditionalText[] texts)
        => GeneratorHarness.Run(CreateDriver(texts), GeneratorHarness.CreateCompilation(source));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
