using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NnGen.Tests.GradientChecks;

/// <summary>The declared networks cover what the gradient checks promise, and the reference reads each as the generator did.</summary>
public sealed class CatalogCoverageTests
{
    private static readonly Activation[] ElementwiseActivations =
    {
        Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.ELU, Activation.SELU,
    };

    [Theory]
    [MemberData(nameof(NetworkCatalog.Names), MemberType = typeof(NetworkCatalog))]
    public void Reference_reads_the_declared_shape_as_the_generator_did(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        INetwork net = c.Create();
        Assert.Equal(c.Spec.InputSize, net.InputSize);
        Assert.Equal(c.Spec.OutputSize, net.OutputSize);
        Assert.Equal(c.Spec.ParameterCount, net.ParameterCount);
        Assert.Equal(c.Spec.ParameterCount, net.Parameters.Length);
        Assert.Equal(c.Spec.ParameterCount, net.Gradients.Length);
    }

    [Fact]
    public void Every_hidden_activation_meets_every_loss_in_both_code_shapes()
    {
        var missing = new List<string>();
        foreach (bool unrolled in new[] { true, false })
            foreach (Activation hidden in ElementwiseActivations)
                foreach (Loss loss in new[] { Loss.MeanSquaredError, Loss.MeanAbsoluteError, Loss.BinaryCrossEntropy, Loss.CategoricalCrossEntropy })
                    if (!NetworkCatalog.All.Any(c => c.IsUnrolled == unrolled && c.Spec.Loss == loss && c.Spec.Layers.Count > 1 && c.Spec.Layers[0].Activation == hidden))
                        missing.Add($"{(unrolled ? "unrolled" : "loop")} {hidden} hidden with {loss}");
        Assert.Empty(missing);
    }

    [Fact]
    public void Mse_and_Mae_meet_every_output_activation_in_both_code_shapes()
    {
        var missing = new List<string>();
        foreach (bool unrolled in new[] { true, false })
            foreach (Activation output in ElementwiseActivations.Append(Activation.Softmax))
                foreach (Loss loss in new[] { Loss.MeanSquaredError, Loss.MeanAbsoluteError })
                    if (!NetworkCatalog.All.Any(c => c.IsUnrolled == unrolled && c.Spec.Loss == loss && c.Spec.Output.Activation == output))
                        missing.Add($"{(unrolled ? "unrolled" : "loop")} {output} output with {loss}");
        Assert.Empty(missing);
    }

    [Fact]
    public void Custom_alphas_widths_and_depths_are_covered()
    {
        NetworkCase[] all = NetworkCatalog.All.ToArray();
        foreach (bool unrolled in new[] { true, false })
        {
            NetworkCase[] shape = all.Where(c => c.IsUnrolled == unrolled).ToArray();
            Assert.Contains(shape, c => c.Spec.Layers.Any(l => l.Activation == Activation.LeakyReLU && l.Alpha != 0.01));
            Assert.Contains(shape, c => c.Spec.Layers.Any(l => l.Activation == Activation.ELU && l.Alpha != 1.0));
            Assert.Contains(shape, c => c.Spec.Layers.Count >= 3);
            Assert.Contains(shape, c => c.Spec.Layers.Count >= 4);
            foreach (int width in new[] { 1, 3, 7, 33 })
                Assert.Contains(shape, c => c.Spec.InputSize == width || c.Spec.Layers.Any(l => l.Units == width));
        }
    }
}
