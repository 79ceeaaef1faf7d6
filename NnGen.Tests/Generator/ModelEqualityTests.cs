extern alias NnGenGenerator;

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NnGenGenerator::NnGen.Generator;
using NnGenGenerator::NnGen.Generator.Diagnostics;
using NnGenGenerator::NnGen.Generator.Model;
using NnGenGenerator::NnGen.Generator.Planning;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Generator;

/// <summary>
/// The models compare by value: two parses of the same declaration in two compilations give equal models, and
/// any change the emitters would see gives an unequal one. This is what lets the pipeline cache.
/// </summary>
public sealed class ModelEqualityTests
{
    private const string Declaration = """
        using NnGen;
        namespace Demo;

        internal partial class Outer
        {
            [Network(Loss.CategoricalCrossEntropy, Init = Init.HeNormal)]
            [Input(4)]
            [Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
        }
        """;

    private static NetworkModel ParseModel(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        return (NetworkModel)Assert.Single(run.Result.TrackedSteps[TrackingNames.Model].SelectMany(step => step.Outputs)).Value;
    }

    /// <summary>
    /// The enums are compiled into both the runtime and the generator, so a test cannot name the generator's
    /// copy: this gives the value <paramref name="value"/> of whichever enum <paramref name="like"/> is.
    /// </summary>
    private static T Value<T>(T like, int value) where T : struct, System.Enum => (T)System.Enum.ToObject(typeof(T), value);

    private static NetworkModel Sample() => ParseModel(Declaration);

    [Fact]
    public void Same_declaration_in_two_compilations_gives_equal_models()
    {
        NetworkModel first = ParseModel(Declaration), second = ParseModel("// another compilation\n" + Declaration);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Parsed_model_holds_what_was_declared()
    {
        NetworkModel model = Sample();

        Assert.Equal(("Demo", "Net", "class", 4), (model.Namespace, model.TypeName, model.TypeKeyword, model.InputSize));
        Assert.Equal(new[] { new ContainingTypeModel("class", "Outer") }, model.ContainingTypes);
        Assert.Equal("CategoricalCrossEntropy", model.Loss.ToString());
        Assert.Equal(
            new[] { "1 4->8 LeakyReLU 0.1 HeNormal 0", "2 8->3 Softmax 0 HeNormal 0" },
            model.Layers.Cast<DenseLayer>().Select(l => FormattableString.Invariant($"{l.Number} {l.FanIn}->{l.Units} {l.Activation} {l.Alpha} {l.Init} {l.InitScale}")));
    }

    [Theory]
    [InlineData("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Dense(9, Activation.LeakyReLU, Alpha = 0.1f)]")]
    [InlineData("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]")]
    [InlineData("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Dense(8, Activation.ELU, Alpha = 0.1f)]")]
    [InlineData("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Dense(8, Activation.LeakyReLU, Alpha = 0.1f, Init = Init.Zeros)]")]
    [InlineData("[Input(4)]", "[Input(5)]")]
    [InlineData("Init = Init.HeNormal", "Init = Init.HeUniform")]
    [InlineData("public partial class Net;", "public partial record Net;")]
    [InlineData("public partial class Net;", "public partial class Net2;")]
    [InlineData("internal partial class Outer", "internal partial struct Outer")]
    [InlineData("namespace Demo;", "namespace Demo2;")]
    public void Any_change_the_emitters_see_gives_an_unequal_model(string find, string replace)
    {
        NetworkModel changed = ParseModel(Declaration.Replace(find, replace, StringComparison.Ordinal));

        Assert.NotEqual(ParseModel(Declaration), changed);
    }

    [Fact]
    public void Every_layer_field_takes_part_in_equality()
    {
        var layer = (DenseLayer)Sample().Layers[0];

        Assert.Equal(layer, (DenseLayer)Sample().Layers[0]);
        Assert.Equal(layer.GetHashCode(), Sample().Layers[0].GetHashCode());
        Assert.NotEqual(layer, layer with { Number = 2 });
        Assert.NotEqual(layer, layer with { FanIn = 5 });
        Assert.NotEqual(layer, layer with { Units = 9 });
        Assert.NotEqual(layer, layer with { Activation = Value(layer.Activation, 5) });
        Assert.NotEqual(layer, layer with { Alpha = 0.2f });
        Assert.NotEqual(layer, layer with { Init = Value(layer.Init, 0) });
        Assert.NotEqual(layer, layer with { InitScale = 1f });
        Assert.NotEqual(layer, layer with { L1 = 0.5f });
        Assert.NotEqual(layer, layer with { L2 = 0.5f });

        var batchNorm = new BatchNormLayer(2, 8, layer.Activation, 0f, 0.1f, 1e-5f);
        Assert.Equal(batchNorm, new BatchNormLayer(2, 8, layer.Activation, 0f, 0.1f, 1e-5f));
        Assert.NotEqual(batchNorm, batchNorm with { Momentum = 0.5f });
        Assert.NotEqual(batchNorm, batchNorm with { Epsilon = 0.5f });
        Assert.NotEqual<LayerModel>(batchNorm, new LayerNormLayer(2, 8, layer.Activation, 0f, 1e-5f));
        Assert.NotEqual<LayerModel>(new DropoutLayer(2, 8, 0.5f), new GaussianNoiseLayer(2, 8, 0.5f));
        Assert.NotEqual(new DropoutLayer(2, 8, 0.5f), new DropoutLayer(2, 8, 0.25f));
    }

    [Fact]
    public void Every_network_field_takes_part_in_equality()
    {
        NetworkModel model = Sample();

        Assert.Equal(model, Sample());
        Assert.NotEqual(model, model with { Namespace = null });
        Assert.NotEqual(model, model with { TypeName = "Other" });
        Assert.NotEqual(model, model with { TypeKeyword = "record" });
        Assert.NotEqual(model, model with { ContainingTypes = EquatableArray<ContainingTypeModel>.Empty });
        Assert.NotEqual(model, model with { Loss = Value(model.Loss, 0) });
        Assert.NotEqual(model, model with { InputSize = 5 });
        Assert.NotEqual(model, model with { Layers = model.Layers.Take(1).ToEquatableArray() });
    }

    [Fact]
    public void Derived_shape_follows_the_layers()
    {
        NetworkModel model = Sample();
        NetworkPlan plan = NetworkPlanner.Plan(model);

        Assert.Equal(3, model.OutputSize);
        Assert.Equal("Demo.Outer.Net", model.FullName);
        Assert.Equal(4 * 8 + 8 + 8 * 3 + 3, plan.ParameterCount);
        Assert.Equal(2L * (4 * 8 + 8 * 3), plan.ForwardFlopsPerSample);
        Assert.Equal(40, plan.Layers[1].WeightOffset);
        Assert.Equal(64, plan.Layers[1].BiasOffset);
    }

    [Fact]
    public void Diagnostic_infos_and_parse_results_compare_by_value()
    {
        DiagnosticInfo Info(int start) => new(DiagnosticDescriptors.NotPartial, "Source0.cs", new TextSpan(start, 3),
            new LinePositionSpan(new LinePosition(1, 0), new LinePosition(1, 3)), new[] { "Net" }.ToEquatableArray());

        Assert.Equal(Info(5), Info(5));
        Assert.Equal(Info(5).GetHashCode(), Info(5).GetHashCode());
        Assert.NotEqual(Info(5), Info(6));
        Assert.Equal(new ParseResult(Sample(), new[] { Info(5) }.ToEquatableArray()), new ParseResult(Sample(), new[] { Info(5) }.ToEquatableArray()));
        Assert.NotEqual(new ParseResult(Sample(), default), new ParseResult(null, default));

        Diagnostic diagnostic = Info(5).ToDiagnostic();
        Assert.Equal("NNG0001", diagnostic.Id);
        Assert.Equal(new TextSpan(5, 3), diagnostic.Location.SourceSpan);
        Assert.Contains("'Net'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_maxout_field_takes_part_in_equality()
    {
        NetworkModel model = ParseModel(Declaration.Replace("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Maxout(8, 3, InitScale = 0.5f, Init = Init.Uniform)]", StringComparison.Ordinal));
        var layer = Assert.IsType<MaxoutLayer>(model.Layers[0]);
        Assert.Equal("1 4->8 x3 Uniform 0.5", FormattableString.Invariant($"{layer.Number} {layer.FanIn}->{layer.Units} x{layer.Pieces} {layer.Init} {layer.InitScale}"));
        Assert.Equal((4L * 8 * 3, 4L * 8 * 3 + 8 * 3), (layer.WeightCount, layer.ParameterCount));
        Assert.Equal(8, model.Layers[1].FanIn);

        Assert.Equal(layer, new MaxoutLayer(1, 4, 8, 3, layer.Init, 0.5f));
        Assert.Equal(layer.GetHashCode(), new MaxoutLayer(1, 4, 8, 3, layer.Init, 0.5f).GetHashCode());
        Assert.NotEqual(layer, layer with { Number = 2 });
        Assert.NotEqual(layer, layer with { FanIn = 5 });
        Assert.NotEqual(layer, layer with { Units = 9 });
        Assert.NotEqual(layer, layer with { Pieces = 2 });
        Assert.NotEqual(layer, layer with { Init = Value(layer.Init, 0) });
        Assert.NotEqual(layer, layer with { InitScale = 1f });
        Assert.NotEqual(model, ParseModel(Declaration.Replace("[Dense(8, Activation.LeakyReLU, Alpha = 0.1f)]", "[Maxout(8, 2, InitScale = 0.5f, Init = Init.Uniform)]", StringComparison.Ordinal)));
    }
}
