extern alias NnGenGenerator;

using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Tests.Infrastructure;
using NnGenGenerator::NnGen.Generator;
using NnGenGenerator::NnGen.Generator.Model;
using NnGenGenerator::NnGen.Generator.Planning;
using Xunit;

namespace NnGen.Tests.Planning;

/// <summary>
/// The GPU lowering, as decisions rather than text: which kernel shape a network gets, which kernels with which typed
/// parameters, which buffers, and which launches in which order, each launch's arguments matching its kernel.
/// </summary>
public sealed class GpuKernelPlanTests
{
    private static NetworkModel Model(string layers, string loss = "MeanSquaredError")
    {
        GeneratorRun run = GeneratorHarness.Run($"using NnGen;\nnamespace Demo;\n[Network(Loss.{loss})] {layers}\npublic partial class Net;");
        return (NetworkModel)Assert.Single(run.Result.TrackedSteps[TrackingNames.Model].SelectMany(step => step.Outputs)).Value;
    }

    private static GpuKernelPlan Plan(string layers, string loss = "MeanSquaredError") => NetworkPlanner.Plan(Model(layers, loss)).Gpu!;

    private const string Mnist = "[Input(784)] [Dense(128, Activation.ReLU)] [Dense(10, Activation.Softmax)]";

    /// <summary>Declarations of every kernel shape, every activation in a hidden layer and every loss.</summary>
    public static TheoryData<string, string> Networks() => new()
    {
        { "[Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]", "MeanSquaredError" },
        { "[Input(3)] [Dense(7, Activation.Tanh)] [Dense(3, Activation.Softmax)]", "CategoricalCrossEntropy" },
        { "[Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)]", "CategoricalCrossEntropy" },
        { "[Input(64)] [Dense(33, Activation.ReLU)] [Dense(10, Activation.Softmax)]", "CategoricalCrossEntropy" },
        { Mnist, "CategoricalCrossEntropy" },
        { "[Input(40)] [Dense(50)] [Dense(45, Activation.ELU)] [Dense(2, Activation.Sigmoid)]", "BinaryCrossEntropy" },
        { "[Input(70)] [Dense(40, Activation.SELU)] [Dense(35, Activation.LeakyReLU)] [Dense(3)]", "MeanAbsoluteError" },
        { "[Input(4)] [Dense(5, Activation.Identity)] [Dense(6, Activation.Tanh)] [Dense(1)]", "MeanSquaredError" },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_launch_binds_arguments_of_its_kernels_parameter_types(string layers, string loss)
    {
        GpuKernelPlan plan = Plan(layers, loss);

        foreach (GpuStep step in plan.Forward.Concat(plan.Loss).Concat(plan.Gradients))
        {
            (string callee, IReadOnlyList<GpuValueType> parameters, IReadOnlyList<GpuArgument> arguments) = Signature(step);
            Assert.True(parameters.SequenceEqual(arguments.Select(a => a.Type)), $"{callee}: parameters ({string.Join(", ", parameters)}), arguments ({string.Join(", ", arguments.Select(a => a.Type))})");
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_kernel_is_launched_and_every_launched_kernel_is_declared(string layers, string loss)
    {
        GpuKernelPlan plan = Plan(layers, loss);
        var launched = plan.Forward.Concat(plan.Loss).Concat(plan.Gradients).OfType<GpuLaunch>().Select(l => l.Kernel).ToHashSet();

        Assert.Equal(plan.Kernels.OrderBy(k => k.Name, StringComparer.Ordinal), launched.OrderBy(k => k.Name, StringComparer.Ordinal));
        Assert.Equal(plan.Kernels.Count, plan.Kernels.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_buffer_a_launch_reads_is_the_base_classes_or_the_networks_own(string layers, string loss)
    {
        GpuKernelPlan plan = Plan(layers, loss);
        var known = new HashSet<GpuBuffer>(plan.Buffers)
        {
            GpuKernelPlanner.Inputs, GpuKernelPlanner.Targets, GpuKernelPlanner.Parameters, GpuKernelPlanner.SampleLoss, GpuKernelPlanner.Partials,
        };

        foreach (GpuStep step in plan.Forward.Concat(plan.Loss).Concat(plan.Gradients))
        {
            IEnumerable<GpuArgument> arguments = step is GpuLaunch launch ? launch.Arguments : ((GpuHostCall)step).Arguments;
            foreach (GpuBufferArgument buffer in arguments.OfType<GpuBufferArgument>())
                Assert.Contains(buffer.Buffer, known);
        }
        Assert.Contains(plan.Outputs, plan.Buffers);
        Assert.All(plan.Buffers, b => Assert.Equal(GpuBufferOwner.Network, b.Owner));
    }

    [Theory]
    [InlineData("[Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]", "FusedRegisters")]
    [InlineData("[Input(64)] [Dense(32, Activation.ReLU)] [Dense(10)]", "FusedLocalMemory")]
    [InlineData("[Input(64)] [Dense(33, Activation.ReLU)] [Dense(10)]", "PerLayer")]
    [InlineData("[Input(500)] [Dense(32, Activation.ReLU)] [Dense(1)]", "FusedLocalMemory")] // 16065 parameters
    [InlineData("[Input(520)] [Dense(32, Activation.ReLU)] [Dense(1)]", "PerLayer")] // 16705 parameters: over the fused limit
    [InlineData(Mnist, "PerLayer")]
    public void The_kernel_shape_follows_the_widths_and_the_parameter_count(string layers, string shape)
    {
        GpuKernelPlan plan = Plan(layers);

        Assert.Equal(shape, plan.Shape.ToString());
        Assert.Equal(shape != "PerLayer", plan.IsFused);
    }

    [Fact]
    public void A_fused_network_gets_three_kernels_one_thread_per_sample()
    {
        GpuKernelPlan plan = Plan("[Input(2)] [Dense(3, Activation.Sigmoid)] [Dense(1)]");

        Assert.Equal(new[] { "FusedPredict", "FusedLoss", "FusedGradients" }, plan.Kernels.Select(k => k.Name));
        Assert.All(plan.Forward.Concat(plan.Loss).Concat(plan.Gradients).OfType<GpuLaunch>(), l => Assert.Equal(new GpuExtent(GpuExtentUnit.Samples, 1), l.Extent));
        // outputs (1 per sample) and one gradient row (13 parameters) per sample
        Assert.Equal(new[] { ("_nnOutputs", 1), ("_nnSampleGradients", 13) }, plan.Buffers.Select(b => (b.Name, b.RowWidth)));
        Assert.Equal(13, plan.WidestRow);
        Assert.Equal(new[] { "FusedGradients", nameof(GpuHostMethod.QueueSampleGradientReduction), nameof(GpuHostMethod.QueueGradientReduction), nameof(GpuHostMethod.QueueLossReduction) }, Names(plan.Gradients));
        Assert.Equal(new[] { "FusedLoss", nameof(GpuHostMethod.QueueLossReduction) }, Names(plan.Loss));
    }

    [Fact]
    public void A_per_layer_784_128_10_network_gets_its_kernels_buffers_and_launches()
    {
        GpuKernelPlan plan = Plan(Mnist, "CategoricalCrossEntropy");

        Assert.Equal(GpuCodeShape.PerLayer, plan.Shape);
        Assert.Equal(
            new[] { "ForwardLayer1", "ForwardLayer2", "SoftmaxLayer2", "LossGate", "WeightGradientsLayer2", "BackwardInputLayer2", "WeightGradientsLayer1" },
            plan.Kernels.Select(k => k.Name));
        // the ReLU is fused into layer 1's forward kernel (4 views: x, p, z, a); the softmax gets its own kernel
        Assert.Equal(new[] { "x", "p", "z", "a" }, Kernel(plan, "ForwardLayer1").Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "x", "p", "z" }, Kernel(plan, "ForwardLayer2").Parameters.Select(p => p.Name));
        Assert.Equal(
            new[] { GpuValueType.FloatView, GpuValueType.FloatView, GpuValueType.FloatView, GpuValueType.FloatView, GpuValueType.FloatView, GpuValueType.Float, GpuValueType.Int },
            Kernel(plan, "LossGate").Parameters.Select(p => p.Type));
        Assert.Equal(
            new[] { ("_nnZ1", 128), ("_nnA1", 128), ("_nnD1", 128), ("_nnZ2", 10), ("_nnA2", 10), ("_nnD2", 10) },
            plan.Buffers.Select(b => (b.Name, b.RowWidth)));
        Assert.Equal("_nnA2", plan.Outputs.Name);
        Assert.Equal(784 + 10, plan.WidestRow);

        Assert.Equal(new[] { "ForwardLayer1", "ForwardLayer2", "SoftmaxLayer2" }, Names(plan.Forward));
        Assert.Equal(new[] { nameof(GpuHostMethod.QueueForward), "LossGate", nameof(GpuHostMethod.QueueLossReduction) }, Names(plan.Loss));
        Assert.Equal(
            new[] { nameof(GpuHostMethod.QueueForward), "LossGate", "WeightGradientsLayer2", "BackwardInputLayer2", "WeightGradientsLayer1", nameof(GpuHostMethod.QueueGradientReduction), nameof(GpuHostMethod.QueueLossReduction) },
            Names(plan.Gradients));

        GpuLaunch[] launches = plan.Gradients.OfType<GpuLaunch>().ToArray();
        // the loss gate asks for the gradient in the gradient sequence only
        Assert.Equal("1", ((GpuScalarArgument)launches[0].Arguments[6]).Expression);
        Assert.Equal("0", ((GpuScalarArgument)plan.Loss.OfType<GpuLaunch>().Single().Arguments[6]).Expression);
        // one thread per (chunk, weight or bias) of each layer; one per (sample, input) of layer 2
        Assert.Equal(new GpuExtent(GpuExtentUnit.Chunks, 1280 + 10), launches[1].Extent);
        Assert.Equal(new GpuExtent(GpuExtentUnit.Samples, 128), launches[2].Extent);
        Assert.Equal(new GpuExtent(GpuExtentUnit.Chunks, 100352 + 128), launches[3].Extent);
        // layer 1's weight gradient reads the batch inputs; layer 2's, layer 1's activated outputs
        Assert.Equal(GpuKernelPlanner.Inputs, ((GpuBufferArgument)launches[3].Arguments[1]).Buffer);
        Assert.Equal("_nnA1", ((GpuBufferArgument)launches[1].Arguments[1]).Buffer.Name);
    }

    [Fact]
    public void An_identity_layer_has_no_activated_buffer_and_the_layer_above_reads_its_z()
    {
        GpuKernelPlan plan = Plan("[Input(40)] [Dense(50)] [Dense(45, Activation.ELU)] [Dense(2)]");

        Assert.DoesNotContain(plan.Buffers, b => b.Name == "_nnA1");
        Assert.DoesNotContain(plan.Buffers, b => b.Name == "_nnA3");
        Assert.Equal("_nnZ3", plan.Outputs.Name);
        GpuLaunch forward2 = plan.Forward.OfType<GpuLaunch>().Single(l => l.Kernel.Name == "ForwardLayer2");
        Assert.Equal("_nnZ1", ((GpuBufferArgument)forward2.Arguments[0]).Buffer.Name);
        GpuLaunch backward2 = plan.Gradients.OfType<GpuLaunch>().Single(l => l.Kernel.Name == "BackwardInputLayer2");
        Assert.Equal(new[] { "_nnD2", "DeviceParameters", "_nnZ1", "_nnZ1", "_nnD1" }, backward2.Arguments.Select(a => ((GpuBufferArgument)a).Buffer.Name));
    }

    [Fact]
    public void A_launch_whose_arguments_do_not_match_its_kernel_cannot_be_built()
    {
        GpuKernelPlan plan = Plan(Mnist, "CategoricalCrossEntropy");
        GpuKernel weights = Kernel(plan, "WeightGradientsLayer1");
        var view = new GpuBufferArgument(GpuKernelPlanner.Inputs);
        var n = new GpuScalarArgument(GpuValueType.Int, "n");
        var extent = new GpuExtent(GpuExtentUnit.Chunks, 100480);

        Assert.NotNull(new GpuLaunch(weights, extent, view, view, view, n));
        Assert.Throws<ArgumentException>(() => new GpuLaunch(weights, extent, view, view, view)); // one argument short
        Assert.Throws<ArgumentException>(() => new GpuLaunch(weights, extent, view, view, view, view)); // a view for the int n
        Assert.Throws<ArgumentException>(() => new GpuLaunch(weights, extent, view, view, view, new GpuScalarArgument(GpuValueType.Float, "1f"))); // a float for it
        Assert.Throws<ArgumentException>(() => new GpuHostCall(GpuHostMethod.QueueLossReduction, n, n)); // count missing
    }

    [Fact]
    public void The_plan_is_a_value()
    {
        Assert.Equal(Plan(Mnist, "CategoricalCrossEntropy"), Plan(Mnist, "CategoricalCrossEntropy"));
        Assert.Equal(Plan(Mnist, "CategoricalCrossEntropy").GetHashCode(), Plan(Mnist, "CategoricalCrossEntropy").GetHashCode());
        Assert.NotEqual(Plan(Mnist, "CategoricalCrossEntropy"), Plan(Mnist.Replace("128", "129", StringComparison.Ordinal), "CategoricalCrossEntropy"));
    }

    private static (string Callee, IReadOnlyList<GpuValueType> Parameters, IReadOnlyList<GpuArgument> Arguments) Signature(GpuStep step)
    {
        if (step is GpuLaunch launch) return (launch.Kernel.Name, launch.Kernel.Parameters.Select(p => p.Type).ToList(), launch.Arguments.ToList());
        var call = (GpuHostCall)step;
        return (call.Method.ToString(), GpuSignature.Parameters(call.Method).Select(p => p.Type).ToList(), call.Arguments.ToList());
    }

    private static GpuKernel Kernel(GpuKernelPlan plan, string name) => plan.Kernels.Single(k => k.Name == name);

    private static IEnumerable<string> Names(EquatableArray<GpuStep> steps)
        => steps.Select(step => step switch
        {
            GpuLaunch launch => launch.Kernel.Name,
            GpuHostCall call => call.Method.ToString(),
            _ => throw new InvalidOperationException(step.ToString()),
        });
}
