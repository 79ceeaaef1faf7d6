using System;
using System.IO;
using NnGen.Tests.Training.Networks;

namespace NnGen.Tests.Training;

/// <summary>
/// The training and model-file tests' networks (declared in Networks.cs) by name, with the generated static and
/// per-network members (Load, Save(path), ModelSignature) reached through one switch, without reflection.
/// </summary>
internal static class TestNetworks
{
    public static INetwork BlobNet(int seed = 0) => new BlobNet(seed);
    public static INetwork DropoutBlobNet(int seed = 0) => new DropoutBlobNet(seed);
    public static INetwork LineNet(int seed = 0) => new LineNet(seed);
    public static INetwork BatchNormLineNet(int seed = 0) => new BatchNormLineNet(seed);
    public static INetwork TinyFileNet(int seed = 0) => new TinyFileNet(seed);
    public static INetwork TinyFileNetSigmoid(int seed = 0) => new TinyFileNetSigmoid(seed);
    public static INetwork BatchNormFileNet(int seed = 0) => new BatchNormFileNet(seed);

    /// <summary>A new instance of the network <paramref name="name"/>, its parameters initialized from <paramref name="seed"/>.</summary>
    public static INetwork Create(string name, int seed = 0) => name switch
    {
        nameof(Networks.BlobNet) => BlobNet(seed),
        nameof(Networks.DropoutBlobNet) => DropoutBlobNet(seed),
        nameof(Networks.LineNet) => LineNet(seed),
        nameof(Networks.BatchNormLineNet) => BatchNormLineNet(seed),
        nameof(Networks.TinyFileNet) => TinyFileNet(seed),
        nameof(Networks.TinyFileNetSigmoid) => TinyFileNetSigmoid(seed),
        nameof(Networks.BatchNormFileNet) => BatchNormFileNet(seed),
        _ => throw new ArgumentException($"No test network is named {name}.", nameof(name)),
    };

    /// <summary>The generated <c>ModelSignature</c> constant.</summary>
    public static ulong Signature(INetwork network) => network switch
    {
        Networks.BlobNet => Networks.BlobNet.ModelSignature,
        Networks.DropoutBlobNet => Networks.DropoutBlobNet.ModelSignature,
        Networks.LineNet => Networks.LineNet.ModelSignature,
        Networks.BatchNormLineNet => Networks.BatchNormLineNet.ModelSignature,
        Networks.TinyFileNet => Networks.TinyFileNet.ModelSignature,
        Networks.TinyFileNetSigmoid => Networks.TinyFileNetSigmoid.ModelSignature,
        Networks.BatchNormFileNet => Networks.BatchNormFileNet.ModelSignature,
        _ => throw new ArgumentException("Not a test network.", nameof(network)),
    };

    /// <summary>The generated <c>Save(string path)</c>.</summary>
    public static void Save(INetwork network, string path)
    {
        switch (network)
        {
            case Networks.BlobNet n: n.Save(path); break;
            case Networks.DropoutBlobNet n: n.Save(path); break;
            case Networks.LineNet n: n.Save(path); break;
            case Networks.BatchNormLineNet n: n.Save(path); break;
            case Networks.TinyFileNet n: n.Save(path); break;
            case Networks.TinyFileNetSigmoid n: n.Save(path); break;
            case Networks.BatchNormFileNet n: n.Save(path); break;
            default: throw new ArgumentException("Not a test network.", nameof(network));
        }
    }

    /// <summary>The generated <c>LoadFrom(string path)</c>.</summary>
    public static void LoadFrom(INetwork network, string path)
    {
        using var file = File.OpenRead(path);
        network.LoadFrom(file);
    }

    /// <summary>The generated static <c>Load(Stream)</c>.</summary>
    public static INetwork Load(string name, Stream stream) => name switch
    {
        nameof(Networks.BlobNet) => Networks.BlobNet.Load(stream),
        nameof(Networks.DropoutBlobNet) => Networks.DropoutBlobNet.Load(stream),
        nameof(Networks.LineNet) => Networks.LineNet.Load(stream),
        nameof(Networks.BatchNormLineNet) => Networks.BatchNormLineNet.Load(stream),
        nameof(Networks.TinyFileNet) => Networks.TinyFileNet.Load(stream),
        nameof(Networks.TinyFileNetSigmoid) => Networks.TinyFileNetSigmoid.Load(stream),
        nameof(Networks.BatchNormFileNet) => Networks.BatchNormFileNet.Load(stream),
        _ => throw new ArgumentException($"No test network is named {name}.", nameof(name)),
    };

    /// <summary>The generated static <c>Load(string path)</c>.</summary>
    public static INetwork Load(string name, string path) => name switch
    {
        nameof(Networks.BlobNet) => Networks.BlobNet.Load(path),
        nameof(Networks.DropoutBlobNet) => Networks.DropoutBlobNet.Load(path),
        nameof(Networks.LineNet) => Networks.LineNet.Load(path),
        nameof(Networks.BatchNormLineNet) => Networks.BatchNormLineNet.Load(path),
        nameof(Networks.TinyFileNet) => Networks.TinyFileNet.Load(path),
        nameof(Networks.TinyFileNetSigmoid) => Networks.TinyFileNetSigmoid.Load(path),
        nameof(Networks.BatchNormFileNet) => Networks.BatchNormFileNet.Load(path),
        _ => throw new ArgumentException($"No test network is named {name}.", nameof(name)),
    };
}
