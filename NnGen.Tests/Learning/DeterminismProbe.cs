using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using NnGen.Internal;
using NnGen.Training;

namespace NnGen.Tests.Learning;

/// <summary>A network whose first layer (40 -> 24, 960 weights) runs on the dense kernels, with a 512-bit tail (40 = 2 * 16 + 8).</summary>
[Network(Loss.CategoricalCrossEntropy, Init = Init.HeNormal)]
[Input(40)]
[Dense(24, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
public partial class KernelProbeNet;

/// <summary>A network small enough to be unrolled gate by gate (its gates over vectors of samples, then scalar code for the tail).</summary>
[Network(Loss.CategoricalCrossEntropy, Init = Init.GlorotNormal)]
[Input(6)]
[Dense(8, Activation.Tanh)]
[Dense(5, Activation.Softmax)]
public partial class UnrolledProbeNet;

/// <summary>
/// Trains both probe networks with a fixed seed on synthetic data and describes the result as bit hashes, in this
/// process or in a child (mode "determinism", where the parent may switch vector instruction sets off).
/// </summary>
internal static class DeterminismProbe
{
    public const string Mode = "determinism";

    /// <summary>What this process can use, then "name=hash" of the parameters: initial, and after training, per network.</summary>
    public static string Describe()
    {
        string isa = $"Vector512={Vector512.IsHardwareAccelerated} Vector256={Vector256.IsHardwareAccelerated} Vector128={Vector128.IsHardwareAccelerated} Vector={Vector.IsHardwareAccelerated}/{Vector<float>.Count}";
        return string.Join(' ', isa,
            "init-kernel=" + Hash(new KernelProbeNet(seed: 3).Parameters),
            "init-unrolled=" + Hash(new UnrolledProbeNet(seed: 3).Parameters),
            "trained-kernel=" + Hash(Trained(new KernelProbeNet(seed: 3))),
            "inferred-unrolled=" + Inferred(new UnrolledProbeNet(seed: 3)),
            "trained-unrolled=" + Hash(Trained(new UnrolledProbeNet(seed: 3))),
            "small-batch-gradients=" + Hash(SmallBatchGradients(new UnrolledProbeNet(seed: 3))),
            "fused=" + Simd.Fused,
            "backward-kernels=" + Hash(BackwardProducts()));
    }

    /// <summary>
    /// The dense kernels' two backward products on seeded operands whose sizes leave tails at every width (13 rows,
    /// 45 columns, 37 units): one chain of multiply-adds per output in k order, the same at every width.
    /// </summary>
    private static float[] BackwardProducts()
    {
        const int n = 13, fanIn = 45, units = 37;
        var random = new SeededRandom(17);
        float[] Fill(int length)
        {
            var values = new float[length];
            for (int i = 0; i < length; i++) values[i] = (float)random.NextNormal();
            return values;
        }
        float[] dz = Fill(n * units), w = Fill(units * fanIn), x = Fill(n * fanIn);
        var dx = new float[n * fanIn];
        var gw = new float[units * fanIn];
        var gb = new float[units];
        DenseKernels.BackwardInput(dz, w, dx, n, fanIn, units);
        DenseKernels.AccumulateWeightGradients(dz, x, gw, gb, n, fanIn, units);
        return [.. dx, .. gw, .. gb];
    }

    /// <summary>Predict's outputs and ComputeLoss of a batch of 37 samples (vector blocks and a tail at every width), hashed.</summary>
    private static string Inferred(INetwork network)
    {
        var random = new SeededRandom(13);
        int n = 37;
        var inputs = new float[n * network.InputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)random.NextNormal();
        var targets = new float[n * network.OutputSize];
        for (int s = 0; s < n; s++) targets[s * network.OutputSize + random.NextInt(network.OutputSize)] = 1f;
        var outputs = new float[n * network.OutputSize + 1];
        network.Predict(inputs, outputs.AsSpan(0, n * network.OutputSize));
        outputs[^1] = network.ComputeLoss(inputs, targets);
        return Hash(outputs);
    }

    /// <summary>
    /// The gradients of batches of 1 to 4 samples, one after the other: at most one vector block at every width (4 lanes
    /// at 128 bits, 8 or 16 above), padded or scalar, and within one block the lanes sum in sample order, as the scalar code does.
    /// </summary>
    private static float[] SmallBatchGradients(INetwork network)
    {
        var random = new SeededRandom(19);
        var all = new System.Collections.Generic.List<float>();
        for (int n = 1; n <= 4; n++)
        {
            var inputs = new float[n * network.InputSize];
            for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)random.NextNormal();
            var targets = new float[n * network.OutputSize];
            for (int s = 0; s < n; s++) targets[s * network.OutputSize + random.NextInt(network.OutputSize)] = 1f;
            all.Add(network.ComputeGradients(inputs, targets));
            all.AddRange(network.Gradients);
        }
        return [.. all];
    }

    public static int Print()
    {
        Console.Out.WriteLine(Describe());
        return 0;
    }

    private static float[] Trained(INetwork network)
    {
        // Five classes around random centres, from the runtime's own generator (bit for bit the same everywhere).
        var random = new SeededRandom(11);
        int n = 200, inputs = network.InputSize, classes = network.OutputSize;
        var centres = new float[classes * inputs];
        for (int i = 0; i < centres.Length; i++) centres[i] = (float)random.NextNormal();
        var features = new float[n * inputs];
        var labels = new int[n];
        for (int s = 0; s < n; s++)
        {
            labels[s] = random.NextInt(classes);
            for (int i = 0; i < inputs; i++) features[s * inputs + i] = centres[labels[s] * inputs + i] + (float)(0.5 * random.NextNormal());
        }
        new Trainer(new TrainingOptions { Epochs = 4, BatchSize = 16, Seed = 5 })
            .Train(network, new Adam(3e-3f), Dataset.FromLabels(features, labels, inputs, classes));
        return network.Parameters;
    }

    private static string Hash(float[] values) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())))[..16];
}
