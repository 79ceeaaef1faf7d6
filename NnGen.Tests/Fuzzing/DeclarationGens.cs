using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace NnGen.Tests.Fuzzing;

/// <summary>
/// CsCheck generators of random declarations. A third are tame (plausible sizes, named enum values, no rule broken
/// on purpose), so that many are valid and reach the emitter; the rest are wild: sizes of 0, negative and huge,
/// undefined enum values, NaN and infinite options, every rule broken now and then, odd attribute placements,
/// partial parts across files, nesting, generics, and a few mistakes only the C# compiler reports.
/// </summary>
internal sealed class DeclarationGens
{
    private static readonly Gen<IntLiteral> PlausibleSize = Gen.Frequency(
        (60, Gen.Int[1, 6].Select(v => new IntLiteral(v, Text(v)))),
        (12, Gen.Int[7, 40].Select(v => new IntLiteral(v, Text(v)))),
        (2, Gen.Int[1000, 12000].Select(v => new IntLiteral(v, Text(v)))),
        (4, Gen.Select(Gen.Int[1, 4], Gen.Int[0, 3], (a, b) => new IntLiteral(a + b, $"{a} + {b}"))),
        (2, Int(16, "0x10")));

    private static readonly Gen<IntLiteral> AnySize = Gen.Frequency(
        (88, PlausibleSize),
        (5, Int(0, "0")),
        (3, Gen.Int[1, 100].Select(v => new IntLiteral(-v, "-" + Text(v)))),
        (1, Int(int.MaxValue, "int.MaxValue")),
        (1, Int(int.MinValue, "int.MinValue")),
        (1, Int(int.MinValue, "unchecked(int.MaxValue + 1)")));

    private static readonly FloatLiteral[] PlausibleFloats =
    {
        new(0.5f, "0.5f"), new(0.1f, "0.1f"), new(1e-5f, "1e-5f"), new(0.99f, "0.99f"), new(0.75f, "3f / 4f"),
        new(0.01f, "0.01f"), new(0.25f, "0.25F"), new(1f, "1"),
    };

    private static readonly FloatLiteral[] EdgeFloats =
    {
        new(0f, "0f"), new(-0f, "-0f"), new(float.Epsilon, "float.Epsilon"), new(float.MaxValue, "float.MaxValue"), new(0.99999994f, "0.99999994f"),
        new(1f, "1f"), new(2f, "2f"), new(-0.25f, "-0.25f"), new(-1f, "-1"), new(float.NaN, "float.NaN"), new(float.NaN, "0f / 0f"),
        new(float.PositiveInfinity, "float.PositiveInfinity"), new(float.NegativeInfinity, "float.NegativeInfinity"), new(float.PositiveInfinity, "1f / 0f"),
    };

    // After the static fields it reads (static fields initialize in source order).
    public static readonly Gen<DeclarationSpec> Declaration = Gen.Frequency((35, new DeclarationGens(wild: false).All), (65, new DeclarationGens(wild: true).All));

    private readonly bool _wild;
    private readonly Gen<IntLiteral> _size;
    private readonly Gen<FloatLiteral> _float;
    private readonly Gen<EnumLiteral> _loss, _init, _activation;

    private DeclarationGens(bool wild)
    {
        _wild = wild;
        _size = wild ? AnySize : PlausibleSize;
        _float = wild ? Gen.Frequency((75, Gen.OneOf(PlausibleFloats)), (25, Gen.OneOf(EdgeFloats))) : Gen.OneOf(PlausibleFloats);
        _loss = Enum(4, Gen.Int[0, 3]);
        _init = Enum(11, Gen.Int[0, 10]);
        // Softmax (last layer only) is rare among the hidden activations.
        _activation = Enum(8, wild ? Gen.Frequency((94, Gen.Int[0, 6]), (6, Gen.Const(7))) : Gen.Int[0, 6]);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Gen<IntLiteral> Int(int value, string text) => Gen.Const(new IntLiteral(value, text));

    private static Gen<bool> Percent(int percent) => Gen.Int[0, 99].Select(r => r < percent);

    /// <summary>An enum argument of a type with <paramref name="members"/> named values (0 .. members - 1).</summary>
    private Gen<EnumLiteral> Enum(int members, Gen<int> named) => Gen.Frequency(
        (84, named.Select(v => new EnumLiteral(v, EnumForm.Name))),
        (8, named.Select(v => new EnumLiteral(v, EnumForm.Cast))),
        (4, Gen.OneOf(new EnumLiteral(0, EnumForm.Zero), new EnumLiteral(0, EnumForm.Default))),
        (_wild ? 4 : 0, Gen.OneOf(members, members + 5, 99, -1, int.MaxValue).Select(v => new EnumLiteral(v, EnumForm.Cast))));

    private static Gen<OptionSpec?> Maybe(int percent, Gen<OptionSpec> option)
        => Gen.Int[0, 99].SelectMany(r => r < percent ? option.Select(o => (OptionSpec?)o) : Gen.Const((OptionSpec?)null));

    private Gen<OptionSpec> Number(string name) => _float.Select(value => new OptionSpec(name, value, null));

    private Gen<OptionSpec> InitOption => _init.Select(value => new OptionSpec("Init", null, value));

    private static Gen<OptionSpec[]> Options(params Gen<OptionSpec?>[] options)
    {
        Gen<ImmutableList<OptionSpec>> all = Gen.Const(ImmutableList<OptionSpec>.Empty);
        foreach (Gen<OptionSpec?> option in options)
        {
            Gen<OptionSpec?> next = option;
            all = from list in all from o in next select o is null ? list : list.Add(o);
        }
        return all.Select(list => list.ToArray());
    }

    private static bool TakesAlpha(EnumLiteral? activation) => activation?.Value is 4 or 5;

    private int Wild(int percent) => _wild ? percent : 0;

    private Gen<LayerSpec> Dense =>
        from units in _size
        from activation in Gen.Frequency((15, Gen.Const((EnumLiteral?)null)), (85, _activation.Select(a => (EnumLiteral?)a)))
        from named in Percent(10)
        from options in Options(
            Maybe(12, InitOption), Maybe(Wild(8), Number("InitScale")), Maybe(TakesAlpha(activation) ? 35 : Wild(4), Number("Alpha")),
            Maybe(6, Number("L1")), Maybe(6, Number("L2")))
        select new LayerSpec(LayerType.Dense, units, new FloatLiteral(0f, "0f"), activation, named, options);

    private Gen<LayerSpec> Stochastic =>
        from dropout in Gen.Bool
        from rate in _float
        from named in Gen.Bool
        select new LayerSpec(dropout ? LayerType.Dropout : LayerType.GaussianNoise, new IntLiteral(0, "0"), rate, null, named, System.Array.Empty<OptionSpec>());

    private Gen<LayerSpec> Normalization =>
        from batch in Gen.Bool
        from activation in Gen.Frequency((40, Gen.Const((EnumLiteral?)null)), (60, _activation.Select(a => (EnumLiteral?)a)))
        from named in Gen.Bool
        from options in Options(
            Maybe(15, Number("Epsilon")), Maybe(batch ? 15 : 0, Number("Momentum")), Maybe(TakesAlpha(activation) ? 35 : Wild(4), Number("Alpha")))
        select new LayerSpec(batch ? LayerType.BatchNorm : LayerType.LayerNorm, new IntLiteral(0, "0"), new FloatLiteral(0f, "0f"), activation, named, options);

    /// <summary>[Maxout(units, pieces)]: pieces mostly 2 to 4, sometimes (wild) fewer than 2.</summary>
    private Gen<LayerSpec> Maxout =>
        from units in _size
        from pieces in Gen.Frequency((90, Gen.Int[2, 4]), (Wild(10), Gen.Int[-1, 1]))
        from named in Percent(10)
        from options in Options(Maybe(12, InitOption), Maybe(Wild(8), Number("InitScale")))
        select new LayerSpec(LayerType.Maxout, units, new FloatLiteral(0f, "0f"), null, named, options,
            new IntLiteral(pieces, pieces.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Gen<LayerSpec> Layer => Gen.Frequency((72, Dense), (12, Stochastic), (16, Normalization), (8, Maxout));

    /// <summary>Layers, usually (tame: always) ending in a Dense layer whose activation suits the loss.</summary>
    private Gen<LayerSpec[]> LayersFor(EnumLiteral loss) =>
        from count in Gen.Frequency((50, Gen.Int[1, 3]), (30, Gen.Int[4, 8]), (8, Gen.Int[9, 20]), (Wild(4), Gen.Const(0)))
        from layers in Layer.Array[count]
        from suit in Percent(_wild ? 75 : 100)
        from last in Dense
        select suit && layers.Length > 0 ? [.. layers[..^1], Suited(last, loss)] : layers;

    private static LayerSpec Suited(LayerSpec last, EnumLiteral loss) => loss.Value switch
    {
        2 => last with { Activation = new EnumLiteral(1, EnumForm.Name) },
        3 => last with { Activation = new EnumLiteral(7, EnumForm.Name) },
        _ => last.Activation?.Value == 7 ? last with { Activation = null } : last,
    };

    private Gen<AttributeLayout> Layout =>
        from networkAt in Gen.Frequency((7, Gen.Const(0)), (3, Gen.Int[1, 25]))
        from inputAt in Gen.Frequency((7, Gen.Const(1)), (3, Gen.Int[0, 25]))
        from groups in Gen.Int[1, 3].Array[1, 3]
        from targets in Gen.Frequency((8, Gen.Const(0)), (2, Gen.Int[0, 1023]))
        from split in Gen.Frequency((9, Gen.Const(-1)), (Wild(1), Gen.Int[0, 4]))
        select new AttributeLayout(networkAt, inputAt, groups, targets, split);

    private Gen<OuterSpec> Outer =>
        from kind in Gen.Enum<OuterKind>()
        from partial in Percent(100 - Wild(10))
        from generic in Percent(Wild(10))
        select new OuterSpec(kind, partial, generic);

    private Gen<MemberKind> Member => Gen.Frequency(
        (20, Gen.Const(MemberKind.Property)), (20, Gen.Const(MemberKind.Method)), (15, Gen.Const(MemberKind.Overload)),
        (10, Gen.Const(MemberKind.ChainedConstructor)), (Wild(6), Gen.Const(MemberKind.ReservedProperty)), (Wild(6), Gen.Const(MemberKind.IntConstructor)),
        (Wild(6), Gen.Const(MemberKind.ParameterlessConstructor)), (Wild(6), Gen.Const(MemberKind.SameSignatureMethod)),
        (Wild(5), Gen.Const(MemberKind.FieldNamedLikeMethod)), (Wild(5), Gen.Const(MemberKind.NestedTypeNamedState)));

    /// <summary>The type the attributes sit on, and what surrounds it.</summary>
    private sealed record Shape(string Name, TypeKeyword Keyword, Access Access, bool Partial, bool Static, bool Abstract, bool Sealed,
        bool FileLocal, bool Generic, bool Primary, OuterSpec[] Outers, NamespaceStyle Namespace, Spelling Spelling, BaseKind Base,
        MemberKind[] Members, SecondPart SecondPart);

    private Gen<Shape> Shapes =>
        from name in Gen.OneOf("Net", "Model_2", "Größé‿Netz", "@Net", "Digits")
        from keyword in Gen.Frequency((88, Gen.Const(TypeKeyword.Class)), (10, Gen.Const(TypeKeyword.Record)), (Wild(1), Gen.Const(TypeKeyword.Struct)),
            (Wild(1), Gen.Const(TypeKeyword.RecordStruct)), (Wild(1), Gen.Const(TypeKeyword.Interface)))
        from access in Gen.Enum<Access>()
        from partial in Percent(100 - Wild(6))
        from isStatic in Percent(Wild(4))
        from isAbstract in Percent(Wild(4))
        from isSealed in Percent(15)
        from fileLocal in Percent(Wild(4))
        from generic in Percent(Wild(4))
        from primary in Percent(Wild(4))
        from outers in Gen.Frequency((6, Gen.Const(0)), (3, Gen.Const(1)), (1, Gen.Const(2))).SelectMany(n => Outer.Array[n])
        from ns in Gen.Enum<NamespaceStyle>()
        from spelling in Gen.Enum<Spelling>()
        from baseKind in Gen.Frequency((80, Gen.Const(BaseKind.None)), (6, Gen.OneOf(BaseKind.Parameterless, BaseKind.ProtectedInAbstract, BaseKind.Exception)),
            (Wild(12), Gen.Enum<BaseKind>()))
        from members in Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[1, 3])).SelectMany(n => Member.Array[n])
        from second in Gen.Frequency((70, Gen.Const(SecondPart.None)), (15, Gen.Const(SecondPart.OtherFile)),
            (8, Gen.Const(SecondPart.OtherFileWithMember)), (7, Gen.Const(SecondPart.SameFile)))
        select new Shape(name, keyword, access, partial, isStatic, isAbstract, isSealed, fileLocal, generic, primary, outers, ns, spelling, baseKind, members, second);

    private Gen<DeclarationSpec> All =>
        from shape in Shapes
        from loss in _loss
        from networkOptions in Options(Maybe(10, InitOption), Maybe(8, Number("L1")), Maybe(8, Number("L2")))
        from input in Gen.Frequency((100 - Wild(4), _size.Select(s => (IntLiteral?)s)), (Wild(4), Gen.Const((IntLiteral?)null)))
        from layers in LayersFor(loss)
        from layout in Layout
        from injection in Gen.Frequency((100 - Wild(7), Gen.Const(Injection.None)), (Wild(7), Gen.Enum<Injection>()))
        from corruption in Gen.Frequency((100 - Wild(5), Gen.Const((Corruption?)null)),
            (Wild(5), Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], (k, p) => (Corruption?)new Corruption(k, p))))
        from stray in Percent(5)
        from disabled in Percent(5)
        select new DeclarationSpec(shape.Name, shape.Keyword, shape.Access, shape.Partial, shape.Static, shape.Abstract, shape.Sealed,
            shape.FileLocal, shape.Generic, shape.Primary, shape.Outers, shape.Namespace, shape.Spelling, loss, networkOptions, input, layers,
            layout, shape.Base, shape.Members, shape.SecondPart, injection, corruption, stray, disabled).Normalized();
}
