extern alias NnGenGenerator;

using System.Collections.Generic;
using System.Linq;
using NnGenGenerator::NnGen.Generator.Model;
using NnGenGenerator::NnGen.Generator.Planning;

namespace NnGen.Tests.Planning;

/// <summary>
/// Builds models the way the parser does (layers numbered from 1, each fed by the one before), without going
/// through source text, so that planning tests state their network as values. The generator's enums are its own
/// copies (compiled into both assemblies), so activations and inits are given by their numbers.
/// </summary>
internal static class PlanFactory
{
    public const int Identity = 0, Sigmoid = 1, Tanh = 2, ReLU = 3, Softmax = 7;

    public static LayerBuilder Dense(int units, int activation = Identity, float l1 = 0f)
        => (number, fanIn) => new DenseLayer(number, fanIn, units, Act(activation), 0f, (NnGenGenerator::NnGen.Init)7, 0f, l1, 0f);

    public static LayerBuilder BatchNorm(int activation = Identity)
        => (number, fanIn) => new BatchNormLayer(number, fanIn, Act(activation), 0f, 0.1f, 1e-5f);

    public static LayerBuilder LayerNorm(int activation = Identity)
        => (number, fanIn) => new LayerNormLayer(number, fanIn, Act(activation), 0f, 1e-5f);

    public static LayerBuilder Maxout(int units, int pieces)
        => (number, fanIn) => new MaxoutLayer(number, fanIn, units, pieces, (NnGenGenerator::NnGen.Init)7, 0f);

    public static LayerBuilder Dropout(float rate) => (number, fanIn) => new DropoutLayer(number, fanIn, rate);

    public static LayerBuilder Noise(float deviation) => (number, fanIn) => new GaussianNoiseLayer(number, fanIn, deviation);

    public delegate LayerModel LayerBuilder(int number, int fanIn);

    public static NetworkModel Model(int inputs, params LayerBuilder[] layers) => Model(0, inputs, layers);

    /// <summary>A model with the loss of number <paramref name="loss"/> (0 MSE, 1 MAE, 2 BCE, 3 CCE).</summary>
    public static NetworkModel Model(int loss, int inputs, params LayerBuilder[] layers)
    {
        var built = new List<LayerModel>();
        int fanIn = inputs;
        foreach (LayerBuilder layer in layers)
        {
            LayerModel model = layer(built.Count + 1, fanIn);
            built.Add(model);
            fanIn = model.Units;
        }
        return new NetworkModel("Demo", "Net", "class", EquatableArray<ContainingTypeModel>.Empty, (NnGenGenerator::NnGen.Loss)loss, inputs, built.ToEquatableArray());
    }

    public static NetworkPlan Plan(int inputs, params LayerBuilder[] layers) => NetworkPlanner.Plan(Model(inputs, layers));

    /// <summary>Square dense layers: <paramref name="count"/> layers of <paramref name="width"/> units after <paramref name="width"/> inputs.</summary>
    public static NetworkPlan Deep(int count, int width)
        => Plan(width, Enumerable.Range(0, count).Select(_ => Dense(width)).ToArray());

    private static NnGenGenerator::NnGen.Activation Act(int value) => (NnGenGenerator::NnGen.Activation)value;
}
