using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NnGen.Tests.Fuzzing;

/// <summary>Writes a <see cref="DeclarationSpec"/> as C# source files (the first holds the network's main declaration).</summary>
internal static class DeclarationWriter
{
    public static string[] Write(DeclarationSpec spec)
    {
        List<PlannedAttribute> plan = AttributePlan.Of(spec);
        var first = new StringBuilder();
        var second = new StringBuilder();
        Header(spec, first);
        Namespace(spec, first, body =>
        {
            Supporting(spec, body);
            Chain(spec, body, part: 0, plan);
            if (spec.SecondPart == SecondPart.SameFile) Chain(spec, body, part: 1, plan);
        });
        string[] files = spec.SecondPart is SecondPart.OtherFile or SecondPart.OtherFileWithMember
            ? new[] { first.ToString(), WriteSecondFile(spec, second, plan) }
            : new[] { first.ToString() };
        if (spec.Corruption is { } corruption) files[0] = Corrupt(files[0], corruption);
        return files;
    }

    private static string WriteSecondFile(DeclarationSpec spec, StringBuilder text, List<PlannedAttribute> plan)
    {
        Header(spec, text);
        Namespace(spec, text, body => Chain(spec, body, part: 1, plan));
        return text.ToString();
    }

    private static void Header(DeclarationSpec spec, StringBuilder text)
    {
        if (spec.Injection == Injection.MissingUsing) return;
        if (spec.Spelling == Spelling.Using) text.AppendLine("using NnGen;");
        if (spec.Spelling == Spelling.Alias) text.AppendLine("using NN = NnGen;");
    }

    private static void Namespace(DeclarationSpec spec, StringBuilder text, Action<StringBuilder> body)
    {
        switch (spec.Namespace)
        {
            case NamespaceStyle.FileScoped:
                text.AppendLine("namespace Demo.Inner;");
                body(text);
                break;
            case NamespaceStyle.Block:
                text.AppendLine("namespace Demo.Inner").AppendLine("{");
                body(text);
                text.AppendLine("}");
                break;
            case NamespaceStyle.Nested:
                text.AppendLine("namespace Demo").AppendLine("{").AppendLine("namespace @event").AppendLine("{");
                body(text);
                text.AppendLine("}").AppendLine("}");
                break;
            default:
                body(text);
                break;
        }
    }

    /// <summary>The base class and the helper types some cases refer to.</summary>
    private static void Supporting(DeclarationSpec spec, StringBuilder text)
    {
        bool record = spec.Keyword == TypeKeyword.Record;
        string? baseType = spec.Base switch
        {
            BaseKind.Parameterless => record ? "public record FuzzBase;" : "public class FuzzBase { }",
            BaseKind.ProtectedInAbstract => record ? "public abstract record FuzzBase;" : "public abstract class FuzzBase { protected FuzzBase() { } }",
            BaseKind.IntOnly => record ? "public record FuzzBase(int Width);" : "public class FuzzBase { public FuzzBase(int width) => Width = width; public int Width { get; } }",
            BaseKind.ReservedField => "public class FuzzBase { public float[]? State; }",
            BaseKind.SameSignatureMethod => "public class FuzzBase { public virtual void Predict(System.ReadOnlySpan<float> inputs, System.Span<float> outputs) { } }",
            _ => null,
        };
        if (baseType is not null) text.AppendLine(baseType);
        if (spec.Injection == Injection.NonConstantSize) text.AppendLine("public static class FuzzSizes { public static int Width = 3; }");
    }

    /// <summary>The containing types and one declaration of the network (part 0: the main one; part 1: the second).</summary>
    private static void Chain(DeclarationSpec spec, StringBuilder text, int part, List<PlannedAttribute> plan)
    {
        for (int i = 0; i < spec.Outers.Length; i++)
        {
            OuterSpec outer = spec.Outers[i];
            if (i == spec.Outers.Length - 1 && spec.StrayLayerOnOuter && part == 0)
                text.AppendLine($"[{Attribute(spec, "Dense")}(3)]");
            string keyword = outer.Kind switch
            {
                OuterKind.StaticClass => "static partial class",
                OuterKind.Struct => "partial struct",
                OuterKind.Record => "partial record",
                OuterKind.RecordStruct => "partial record struct",
                OuterKind.Interface => "partial interface",
                _ => "partial class",
            };
            if (!outer.Partial) keyword = keyword.Replace("partial ", "", StringComparison.Ordinal);
            text.AppendLine($"public {keyword} Outer{i}{(outer.Generic ? $"<T{i}>" : "")}").AppendLine("{");
        }

        WriteAttributes(spec, text, part, plan);
        text.Append(part == 0 ? Modifiers(spec) : spec.FileLocal ? "file partial " : "partial ")
            .Append(Keyword(spec.Keyword)).Append(' ').Append(spec.Name);
        if (spec.Generic) text.Append("<T>");
        if (part == 0 && spec.PrimaryConstructor) text.Append(spec.Keyword == TypeKeyword.Record ? "(int Width)" : "(int width)");
        if (part == 0 && BaseClause(spec) is { } baseClause) text.Append(" : ").Append(baseClause);
        List<string> members = part == 0 ? Members(spec) : spec.SecondPart == SecondPart.OtherFileWithMember ? new List<string> { Static(spec) + "void Evaluate() { }" } : new List<string>();
        if (members.Count == 0)
        {
            text.AppendLine(";");
        }
        else
        {
            text.AppendLine().AppendLine("{");
            foreach (string member in members) text.Append("    ").AppendLine(member);
            text.AppendLine("}");
        }

        for (int i = 0; i < spec.Outers.Length; i++) text.AppendLine("}");
    }

    private static void WriteAttributes(DeclarationSpec spec, StringBuilder text, int part, List<PlannedAttribute> plan)
    {
        var lists = plan.Where(p => p.Part == part).GroupBy(p => p.List).OrderBy(g => g.Key).ToList();
        for (int l = 0; l < lists.Count; l++)
        {
            bool target = (spec.Layout.TypeTargets >> (lists[l].Key % 30) & 1) == 1;
            text.Append('[').Append(target ? "type: " : "").Append(string.Join(", ", lists[l].Select(p => AttributeText(spec, p)))).AppendLine("]");
            if (l == 0 && part == 0 && spec.DisabledLayer)
                text.AppendLine("#if NNGEN_NEVER_DEFINED").AppendLine($"[{Attribute(spec, "Dense")}(0, {EnumText(spec, "Activation", new EnumLiteral(7, EnumForm.Name))})]").AppendLine("#endif");
        }
        if (part == 0 && spec.Injection == Injection.DuplicateInput) text.AppendLine($"[{Attribute(spec, "Input")}(3)]");
    }

    private static string AttributeText(DeclarationSpec spec, PlannedAttribute item)
    {
        switch (item.Kind)
        {
            case ItemKind.Network:
            {
                string loss = spec.Injection == Injection.UnknownEnumMember ? Type(spec) + "Loss.Hinge" : EnumText(spec, "Loss", spec.Loss);
                var arguments = new List<string> { loss };
                arguments.AddRange(spec.NetworkOptions.Select(o => OptionText(spec, o)));
                if (spec.Injection == Injection.DoubleLiteral) arguments.Add("L2 = 0.5");
                if (spec.Injection == Injection.UnknownOption) arguments.Add("Optimizer = 1");
                return $"{Attribute(spec, "Network")}({string.Join(", ", arguments)})";
            }
            case ItemKind.Input:
                return $"{Attribute(spec, "Input")}({(spec.Injection == Injection.NonConstantSize ? "FuzzSizes.Width" : spec.Input!.Text)})";
            default:
                return LayerText(spec, spec.Layers[item.LayerIndex]);
        }
    }

    private static string LayerText(DeclarationSpec spec, LayerSpec layer)
    {
        var arguments = new List<string>();
        string? activation = layer.Activation is null ? null : EnumText(spec, "Activation", layer.Activation);
        switch (layer.Type)
        {
            case LayerType.Dense:
                if (layer.NamedArguments)
                {
                    if (activation is not null) arguments.Add("activation: " + activation);
                    arguments.Add("units: " + layer.Units.Text);
                }
                else
                {
                    arguments.Add(layer.Units.Text);
                    if (activation is not null) arguments.Add(activation);
                }
                break;
            case LayerType.Maxout:
                if (layer.NamedArguments)
                {
                    arguments.Add("pieces: " + layer.Pieces!.Text);
                    arguments.Add("units: " + layer.Units.Text);
                }
                else
                {
                    arguments.Add(layer.Units.Text);
                    arguments.Add(layer.Pieces!.Text);
                }
                break;
            case LayerType.Dropout:
                arguments.Add((layer.NamedArguments ? "rate: " : "") + layer.Rate.Text);
                break;
            case LayerType.GaussianNoise:
                arguments.Add((layer.NamedArguments ? "standardDeviation: " : "") + layer.Rate.Text);
                break;
            default:
                if (activation is not null) arguments.Add((layer.NamedArguments ? "activation: " : "") + activation);
                break;
        }
        arguments.AddRange(layer.Options.Select(o => OptionText(spec, o)));
        string name = Attribute(spec, layer.Type.ToString());
        return arguments.Count == 0 && layer.NamedArguments ? name : $"{name}({string.Join(", ", arguments)})";
    }

    private static string OptionText(DeclarationSpec spec, OptionSpec option)
        => option.Name + " = " + (option.Init is not null ? EnumText(spec, "Init", option.Init) : option.Number!.Text);

    private static string EnumText(DeclarationSpec spec, string enumType, EnumLiteral value) => value.Form switch
    {
        EnumForm.Name => $"{Type(spec)}{enumType}.{EnumName(enumType, value.Value)}",
        EnumForm.Zero => "0",
        EnumForm.Default => "default",
        _ => $"({Type(spec)}{enumType})({value.Value.ToString(CultureInfo.InvariantCulture)})",
    };

    private static string EnumName(string enumType, int value) => enumType switch
    {
        "Loss" => ((Loss)value).ToString(),
        "Activation" => ((Activation)value).ToString(),
        _ => ((Init)value).ToString(),
    };

    /// <summary>The prefix of type names (Loss, Activation, Init) as the spelling writes them.</summary>
    private static string Type(DeclarationSpec spec) => spec.Spelling switch
    {
        Spelling.Qualified => "NnGen.",
        Spelling.Global => "global::NnGen.",
        Spelling.Alias => "NN.",
        _ => "",
    };

    private static string Attribute(DeclarationSpec spec, string name)
        => spec.Spelling == Spelling.Global ? $"global::NnGen.{name}Attribute" : Type(spec) + name;

    private static string Keyword(TypeKeyword keyword) => keyword switch
    {
        TypeKeyword.Record => "record",
        TypeKeyword.Struct => "struct",
        TypeKeyword.RecordStruct => "record struct",
        TypeKeyword.Interface => "interface",
        _ => "class",
    };

    private static string Modifiers(DeclarationSpec spec)
    {
        var text = new StringBuilder();
        text.Append(spec.Access switch { Access.Public => "public ", Access.Internal => "internal ", Access.Private => "private ", _ => "" });
        if (spec.FileLocal) text.Append("file ");
        if (spec.Static) text.Append("static ");
        if (spec.Abstract) text.Append("abstract ");
        if (spec.Sealed) text.Append("sealed ");
        if (spec.Partial) text.Append("partial ");
        return text.ToString();
    }

    private static string? BaseClause(DeclarationSpec spec) => spec.Base switch
    {
        BaseKind.None => null,
        BaseKind.Exception => "System.Exception",
        BaseKind.IntOnly when spec.PrimaryConstructor => spec.Keyword == TypeKeyword.Record ? "FuzzBase(Width)" : "FuzzBase(width)",
        _ => "FuzzBase",
    };

    private static string Static(DeclarationSpec spec) => spec.Static ? "public static " : "public ";

    private static List<string> Members(DeclarationSpec spec)
    {
        string name = spec.Name, s = Static(spec);
        string baseCall = spec.Base == BaseKind.IntOnly ? " : base(1)" : "";
        var members = new List<string>();
        foreach (MemberKind member in spec.Members)
        {
            members.Add(member switch
            {
                MemberKind.Property => s + "int Count { get; set; }",
                MemberKind.Method => s + "void Train() { }",
                MemberKind.Overload => s + "void Predict(float[] inputs) { }",
                MemberKind.ReservedProperty => s + "int Parameters => 0;",
                MemberKind.ChainedConstructor => $"public {name}(string name) : this(0) {{ }}",
                MemberKind.IntConstructor => $"public {name}(int width){baseCall} {{ }}",
                MemberKind.ParameterlessConstructor => $"public {name}(){baseCall} {{ }}",
                MemberKind.SameSignatureMethod => s + "void Predict(System.ReadOnlySpan<float> inputs, System.Span<float> outputs) { }",
                MemberKind.FieldNamedLikeMethod => s + "int Save;",
                _ => "public class State { }",
            });
        }
        // A base without a parameterless constructor needs a constructor that calls the one it has.
        if (spec.Base == BaseKind.IntOnly && !spec.PrimaryConstructor
            && !spec.Members.Any(DeclarationSpec.IsConstructor))
            members.Add($"public {name}(string name) : base(1) {{ }}");
        if (spec.Injection == Injection.LayerOnMember) members.Add($"[{Attribute(spec, "Dense")}(2)] {s}void Helper() {{ }}");
        return members;
    }

    private static string Corrupt(string text, Corruption corruption)
    {
        int at = Math.Clamp((int)((long)text.Length * corruption.PerMille / 1000), 0, text.Length);
        switch (corruption.Kind)
        {
            case 0:
                int structural = text.IndexOfAny("[](){};,".ToCharArray(), at);
                if (structural < 0) structural = text.LastIndexOfAny("[](){};,".ToCharArray());
                return structural < 0 ? text : text.Remove(structural, 1);
            case 1:
                return text.Substring(0, at);
            case 2:
                return text.Insert(at, "[");
            default:
                return text.Insert(at, "}");
        }
    }
}
