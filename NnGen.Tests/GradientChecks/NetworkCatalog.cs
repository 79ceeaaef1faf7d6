using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>A network declared for the gradient checks: its generated type and the reference's reading of its declaration.</summary>
public sealed class NetworkCase
{
    public NetworkCase(Type type)
    {
        Type = type;
        Spec = NetworkSpec.FromAttributes(type);
    }

    public Type Type { get; }

    public string Name => Type.Name;

    public NetworkSpec Spec { get; }

    /// <summary>Whether the generator unrolled this network, read from its plan and generated source (<see cref="GeneratedShapes"/>).</summary>
    public bool IsUnrolled => GeneratedShapes.IsUnrolled(Type);

    /// <summary>A fresh instance (the generated constructor takes an optional seed; it is not a new() constructor).</summary>
    public INetwork Create() => (INetwork)Activator.CreateInstance(Type, 0)!;

    public override string ToString() => $"{Name}: {Spec}";
}

/// <summary>
/// Every network declared under NnGen.Tests.GradientChecks.Networks, found by reflection so that none is
/// forgotten, and the theory data built from them.
/// </summary>
public static class NetworkCatalog
{
    public const string Namespace = "NnGen.Tests.GradientChecks.Networks";

    /// <summary>The batch sizes every network is checked at.</summary>
    public static readonly int[] BatchSizes = { 1, 2, 5, 17 };

    private static readonly Lazy<IReadOnlyDictionary<string, NetworkCase>> Cases = new(() =>
        typeof(NetworkCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == Namespace && t.GetCustomAttribute<NetworkAttribute>() is not null)
            .Select(t => new NetworkCase(t))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IEnumerable<NetworkCase> All => Cases.Value.Values;

    public static NetworkCase Get(string name) => Cases.Value[name];

    public static TheoryData<string> Names() => ToTheoryData(All);

    /// <summary>
    /// The further batch sizes the unrolled networks are checked at: around the vector widths of their gates over
    /// samples (Vector&lt;float&gt;.Count is 4, 8 or 16), so that whole vector blocks, blocks and a tail, and a tail alone
    /// are all covered.
    /// </summary>
    public static readonly int[] UnrolledBatchSizes = { 7, 8, 9, 33 };

    public static TheoryData<string, int> UnrolledNamesAndVectorBatchSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (NetworkCase c in All.Where(c => c.IsUnrolled))
            foreach (int n in UnrolledBatchSizes) data.Add(c.Name, n);
        return data;
    }

    public static TheoryData<string, int> NamesAndBatchSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (NetworkCase c in All)
            foreach (int n in BatchSizes) data.Add(c.Name, n);
        return data;
    }

    public static TheoryData<string> SoftmaxOutputNames() => ToTheoryData(All.Where(c => c.Spec.Output.Activation == Activation.Softmax));

    /// <summary>One small (unrolled) and one large (loop) network per loss: enough for contract checks that do not depend on the activations.</summary>
    public static TheoryData<string> OnePerLossAndShape()
        => ToTheoryData(All.GroupBy(c => (c.Spec.Loss, c.IsUnrolled)).Select(g => g.First()));

    private static TheoryData<string> ToTheoryData(IEnumerable<NetworkCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (NetworkCase c in cases) data.Add(c.Name);
        return data;
    }
}
