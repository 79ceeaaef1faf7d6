using System.Collections.Generic;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>The declared layered networks cover what the normalization checks promise.</summary>
public sealed class LayeredCatalogCoverageTests
{
    private static readonly Activation[] ElementwiseActivations =
    {
        Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.ELU, Activation.SELU,
    };

    [Theory]
    [InlineData(LayeredKind.BatchNorm)]
    [InlineData(LayeredKind.LayerNorm)]
    public void Each_normalization_is_checked_in_every_width_position_activation_and_loss(LayeredKind kind)
    {
        LayeredSpec[] specs = LayeredCatalog.Normalized.Select(c => c.Spec).ToArray();
        var missing = new List<string>();
        bool Has(System.Func<LayeredSpec, int, bool> condition) => specs.Any(s => Enumerable.Range(0, s.Layers.Count).Any(l => s.Layers[l].Kind == kind && condition(s, l)));
        foreach (int width in new[] { 1, 3, 7, 33 })
            if (!Has((s, l) => s.Layers[l].Units == width)) missing.Add($"over {width} features");
        foreach (Activation activation in ElementwiseActivations)
            if (!Has((s, l) => s.Layers[l].Activation == activation)) missing.Add($"followed by {activation}");
        foreach (Loss loss in System.Enum.GetValues<Loss>())
            if (!Has((s, l) => s.Loss == loss)) missing.Add($"under {loss}");
        if (!Has((s, l) => l == 0)) missing.Add("on the inputs");
        if (!Has((s, l) => l > 0 && s.Layers[l - 1].Kind == LayeredKind.Dense && s.Layers[l + 1].Kind == LayeredKind.Dense)) missing.Add("between dense layers");
        if (!Has((s, l) => s.Layers[l + 1].Kind is LayeredKind.BatchNorm or LayeredKind.LayerNorm)) missing.Add("followed by another normalization");
        if (!Has((s, l) => s.Layers[l].Kind == LayeredKind.BatchNorm && (s.Layers[l].Momentum != LayeredSpec.DefaultMomentum || s.Layers[l].Epsilon != LayeredSpec.DefaultEpsilon)
                           || s.Layers[l].Kind == LayeredKind.LayerNorm && s.Layers[l].Epsilon != LayeredSpec.DefaultEpsilon)) missing.Add("with its options set");
        Assert.Empty(missing);
    }

    [Fact]
    public void Deep_mixes_and_penalties_are_covered()
    {
        LayeredSpec[] specs = LayeredCatalog.Normalized.Select(c => c.Spec).ToArray();
        Assert.Contains(specs, s => s.Layers.Count >= 7 && s.Layers.Count(l => l.Kind == LayeredKind.BatchNorm) >= 2 && s.Layers.Any(l => l.Kind == LayeredKind.LayerNorm));
        Assert.Contains(specs, s => s.Layers.Count(l => l.Kind is LayeredKind.BatchNorm or LayeredKind.LayerNorm) >= 3);
        LayeredCase[] penalized = LayeredCatalog.Penalized.ToArray();
        Assert.Contains(penalized, c => c.IsUnrolled);
        Assert.Contains(penalized, c => !c.IsUnrolled);
        Assert.Contains(penalized, c => c.Spec.HasBatchNorm);
        Assert.Contains(penalized, c => c.Spec.Layers.Any(l => l.Kind == LayeredKind.Dense && l.L1 == 0 && l.L2 != 0));
        Assert.Contains(penalized, c => c.Spec.Layers.Any(l => l.Kind == LayeredKind.Dense && l.L1 != 0 && l.L2 == 0));
        Assert.Contains(penalized, c => c.Spec.Layers.Any(l => l.Kind == LayeredKind.Dense && l.L1 == 0 && l.L2 == 0));
    }
}
