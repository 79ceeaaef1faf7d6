using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace NnGen.Tests.Reference;

/// <summary>The layer kinds of README's "Declaring a network".</summary>
public enum LayeredKind
{
    Dense,
    BatchNorm,
    LayerNorm,
    Dropout,
    GaussianNoise,
    Maxout,
}

/// <summary>
/// One layer of a <see cref="LayeredSpec"/>, with every option resolved to the value the declaration means
/// (float attribute values taken exactly as doubles). Dense: z = W a + b then <see cref="Activation"/>, with its
/// own <see cref="L1"/>/<see cref="L2"/> (the layer's if it wrote them, else the network's). BatchNorm and
/// LayerNorm: gamma * xhat + beta, then the activation. Dropout: <see cref="Rate"/> is the drop probability;
/// GaussianNoise: <see cref="Rate"/> is the standard deviation. <see cref="Alpha"/> is resolved
/// (<see cref="NetworkSpec.ResolveAlpha"/>).
/// </summary>
public sealed record LayeredLayer(
    LayeredKind Kind,
    int Units,
    Activation Activation,
    double Alpha,
    double L1 = 0,
    double L2 = 0,
    double Rate = 0,
    double Momentum = 0,
    double Epsilon = 0,
    int Pieces = 0)
{
    /// <summary>
    /// Maxout (Goodfellow et al. 2013), as README defines it: an affine map to units * pieces values h = W a + b (W
    /// [units * pieces][fanIn], PyTorch's nn.Linear(fanIn, units * pieces)), then unit u = max of h[u * pieces + k]
    /// over k, the pieces of a unit consecutive.
    /// </summary>
    public static LayeredLayer Maxout(int units, int pieces) => new(LayeredKind.Maxout, units, Activation.Identity, double.NaN, Pieces: pieces);

    /// <summary>The rows of the layer's W and the length of its bias: units * pieces for Maxout, units for Dense.</summary>
    public int Rows => Kind == LayeredKind.Maxout ? Units * Pieces : Units;

    public static LayeredLayer Dense(int units, Activation activation = Activation.Identity, double alpha = double.NaN, double l1 = 0, double l2 = 0)
        => new(LayeredKind.Dense, units, activation, NetworkSpec.ResolveAlpha(activation, alpha), l1, l2);

    public bool HasParameters => Kind is LayeredKind.Dense or LayeredKind.BatchNorm or LayeredKind.LayerNorm or LayeredKind.Maxout;

    public override string ToString()
    {
        string act = Activation == Activation.Identity ? "" : " " + Activation + (double.IsNaN(Alpha) ? "" : " " + Num(Alpha));
        return Kind switch
        {
            LayeredKind.Dense => $"Dense({Units}{act}{(L1 != 0 ? " L1 " + Num(L1) : "")}{(L2 != 0 ? " L2 " + Num(L2) : "")})",
            LayeredKind.BatchNorm => $"BatchNorm({Units}{act} momentum {Num(Momentum)} eps {Num(Epsilon)})",
            LayeredKind.LayerNorm => $"LayerNorm({Units}{act} eps {Num(Epsilon)})",
            LayeredKind.Dropout => $"Dropout({Num(Rate)})",
            LayeredKind.Maxout => $"Maxout({Units} x {Pieces})",
            _ => $"GaussianNoise({Num(Rate)})",
        };
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A network of any of the declared layer kinds, as the reference sees it. Parameter layout (README): per layer
/// in order, Dense W[o * fanIn + i] then b[o]; BatchNorm and LayerNorm gamma[units] then beta[units]. State: per
/// BatchNorm layer in order, its running mean[units] then its running variance[units].
/// </summary>
public sealed class LayeredSpec
{
    /// <summary>README's defaults: BatchNorm Momentum 0.1, Epsilon 1e-5 (the float values the attributes hold).</summary>
    public const float DefaultMomentum = 0.1f, DefaultEpsilon = 1e-5f;

    private readonly int[] _parameterOffsets, _stateOffsets;

    public LayeredSpec(int inputSize, Loss loss, IReadOnlyList<LayeredLayer> layers)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize));
        if (layers.Count == 0 || layers[^1].Kind != LayeredKind.Dense) throw new ArgumentException("A network ends with a Dense layer.", nameof(layers));
        InputSize = inputSize;
        Loss = loss;
        Layers = layers;
        _parameterOffsets = new int[layers.Count];
        _stateOffsets = new int[layers.Count];
        int parameters = 0, state = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Kind is not (LayeredKind.Dense or LayeredKind.Maxout) && layers[l].Units != FanIn(l))
                throw new ArgumentException($"Layer {l} ({layers[l].Kind}) must keep the width {FanIn(l)}.", nameof(layers));
            _parameterOffsets[l] = parameters;
            _stateOffsets[l] = state;
            parameters += layers[l].Kind switch
            {
                LayeredKind.Dense or LayeredKind.Maxout => layers[l].Rows * FanIn(l) + layers[l].Rows,
                LayeredKind.BatchNorm or LayeredKind.LayerNorm => 2 * layers[l].Units,
                _ => 0,
            };
            if (layers[l].Kind == LayeredKind.BatchNorm) state += 2 * layers[l].Units;
        }
        ParameterCount = parameters;
        StateCount = state;
    }

    public int InputSize { get; }

    public Loss Loss { get; }

    public IReadOnlyList<LayeredLayer> Layers { get; }

    public LayeredLayer Output => Layers[^1];

    public int OutputSize => Output.Units;

    public int ParameterCount { get; }

    public int StateCount { get; }

    public int FanIn(int layer) => layer == 0 ? InputSize : Layers[layer - 1].Units;

    /// <summary>Dense: W; normalizations: gamma.</summary>
    public int WeightOffset(int layer) => _parameterOffsets[layer];

    /// <summary>Dense and Maxout: b; normalizations: beta.</summary>
    public int BiasOffset(int layer) => _parameterOffsets[layer] + (Layers[layer].Kind is LayeredKind.Dense or LayeredKind.Maxout ? Layers[layer].Rows * FanIn(layer) : Layers[layer].Units);

    /// <summary>One past the layer's last parameter.</summary>
    public int ParameterEnd(int layer) => BiasOffset(layer) + (Layers[layer].HasParameters ? Layers[layer].Rows : 0);

    /// <summary>BatchNorm: its running mean; the running variance follows.</summary>
    public int StateOffset(int layer) => _stateOffsets[layer];

    public bool HasPenalty => Layers.Any(l => l.Kind == LayeredKind.Dense && (l.L1 != 0 || l.L2 != 0));

    public bool HasBatchNorm => Layers.Any(l => l.Kind == LayeredKind.BatchNorm);

    /// <summary>The layer that owns parameter <paramref name="index"/>.</summary>
    public int LayerOfParameter(int index)
    {
        for (int l = Layers.Count - 1; l >= 0; l--)
            if (Layers[l].HasParameters && index >= _parameterOffsets[l]) return l;
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>The initial state of a new network: running means 0, running variances 1 (README).</summary>
    public double[] InitialState()
    {
        double[] state = new double[StateCount];
        for (int l = 0; l < Layers.Count; l++)
            if (Layers[l].Kind == LayeredKind.BatchNorm) state.AsSpan(StateOffset(l) + Layers[l].Units, Layers[l].Units).Fill(1.0);
        return state;
    }

    /// <summary>E.g. "5 -> Dense(7) -> BatchNorm(7 Tanh momentum 0.1 eps 1E-05) -> Dense(3), MeanSquaredError".</summary>
    public override string ToString()
        => InputSize.ToString(CultureInfo.InvariantCulture) + string.Concat(Layers.Select(l => " -> " + l)) + ", " + Loss;

    /// <summary>
    /// Reads the declaration of a network class by reflection over its attribute data, in declaration order
    /// (C# emits a class's attributes in source order; the generated ParameterCount and StateCount back this up
    /// in the tests). It reads what the user wrote, including whether a [Dense] named its own L1 or L2, so the
    /// reference stays independent of the generator.
    /// </summary>
    public static LayeredSpec FromAttributes(Type type)
    {
        IList<CustomAttributeData> attributes = type.GetCustomAttributesData();
        CustomAttributeData network = attributes.Single(a => a.AttributeType == typeof(NetworkAttribute));
        CustomAttributeData input = attributes.Single(a => a.AttributeType == typeof(InputAttribute));
        var loss = (Loss)(int)network.ConstructorArguments[0].Value!;
        double networkL1 = Named(network, nameof(NetworkAttribute.L1)) ?? 0, networkL2 = Named(network, nameof(NetworkAttribute.L2)) ?? 0;
        int inputSize = (int)input.ConstructorArguments[0].Value!;

        var layers = new List<LayeredLayer>();
        int width = inputSize;
        foreach (CustomAttributeData a in attributes)
        {
            LayeredLayer? layer = null;
            if (a.AttributeType == typeof(DenseAttribute))
            {
                Activation activation = ActivationArgument(a, 1);
                layer = LayeredLayer.Dense((int)a.ConstructorArguments[0].Value!, activation, Named(a, "Alpha") ?? double.NaN,
                    Named(a, "L1") ?? networkL1, Named(a, "L2") ?? networkL2);
            }
            else if (a.AttributeType == typeof(BatchNormAttribute) || a.AttributeType == typeof(LayerNormAttribute))
            {
                bool batch = a.AttributeType == typeof(BatchNormAttribute);
                Activation activation = ActivationArgument(a, 0);
                layer = new LayeredLayer(batch ? LayeredKind.BatchNorm : LayeredKind.LayerNorm, width, activation,
                    NetworkSpec.ResolveAlpha(activation, Named(a, "Alpha") ?? double.NaN),
                    Momentum: batch ? Named(a, "Momentum") ?? DefaultMomentum : 0,
                    Epsilon: Named(a, "Epsilon") ?? DefaultEpsilon);
            }
            else if (a.AttributeType == typeof(MaxoutAttribute))
            {
                layer = LayeredLayer.Maxout((int)a.ConstructorArguments[0].Value!, (int)a.ConstructorArguments[1].Value!);
            }
            else if (a.AttributeType == typeof(DropoutAttribute) || a.AttributeType == typeof(GaussianNoiseAttribute))
            {
                layer = new LayeredLayer(a.AttributeType == typeof(DropoutAttribute) ? LayeredKind.Dropout : LayeredKind.GaussianNoise,
                    width, Activation.Identity, double.NaN, Rate: (float)a.ConstructorArguments[0].Value!);
            }
            if (layer is null) continue;
            layers.Add(layer);
            width = layer.Units;
        }
        return new LayeredSpec(inputSize, loss, layers);
    }

    private static Activation ActivationArgument(CustomAttributeData a, int position)
        => a.ConstructorArguments.Count > position ? (Activation)(int)a.ConstructorArguments[position].Value! : Activation.Identity;

    private static double? Named(CustomAttributeData a, string name)
    {
        foreach (CustomAttributeNamedArgument named in a.NamedArguments)
            if (named.MemberName == name) return (float)named.TypedValue.Value!;
        return null;
    }
}
