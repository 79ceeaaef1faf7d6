using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>A network declared under GradientChecks.LayeredNetworks: its generated type and the reference's reading of it.</summary>
public sealed class LayeredCase
{
    public LayeredCase(Type type)
    {
        Type = type;
        Spec = LayeredSpec.FromAttributes(type);
    }

    public Type Type { get; }

    public string Name => Type.Name;

    public LayeredSpec Spec { get; }

    /// <summary>Whether the generator unrolled this network, read from its plan and generated source (<see cref="GeneratedShapes"/>).</summary>
    public bool IsUnrolled => GeneratedShapes.IsUnrolled(Type);

    public bool IsStochastic => Spec.Layers.Any(l => l.Kind is LayeredKind.Dropout or LayeredKind.GaussianNoise);

    public bool IsNormalized => Spec.Layers.Any(l => l.Kind is LayeredKind.BatchNorm or LayeredKind.LayerNorm);

    /// <summary>A fresh instance, initialized from <paramref name="seed"/>.</summary>
    public INetwork Create(int seed = 0) => (INetwork)Activator.CreateInstance(Type, seed)!;

    public override string ToString() => $"{Name}: {Spec}";
}

/// <summary>Every network of GradientChecks.LayeredNetworks, found by reflection, and theory data built from them.</summary>
public static class LayeredCatalog
{
    public const string Namespace = "NnGen.Tests.GradientChecks.LayeredNetworks";

    /// <summary>Training batch sizes of the normalization checks (BatchNorm trains on at least 2 samples).</summary>
    public static readonly int[] TrainingBatchSizes = { 2, 5, 17 };

    private static readonly Lazy<IReadOnlyDictionary<string, LayeredCase>> Cases = new(() =>
        typeof(LayeredCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == Namespace && t.GetCustomAttribute<NetworkAttribute>() is not null)
            .Select(t => new LayeredCase(t))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IEnumerable<LayeredCase> All => Cases.Value.Values;

    public static LayeredCase Get(string name) => Cases.Value[name];

    /// <summary>The deterministic networks with BatchNorm or LayerNorm (penalized ones included).</summary>
    public static IEnumerable<LayeredCase> Normalized => All.Where(c => c.IsNormalized && !c.IsStochastic);

    public static IEnumerable<LayeredCase> WithBatchNorm => Normalized.Where(c => c.Spec.HasBatchNorm);

    public static IEnumerable<LayeredCase> Penalized => All.Where(c => c.Spec.HasPenalty);

    public static IEnumerable<LayeredCase> WithMaxout => All.Where(c => c.Spec.Layers.Any(l => l.Kind == LayeredKind.Maxout));

    /// <summary>Batch sizes of the maxout checks (no BatchNorm among them, so a batch of one is checked too).</summary>
    public static readonly int[] MaxoutBatchSizes = { 1, 3, 8 };

    public static TheoryData<string> AllNames() => Names(All);

    public static TheoryData<string> NormalizedNames() => Names(Normalized);

    public static TheoryData<string> BatchNormNames() => Names(WithBatchNorm);

    public static TheoryData<string> PenalizedNames() => Names(Penalized);

    /// <summary>The penalized networks declared with a twin "...Free" of the same shape and no penalty.</summary>
    public static TheoryData<string> PenalizedWithTwinNames() => Names(Penalized.Where(c => Cases.Value.ContainsKey(c.Name + "Free")));

    public static TheoryData<string, int> NormalizedNamesAndBatchSizes() => WithBatchSizes(Normalized);

    public static TheoryData<string, int> PenalizedNamesAndBatchSizes() => WithBatchSizes(Penalized);

    public static TheoryData<string> MaxoutNames() => Names(WithMaxout);

    public static TheoryData<string, int> MaxoutNamesAndBatchSizes() => WithBatchSizes(WithMaxout, MaxoutBatchSizes);

    private static TheoryData<string, int> WithBatchSizes(IEnumerable<LayeredCase> cases, int[]? sizes = null)
    {
        var data = new TheoryData<string, int>();
        foreach (LayeredCase c in cases)
            foreach (int n in sizes ?? TrainingBatchSizes) data.Add(c.Name, n);
        return data;
    }

    private static TheoryData<string> Names(IEnumerable<LayeredCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (LayeredCase c in cases) data.Add(c.Name);
        return data;
    }
}
