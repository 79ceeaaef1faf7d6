using System;
using System.Linq;
using NnGen.Tests.Reference;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>
/// Each activation and its derivative, alone, to a few ulps. The network-wide checks allow float error to grow
/// with the length of the computation (hundreds of ulps); here the computation is a single gate, so a constant
/// off in its fifth digit (SELU's 1.6733 for 1.6732632...) or a slightly wrong formula cannot hide.
/// </summary>
public sealed class ActivationAccuracyTests
{
    /// <summary>
    /// Up to 8 roundings of u on the gate's error scale: the runtime's exp, sigmoid and tanh (within 1-2 ulps, ElementMathTests), the adds, multiplies
    /// and divides around them, and for the gradient the loss gate's 2 (a - t) and the derivative's own formula.
    /// </summary>
    private const double Ulps = 8;

    public static TheoryData<string> Networks()
    {
        var data = new TheoryData<string>();
        foreach (NetworkCase c in NetworkCatalog.All.Where(c => c.Name.StartsWith("Unit", System.StringComparison.Ordinal))) data.Add(c.Name);
        return data;
    }

    /// <summary>41 points in [-4, 4], none within 1e-3 of the kink at 0.</summary>
    private static readonly float[] Points = Enumerable.Range(0, 41).Select(k => -4f + 0.2f * k + 0.0137f).ToArray();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Predict_is_the_activation_to_a_few_ulps(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        INetwork net = c.Create();
        net.Parameters[0] = 1f; // W: z = x exactly
        net.Parameters[1] = 0f; // b
        float[] y = new float[Points.Length];
        net.Predict(Points, y);

        double[] p = { 1, 0 };
        BatchEvaluation expected = ReferenceNetwork.Evaluate(c.Spec, p, Points.Select(v => (double)v).ToArray());
        ElementwiseAssert.Close($"{c} activation", expected.Outputs, y, j => Ulps * FloatTolerance.UnitRoundoff * expected.OutputScales[j]);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_gradient_is_the_derivative_to_a_few_ulps(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        INetwork net = c.Create();
        double[] p = { 1, 0 };
        foreach (float x in Points)
        {
            net.Parameters[0] = 1f;
            net.Parameters[1] = 0f;
            net.ComputeGradients(new[] { x }, new[] { 0f }); // L = a^2: dL/db = 2 a f'(z), dL/dW = 2 a f'(z) x

            GradientResult expected = ReferenceGradient.Compute(c.Spec, p, new double[] { x }, new double[] { 0 });
            ElementwiseAssert.Close($"{c} gradient at x = {x:R}", expected.Gradient, net.Gradients,
                j => Ulps * FloatTolerance.UnitRoundoff * expected.GradientScale[j]);
        }
    }

    /// <summary>
    /// At z = 0 exactly each derivative takes PyTorch's value (autograd of each torch.nn module at a float64 0):
    /// ReLU 0, LeakyReLU its slope, ELU its alpha, SELU scale * alpha, Sigmoid 1/4, Tanh 1.
    /// </summary>
    [Theory]
    [InlineData("UnitReLU", 0.0)]
    [InlineData("UnitLeakyReLU", 0.01)]
    [InlineData("UnitLeakyReLU02", 0.2)]
    [InlineData("UnitELU", 1.0)]
    [InlineData("UnitELU05", 0.5)]
    [InlineData("UnitSELU", 1.7580993408473766)]
    [InlineData("UnitSigmoid", 0.25)]
    [InlineData("UnitTanh", 1.0)]
    public void The_derivative_at_exactly_0_is_PyTorchs(string network, double torchDerivative)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        LayerSpec layer = c.Spec.Layers[0];
        Assert.Equal(torchDerivative, ReferenceActivations.Derivative(layer.Activation, layer.Alpha, 0.0), 7);

        INetwork net = c.Create();
        net.Parameters[0] = 1f;
        net.Parameters[1] = 0f;
        float a = layer.Activation == Activation.Sigmoid ? 0.5f : 0f;
        net.ComputeGradients(new[] { 0f }, new[] { a - 1f }); // z = 0; L = (a - t)^2 with a - t = 1: dL/db = 2 f'(0)
        Assert.True(Math.Abs(net.Gradients[1] - 2 * torchDerivative) <= 4 * FloatTolerance.UnitRoundoff * 2 * torchDerivative,
            $"{c}: dL/db at z = 0 is {net.Gradients[1]:R}, PyTorch's derivative gives {2 * torchDerivative:R}.");
        Assert.Equal(0f, net.Gradients[0]); // dL/dW = dL/db * x with x = 0
    }
}
