using System;
using System.Buffers.Binary;
using System.IO;
using NnGen.Internal;
using NnGen.Tests.Training;
using NnGen.Training;

namespace NnGen.Tests.ModelFiles;

internal static class ModelBytes
{
    public const int HeaderSize = 24;

    /// <summary>A network of <paramref name="name"/> with trained parameters and, where it has state, trained state.</summary>
    public static INetwork Trained(string name, int seed)
    {
        INetwork network = TestNetworks.Create(name, seed);
        var random = new SeededRandom(seed + 100);
        int n = 24;
        var features = new float[n * network.InputSize];
        var targets = new float[n * network.OutputSize];
        for (int i = 0; i < features.Length; i++) features[i] = (float)(1.5 * random.NextNormal() + 0.3);
        for (int i = 0; i < n; i++)
            if (network.OutputSize == 1) targets[i] = features[i * network.InputSize];
            else targets[i * network.OutputSize + random.NextInt(network.OutputSize)] = 1f;
        new Trainer(new TrainingOptions { Epochs = 3, BatchSize = 6, Seed = seed })
            .Train(network, new Sgd(0.05f), new Dataset(features, targets, network.InputSize, network.OutputSize));
        return network;
    }

    public static byte[] Save(INetwork network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }

    public static void LoadFrom(INetwork network, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        network.LoadFrom(stream);
    }

    /// <summary>Rewrites the closing CRC-32 so that only the edited header field is wrong.</summary>
    public static byte[] WithFixedChecksum(byte[] bytes)
    {
        byte[] copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), Crc32.Compute(copy.AsSpan(0, copy.Length - 4)));
        return copy;
    }

    /// <summary>The parameters then the state of a network as bits, to compare exactly (NaN included).</summary>
    public static int[] Snapshot(INetwork network) =>
        [.. TrainingData.Bits(network.Parameters), .. TrainingData.Bits(network.State)];
}

/// <summary>A fresh folder under the system's temporary folder, deleted at the end of the test.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nngen-modelfile-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Entries() => Array.ConvertAll(Directory.GetFileSystemEntries(Path), System.IO.Path.GetFileName)!;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
