extern alias NnGenGenerator;

using System;
using System.Linq;
using NnGenGenerator::NnGen.Generator.Planning;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// The gradient checks promise both CPU code shapes; these tests hold the catalog networks to the shape the generator
/// actually gave them (<see cref="GeneratedShapes"/>: its plan and its generated source), so that a generator sending
/// every network to loops, or unrolling too much, fails here rather than leaving the "both shapes" coverage empty.
/// </summary>
public sealed class CodeShapeTests
{
    /// <summary>
    /// The networks at the boundaries of the unroll rule (DESIGN.md, README: unrolled when every layer is dense with at
    /// most 64 weights and all layers hold at most 1,024), with their largest layer's and their total weights, which are
    /// checked too so that a boundary case stays at its boundary.
    /// </summary>
    [Theory]
    [InlineData("Boundary64Unrolled", 64, 128, "Unrolled")]
    [InlineData("Boundary65Loop", 65, 130, "Loops")]
    [InlineData("UnrollBudget1024Unrolled", 64, 1024, "Unrolled")]
    [InlineData("UnrollBudget1025Loop", 64, 1025, "Loops")]
    [InlineData("MixedSmallAndLarge", 99, 141, "Loops")]
    [InlineData("Width1To33To1Unrolled", 33, 66, "Unrolled")]
    [InlineData("Width33To33To1Loop", 1089, 1122, "Loops")]
    public void Networks_at_the_unroll_boundaries_get_the_shape_of_their_side(string network, int largestLayer, int total, string shape)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        int[] weights = Enumerable.Range(0, c.Spec.Layers.Count).Select(l => c.Spec.Layers[l].Units * c.Spec.FanIn(l)).ToArray();

        Assert.Equal((largestLayer, total), (weights.Max(), weights.Sum()));
        Assert.Equal(shape, GeneratedShapes.Of(c.Type).ToString());
    }

    /// <summary>Every layer but Dense sends a network to loops, however small; a small dense one with a penalty stays unrolled.</summary>
    [Theory]
    [InlineData("PenaltyUnrolled", "Unrolled")]
    [InlineData("HiddenDropout", "Loops")]
    [InlineData("HiddenNoise", "Loops")]
    [InlineData("HiddenNoiseFree", "Unrolled")]
    public void Layered_networks_get_the_shape_of_their_layers(string network, string shape)
        => Assert.Equal(shape, GeneratedShapes.Of(LayeredCatalog.Get(network).Type).ToString());

    /// <summary>A network named ...Unrolled or ...Loop was declared for that shape, and got it.</summary>
    [Fact]
    public void Networks_named_for_a_shape_got_it()
    {
        var wrong = NetworkCatalog.All.Select(c => (c.Name, c.Type)).Concat(LayeredCatalog.All.Select(c => (c.Name, c.Type)))
            .Where(c => c.Name.EndsWith("Unrolled", StringComparison.Ordinal) && GeneratedShapes.Of(c.Type) != CpuCodeShape.Unrolled
                        || c.Name.EndsWith("Loop", StringComparison.Ordinal) && GeneratedShapes.Of(c.Type) != CpuCodeShape.Loops)
            .Select(c => c.Name)
            .ToArray();
        Assert.Empty(wrong);
        Assert.Contains(NetworkCatalog.All, c => c.Name.EndsWith("Unrolled", StringComparison.Ordinal));
        Assert.Contains(NetworkCatalog.All, c => c.Name.EndsWith("Loop", StringComparison.Ordinal));
    }

    /// <summary>The generator, run on the declaration files, made exactly the catalogs' networks: none is read without its shape.</summary>
    [Fact]
    public void The_shapes_are_read_for_every_catalog_network()
    {
        string[] catalog = NetworkCatalog.All.Select(c => c.Type.FullName!).Concat(LayeredCatalog.All.Select(c => c.Type.FullName!)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(catalog, GeneratedShapes.Names.Order(StringComparer.Ordinal));
        Assert.All(NetworkCatalog.All, c => GeneratedShapes.Of(c.Type));
        Assert.All(LayeredCatalog.All, c => GeneratedShapes.Of(c.Type));
    }

    /// <summary>The source reading itself: an unrolled and a loop network's generated text are told apart, and text with neither is neither.</summary>
    [Fact]
    public void The_source_reading_tells_the_shapes_apart()
    {
        Assert.Equal(CpuCodeShape.Unrolled, GeneratedShapes.OfSource(Infrastructure.GeneratorHarness.Run(
            "using NnGen;\nnamespace Demo;\n[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(1)] public partial class Net;").GeneratedSources.Values.Single()));
        Assert.Equal(CpuCodeShape.Loops, GeneratedShapes.OfSource(Infrastructure.GeneratorHarness.Run(
            "using NnGen;\nnamespace Demo;\n[Network(Loss.MeanSquaredError)] [Input(13)] [Dense(5, Activation.Tanh)] [Dense(1)] public partial class Net;").GeneratedSources.Values.Single()));
        Assert.Null(GeneratedShapes.OfSource("partial class Net { }"));
    }
}
