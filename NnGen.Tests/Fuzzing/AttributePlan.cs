using System;
using System.Collections.Generic;

namespace NnGen.Tests.Fuzzing;

internal enum ItemKind { Network, Input, Layer }

/// <summary>One attribute of a declaration: which it is, its attribute list, and the part (0 or 1) it is written on.</summary>
internal readonly record struct PlannedAttribute(ItemKind Kind, int LayerIndex, int List, int Part);

/// <summary>Lays out the attributes of a <see cref="DeclarationSpec"/> as its <see cref="AttributeLayout"/> says.</summary>
internal static class AttributePlan
{
    public static List<PlannedAttribute> Of(DeclarationSpec spec)
    {
        var items = new List<(ItemKind Kind, int Layer)>();
        for (int i = 0; i < spec.Layers.Length; i++) items.Add((ItemKind.Layer, i));
        items.Insert(Math.Min(spec.Layout.NetworkAt, items.Count), (ItemKind.Network, -1));
        if (spec.Input is not null) items.Insert(Math.Min(spec.Layout.InputAt, items.Count), (ItemKind.Input, -1));

        var plan = new List<PlannedAttribute>(items.Count);
        int list = 0, inList = 0, group = 0;
        foreach ((ItemKind kind, int layer) in items)
        {
            int size = spec.Layout.GroupSizes[group % spec.Layout.GroupSizes.Length];
            if (inList == size)
            {
                list++;
                group++;
                inList = 0;
            }
            bool second = spec.SecondPart != SecondPart.None && spec.Layout.SplitAt >= 0 && list >= spec.Layout.SplitAt;
            plan.Add(new PlannedAttribute(kind, layer, list, second ? 1 : 0));
            inList++;
        }
        return plan;
    }
}
