using System.Linq;

namespace NnGen.Tests.Fuzzing;

/// <summary>The keyword of the network type; only class and record may carry [Network] (AttributeTargets.Class).</summary>
internal enum TypeKeyword { Class, Record, Struct, RecordStruct, Interface }

/// <summary>The keyword of a type the network is nested in.</summary>
internal enum OuterKind { Class, StaticClass, Struct, Record, RecordStruct, Interface }

/// <summary>How the NnGen names are spelled in the attributes.</summary>
internal enum Spelling { Using, Qualified, Global, Alias }

internal enum NamespaceStyle { Global, FileScoped, Block, Nested }

internal enum Access { Default, Public, Internal, Private }

/// <summary>The base class of the network, declared by the writer beside it.</summary>
internal enum BaseKind { None, Parameterless, ProtectedInAbstract, IntOnly, ReservedField, SameSignatureMethod, Exception }

/// <summary>A member the user declares in the network class.</summary>
internal enum MemberKind
{
    Property, Method, Overload, ChainedConstructor,   // harmless
    ReservedProperty, IntConstructor, ParameterlessConstructor, SameSignatureMethod, FieldNamedLikeMethod, NestedTypeNamedState,
}

/// <summary>A second declaration of the partial network class.</summary>
internal enum SecondPart { None, OtherFile, OtherFileWithMember, SameFile }

/// <summary>A mistake only the C# compiler reports (the generator must stay quiet or at least not crash).</summary>
internal enum Injection { None, MissingUsing, UnknownEnumMember, DoubleLiteral, UnknownOption, DuplicateInput, LayerOnMember, NonConstantSize }

internal enum LayerType { Dense, Dropout, GaussianNoise, BatchNorm, LayerNorm, Maxout }

internal enum EnumForm { Name, Cast, Zero, Default }

/// <summary>An int argument as written in source, and the value the compiler folds it to.</summary>
internal sealed record IntLiteral(long Value, string Text)
{
    public override string ToString() => Text;
}

/// <summary>A float argument as written in source, and the value the compiler folds it to.</summary>
internal sealed record FloatLiteral(float Value, string Text)
{
    public override string ToString() => Text;
}

/// <summary>An enum argument (Loss, Activation or Init) by value and by how it is written.</summary>
internal sealed record EnumLiteral(int Value, EnumForm Form)
{
    public override string ToString() => $"{Form}({Value})";
}

/// <summary>A named attribute argument: Init takes <see cref="Init"/>, the others <see cref="Number"/>.</summary>
internal sealed record OptionSpec(string Name, FloatLiteral? Number, EnumLiteral? Init)
{
    public override string ToString() => $"{Name} = {(object?)Number ?? Init}";
}

/// <summary>One layer attribute. Units is read by Dense and Maxout, Pieces by Maxout, Rate by Dropout (rate) and GaussianNoise (deviation).</summary>
internal sealed record LayerSpec(LayerType Type, IntLiteral Units, FloatLiteral Rate, EnumLiteral? Activation, bool NamedArguments, OptionSpec[] Options, IntLiteral? Pieces = null)
{
    public bool Has(string option) => Options.Any(o => o.Name == option);

    public OptionSpec? Option(string name) => Options.FirstOrDefault(o => o.Name == name);

    public override string ToString() => $"{Type}({Units}, {(Pieces is null ? "" : $"{Pieces} pieces, ")}{Rate}, {Activation}{(NamedArguments ? ", named" : "")}; {string.Join(", ", Options.Select(o => o.ToString()))})";
}

/// <summary>A type the network is nested in, outermost first.</summary>
internal sealed record OuterSpec(OuterKind Kind, bool Partial, bool Generic);

/// <summary>
/// Where the attributes go: [Network] and [Input] are inserted among the layers at NetworkAt and InputAt, the
/// attributes are grouped into lists of GroupSizes (cycled), list i gets a "type:" target when bit i of TypeTargets
/// is set, and with a second part the lists from SplitAt on are written on the second part instead.
/// </summary>
internal sealed record AttributeLayout(int NetworkAt, int InputAt, int[] GroupSizes, int TypeTargets, int SplitAt)
{
    public override string ToString() => $"network@{NetworkAt} input@{InputAt} groups [{string.Join(",", GroupSizes)}] targets {TypeTargets} split@{SplitAt}";
}

/// <summary>A syntax error: at the given per-mille position of the first file, drop a character, cut the file, or insert a stray token.</summary>
internal sealed record Corruption(int Kind, int PerMille);

/// <summary>Everything that decides one random declaration; <see cref="DeclarationWriter"/> turns it into source files.</summary>
internal sealed record DeclarationSpec(
    string Name,
    TypeKeyword Keyword,
    Access Access,
    bool Partial,
    bool Static,
    bool Abstract,
    bool Sealed,
    bool FileLocal,
    bool Generic,
    bool PrimaryConstructor,
    OuterSpec[] Outers,
    NamespaceStyle Namespace,
    Spelling Spelling,
    EnumLiteral Loss,
    OptionSpec[] NetworkOptions,
    IntLiteral? Input,
    LayerSpec[] Layers,
    AttributeLayout Layout,
    BaseKind Base,
    MemberKind[] Members,
    SecondPart SecondPart,
    Injection Injection,
    Corruption? Corruption,
    bool StrayLayerOnOuter,
    bool DisabledLayer)
{
    public override string ToString() =>
        $"{Keyword} {Name} partial={Partial} static={Static} abstract={Abstract} sealed={Sealed} file={FileLocal} generic={Generic} primary={PrimaryConstructor} " +
        $"access={Access} outers=[{string.Join(", ", Outers.Select(o => o.ToString()))}] ns={Namespace} spelling={Spelling} loss={Loss} " +
        $"options=[{string.Join(", ", NetworkOptions.Select(o => o.ToString()))}] input={Input} layers=[{string.Join("; ", Layers.Select(l => l.ToString()))}] " +
        $"layout={Layout} base={Base} members=[{string.Join(",", Members)}] second={SecondPart} injection={Injection} corruption={Corruption} stray={StrayLayerOnOuter} disabled={DisabledLayer}";

    /// <summary>
    /// Drops the combinations C# itself forbids outside the deliberate <see cref="Injection"/>s (a static record, a
    /// nested file-local type, ...), so that a declaration the rules call valid is valid C# too.
    /// </summary>
    public DeclarationSpec Normalized()
    {
        bool classLike = Keyword is TypeKeyword.Class or TypeKeyword.Record;
        bool isStatic = Static && Keyword == TypeKeyword.Class;
        bool isAbstract = Abstract && classLike && !isStatic;
        bool fileLocal = FileLocal && Outers.Length == 0;
        bool insideInterface = Outers.Length > 0 && Outers[^1].Kind == OuterKind.Interface;
        Access access = fileLocal ? Access.Default
            : Access == Access.Private && (Outers.Length == 0 || insideInterface) ? Access.Internal
            : Access;
        bool primary = PrimaryConstructor && !isStatic && Keyword != TypeKeyword.Interface;
        BaseKind baseKind = !classLike || isStatic ? BaseKind.None
            : Keyword == TypeKeyword.Record && Base is BaseKind.ReservedField or BaseKind.SameSignatureMethod or BaseKind.Exception ? BaseKind.None
            : Base;
        MemberKind[] members = Members
            .Where(m => !IsConstructor(m) || (Keyword != TypeKeyword.Interface && !isStatic && !primary))
            .Distinct()
            .ToArray();
        // A second part needs every declaration on the way to be partial (else it declares a second type).
        bool canSplit = Partial && Outers.All(o => o.Partial);
        SecondPart second = !canSplit ? SecondPart.None : fileLocal && SecondPart != SecondPart.None ? SecondPart.SameFile : SecondPart;
        return this with
        {
            Static = isStatic,
            Abstract = isAbstract,
            Sealed = Sealed && classLike && !isStatic && !isAbstract,
            FileLocal = fileLocal,
            Access = access,
            PrimaryConstructor = primary,
            Base = baseKind,
            Members = members,
            SecondPart = second,
            StrayLayerOnOuter = StrayLayerOnOuter && Outers.Length > 0 && Outers[^1].Kind is OuterKind.Class or OuterKind.StaticClass or OuterKind.Record,
        };
    }

    public static bool IsConstructor(MemberKind member)
        => member is MemberKind.IntConstructor or MemberKind.ParameterlessConstructor or MemberKind.ChainedConstructor;
}
