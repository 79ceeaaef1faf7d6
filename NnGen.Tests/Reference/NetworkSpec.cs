using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace NnGen.Tests.Reference;

/// <summary>
/// One dense layer of a reference network: z = W a + b with W as [units][fanIn], then the activation.
/// <see cref="Alpha"/> is LeakyReLU's negative slope or ELU's alpha, already resolved (never NaN for those).
/// </summary>
public sealed record LayerSpec(int Units, Activation Activation, double Alpha);

/// <summary>
/// The shape of a dense network as the reference sees it. Parameter layout (DESIGN.md): per layer in order,
/// W[o * fanIn + i] then b[o].
/// </summary>
public sealed class NetworkSpec
{
    /// <summary>DESIGN.md's defaults, which are PyTorch's: LeakyReLU negative_slope 0.01, ELU alpha 1.0.</summary>
    public const double DefaultLeakyReLUAlpha = 0.01, DefaultEluAlpha = 1.0;

    public NetworkSpec(int inputSize, Loss loss, IReadOnlyList<LayerSpec> layers)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize));
        if (layers.Count == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        InputSize = inputSize;
        Loss = loss;
        Layers = layers;
        var weightOffsets = new int[layers.Count];
        int offset = 0, fanIn = inputSize;
        for (int l = 0; l < layers.Count; l++)
        {
            weightOffsets[l] = offset;
            offset += layers[l].Units * fanIn + layers[l].Units;
            fanIn = layers[l].Units;
        }
        _weightOffsets = weightOffsets;
        ParameterCount = offset;
    }

    private readonly int[] _weightOffsets;

    public int InputSize { get; }

    public Loss Loss { get; }

    public IReadOnlyList<LayerSpec> Layers { get; }

    public LayerSpec Output => Layers[Layers.Count - 1];

    public int OutputSize => Output.Units;

    public int ParameterCount { get; }

    public int FanIn(int layer) => layer == 0 ? InputSize : Layers[layer - 1].Units;

    public int WeightOffset(int layer) => _weightOffsets[layer];

    public int BiasOffset(int layer) => _weightOffsets[layer] + Layers[layer].Units * FanIn(layer);

    /// <summary>E.g. "3 -> 7 (Tanh) -> 3 (Identity), MeanSquaredError".</summary>
    public override string ToString()
        => string.Concat(InputSize.ToString(CultureInfo.InvariantCulture),
               string.Concat(Layers.Select(layer => $" -> {layer.Units} ({layer.Activation}{(double.IsNaN(layer.Alpha) ? "" : " " + layer.Alpha.ToString("R", CultureInfo.InvariantCulture))})")))
           + ", " + Loss;

    /// <summary>Resolves a declared Alpha (NaN when not set) to the value the activation uses.</summary>
    public static double ResolveAlpha(Activation activation, double declared) => activation switch
    {
        Activation.LeakyReLU => double.IsNaN(declared) ? DefaultLeakyReLUAlpha : declared,
        Activation.ELU => double.IsNaN(declared) ? DefaultEluAlpha : declared,
        _ => double.NaN,
    };

    /// <summary>
    /// Reads the declaration of a network class ([Network], [Input], [Dense]) by reflection. This reads what the
    /// user wrote, not what the generator made of it, so the reference stays independent of the generator.
    /// </summary>
    public static NetworkSpec FromAttributes(Type type)
    {
        NetworkAttribute network = type.GetCustomAttribute<NetworkAttribute>()
            ?? throw new ArgumentException($"{type} has no [Network].", nameof(type));
        InputAttribute input = type.GetCustomAttribute<InputAttribute>()
            ?? throw new ArgumentException($"{type} has no [Input].", nameof(type));
        // Custom attributes come back in metadata order, which is source order for the C# compiler;
        // the shape checks against the generated constants (InputSize, OutputSize, ParameterCount) back this up.
        LayerSpec[] layers = type.GetCustomAttributes<DenseAttribute>(inherit: false)
            .Select(d => new LayerSpec(d.Units, d.Activation, ResolveAlpha(d.Activation, d.Alpha)))
            .ToArray();
        return new NetworkSpec(input.Size, network.Loss, layers);
    }
}
