using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NnGen.Tests.Fuzzing;

/// <summary>
/// What a declaration should get: rejected by the C# compiler itself (the generator need only survive it), or the
/// NnGen rules it breaks. <see cref="Broken"/> empty means valid. The generator must report at least one NNG
/// diagnostic for an invalid declaration, and only ids in <see cref="Broken"/> or <see cref="Tolerated"/> (rules whose
/// checking depends on others, such as layer rules when the layers are split across declarations).
/// </summary>
internal sealed record Expectation(bool CompilerRejects, IReadOnlySet<string> Broken, IReadOnlySet<string> Tolerated)
{
    public bool Valid => !CompilerRejects && Broken.Count == 0;
}

/// <summary>
/// The oracle: NnGen's rules, written from the contract (shared/DESIGN.md: "Diagnostics", the attributes and the
/// generated members) and the README's table of options, independently of the generator's parser.
/// </summary>
internal static class DeclarationRules
{
    /// <summary>The stated cap on parameters and state values (README, NNG0015).</summary>
    public static readonly BigInteger Cap = 50_000_000;

    private const int Sigmoid = 1, LeakyReLU = 4, ELU = 5, Softmax = 7;
    private const int Constant = 2, Uniform = 3, Normal = 4, GlorotUniform = 7;
    private const int BinaryCrossEntropy = 2, CategoricalCrossEntropy = 3;

    public static Expectation Of(DeclarationSpec spec)
    {
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        var tolerated = new SortedSet<string>(StringComparer.Ordinal);
        if (spec.Injection != Injection.None || spec.Corruption is not null || spec.Keyword is not (TypeKeyword.Class or TypeKeyword.Record))
            return new Expectation(true, broken, tolerated);

        TypeShape(spec, broken);
        Options(spec, broken);
        Layers(spec, broken, tolerated);

        List<PlannedAttribute> plan = AttributePlan.Of(spec);
        int networkPart = plan.Single(p => p.Kind == ItemKind.Network).Part;
        if (plan.Any(p => p.Kind != ItemKind.Network && p.Part != networkPart))
        {
            // "All layers of one network are declared on one declaration of the partial class."
            broken.Add("NNG0011");
            foreach (string id in new[] { "NNG0005", "NNG0006", "NNG0007", "NNG0008", "NNG0009", "NNG0010", "NNG0012", "NNG0013", "NNG0014", "NNG0015", "NNG0016" })
                tolerated.Add(id);
        }
        return new Expectation(false, broken, tolerated);
    }

    /// <summary>The class must be able to take the generated members (DESIGN: class not partial, containing type not partial, ...).</summary>
    private static void TypeShape(DeclarationSpec spec, ISet<string> broken)
    {
        if (!spec.Partial) broken.Add("NNG0001");
        if (spec.Outers.Any(o => !o.Partial)) broken.Add("NNG0002");
        if (spec.Generic || spec.Outers.Any(o => o.Generic)) broken.Add("NNG0003");
        if (spec.Static) broken.Add("NNG0004");
        if (spec.FileLocal) broken.Add("NNG0017");
        if (spec.PrimaryConstructor) broken.Add("NNG0018");
        if (spec.Base == BaseKind.IntOnly) broken.Add("NNG0019");
        if (spec.Abstract) broken.Add("NNG0021");   // the generated Load creates an instance

        // A member of the user's, or one inherited, that a generated member would clash with or hide.
        if (spec.Members.Any(m => m is MemberKind.ReservedProperty or MemberKind.IntConstructor or MemberKind.SameSignatureMethod
                or MemberKind.FieldNamedLikeMethod or MemberKind.NestedTypeNamedState)
            || spec.Base is BaseKind.ReservedField or BaseKind.SameSignatureMethod)
            broken.Add("NNG0020");

        // A constructor of the user's that does not chain to the generated one leaves Parameters null.
        bool writerAddsBaseCall = spec.Base == BaseKind.IntOnly && !spec.PrimaryConstructor && !spec.Members.Any(DeclarationSpec.IsConstructor);
        if (spec.Members.Any(m => m is MemberKind.IntConstructor or MemberKind.ParameterlessConstructor) || writerAddsBaseCall)
            broken.Add("NNG0022");
    }

    /// <summary>[Network]'s loss and named options (README: Init; L1, L2 finite and >= 0).</summary>
    private static void Options(DeclarationSpec spec, ISet<string> broken)
    {
        if (!Enum.IsDefined((Loss)spec.Loss.Value)) broken.Add("NNG0014");
        foreach (OptionSpec option in spec.NetworkOptions)
        {
            if (option.Name == "Init" && !Enum.IsDefined((Init)option.Init!.Value)) broken.Add("NNG0014");
            if (option.Name is "L1" or "L2" && !IsPenalty(option.Number!.Value)) broken.Add("NNG0013");
        }
    }

    private static void Layers(DeclarationSpec spec, ISet<string> broken, ISet<string> tolerated)
    {
        if (spec.Input is null) broken.Add("NNG0005");
        if (!spec.Layers.Any(l => l.Type == LayerType.Dense)) broken.Add("NNG0006");
        if (spec.Input is { Value: <= 0 }) broken.Add("NNG0007");

        int networkInit = spec.NetworkOptions.FirstOrDefault(o => o.Name == "Init")?.Init!.Value ?? GlorotUniform;
        BigInteger width = spec.Input?.Value ?? 0, count = 0;
        bool sizesDefined = spec.Input is { Value: > 0 };
        for (int i = 0; i < spec.Layers.Length; i++)
        {
            LayerSpec layer = spec.Layers[i];
            bool last = i == spec.Layers.Length - 1;
            int activation = layer.Activation?.Value ?? 0;
            if (layer.Type is LayerType.Dense or LayerType.BatchNorm or LayerType.LayerNorm)
            {
                if (!Enum.IsDefined((Activation)activation)) broken.Add("NNG0014");
                if (activation == Softmax && !last) broken.Add("NNG0008");
                if (layer.Option("Alpha") is { } alpha)
                {
                    if (activation is not (LeakyReLU or ELU)) broken.Add("NNG0012");
                    else if (!float.IsFinite(alpha.Number!.Value)) broken.Add("NNG0013");
                }
            }
            switch (layer.Type)
            {
                case LayerType.Dense:
                    if (layer.Units.Value <= 0) { broken.Add("NNG0007"); sizesDefined = false; }
                    int init = layer.Option("Init")?.Init!.Value ?? networkInit;
                    if (layer.Option("Init") is { } ownInit && !Enum.IsDefined((Init)ownInit.Init!.Value)) broken.Add("NNG0014");
                    if (layer.Option("InitScale") is { } scale)
                    {
                        if (init is not (Constant or Uniform or Normal)) broken.Add("NNG0012");
                        else if (!float.IsFinite(scale.Number!.Value) || (init != Constant && scale.Number.Value < 0f)) broken.Add("NNG0013");
                    }
                    foreach (string penalty in new[] { "L1", "L2" })
                        if (layer.Option(penalty) is { } value && !IsPenalty(value.Number!.Value)) broken.Add("NNG0013");
                    count += width * layer.Units.Value + layer.Units.Value;
                    width = layer.Units.Value;
                    break;
                case LayerType.Maxout:
                {
                    if (layer.Units.Value <= 0) { broken.Add("NNG0007"); sizesDefined = false; }
                    if (layer.Pieces!.Value < 2) { broken.Add("NNG0013"); sizesDefined = false; }
                    int maxoutInit = layer.Option("Init")?.Init!.Value ?? networkInit;
                    if (layer.Option("Init") is { } maxoutOwnInit && !Enum.IsDefined((Init)maxoutOwnInit.Init!.Value)) broken.Add("NNG0014");
                    if (layer.Option("InitScale") is { } maxoutScale)
                    {
                        if (maxoutInit is not (Constant or Uniform or Normal)) broken.Add("NNG0012");
                        else if (!float.IsFinite(maxoutScale.Number!.Value) || (maxoutInit != Constant && maxoutScale.Number.Value < 0f)) broken.Add("NNG0013");
                    }
                    BigInteger rows = (BigInteger)layer.Units.Value * layer.Pieces.Value;
                    count += width * rows + rows;   // nn.Linear(width, units * pieces)
                    width = layer.Units.Value;
                    break;
                }
                case LayerType.Dropout:
                    if (!(layer.Rate.Value >= 0f && layer.Rate.Value < 1f)) broken.Add("NNG0013");
                    break;
                case LayerType.GaussianNoise:
                    if (!IsPenalty(layer.Rate.Value)) broken.Add("NNG0013");
                    break;
                default:
                    if (layer.Option("Epsilon") is { } epsilon && !(epsilon.Number!.Value > 0f && float.IsFinite(epsilon.Number.Value))) broken.Add("NNG0013");
                    if (layer.Option("Momentum") is { } momentum && !(momentum.Number!.Value >= 0f && momentum.Number.Value <= 1f)) broken.Add("NNG0013");
                    count += 2 * width * (layer.Type == LayerType.BatchNorm ? 2 : 1);   // gamma and beta; BatchNorm's running mean and variance
                    break;
            }
        }

        if (spec.Layers.Length > 0)
        {
            LayerSpec lastLayer = spec.Layers[^1];
            int activation = lastLayer.Activation?.Value ?? 0;
            if (lastLayer.Type != LayerType.Dense)
            {
                broken.Add("NNG0016");
                tolerated.Add("NNG0009");
                tolerated.Add("NNG0010");
            }
            else
            {
                if (spec.Loss.Value == CategoricalCrossEntropy && activation != Softmax) broken.Add("NNG0009");
                if (spec.Loss.Value == BinaryCrossEntropy && activation != Sigmoid) broken.Add("NNG0010");
            }
        }

        if (sizesDefined && count > Cap) broken.Add("NNG0015");
        if (!sizesDefined) tolerated.Add("NNG0015");
    }

    private static bool IsPenalty(float value) => value >= 0f && float.IsFinite(value);
}
