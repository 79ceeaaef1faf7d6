extern alias NnGenGenerator;

using System.Linq;
using NnGenGenerator::NnGen.Generator.Planning;
using Xunit;
using static NnGen.Tests.Planning.PlanFactory;

namespace NnGen.Tests.Planning;

/// <summary>
/// The planner's decisions, read from the plan itself (no generated text): where each layer's parameters and state
/// sit, which buffer it reads and writes, where its activation gate runs, and which code shape each target gets.
/// </summary>
public sealed class NetworkPlannerTests
{
    [Fact]
    public void Parameters_are_laid_out_layer_by_layer_weights_then_bias()
    {
        NetworkPlan plan = Plan(4, Dense(8, ReLU), BatchNorm(), Dropout(0.5f), LayerNorm(Tanh), Dense(3, Softmax));

        Assert.Equal(new[] { 0, 40, 56, 56, 72 }, plan.Layers.Select(l => l.ParameterOffset));
        Assert.Equal(new[] { 32, 48, 56, 64, 96 }, plan.Layers.Select(l => l.BiasOffset));
        Assert.Equal(4 * 8 + 8 + 2 * 8 + 2 * 8 + 8 * 3 + 3, plan.ParameterCount);
        // Only BatchNorm keeps state: its running mean and variance.
        Assert.Equal(16, plan.StateCount);
        Assert.Equal(new[] { 0, 0, 16, 16, 16 }, plan.Layers.Select(l => l.StateOffset));
        Assert.Equal(2L * (4 * 8 + 8 * 3), plan.ForwardFlopsPerSample);
    }

    [Fact]
    public void Each_layer_reads_the_output_of_the_layer_below_and_hands_its_gradient_down()
    {
        NetworkPlan plan = Plan(4, Dense(8, ReLU), Dropout(0.25f), Dense(5), Dense(3, Sigmoid));

        Assert.True(plan.Layers[0].Input.IsNetworkInputs);
        Assert.Null(plan.Layers[0].GradientBelow);
        for (int l = 1; l < plan.Layers.Count; l++)
        {
            Assert.Equal(plan.Layers[l - 1].Output, plan.Layers[l].Input);
            Assert.Equal(plan.Layers[l - 1].Gradient, plan.Layers[l].GradientBelow);
            Assert.Same(plan.Layers[l - 1], plan.Below(plan.Layers[l]));
        }
        Assert.Null(plan.Below(plan.Layers[0]));
        // Every buffer a layer names is one of the buffers it keeps, and no two layers share one.
        foreach (LayerPlan layer in plan.Layers)
        {
            Assert.Contains(layer.Output, layer.Buffers.Select(b => b.Buffer));
            Assert.Contains(layer.Gradient, layer.Buffers.Select(b => b.Buffer));
        }
        Assert.Equal(plan.Layers.Sum(l => l.Buffers.Count), plan.Layers.SelectMany(l => l.Buffers).Select(b => b.Buffer.Name).Distinct().Count());
    }

    [Fact]
    public void An_identity_gate_keeps_no_values_of_its_own()
    {
        NetworkPlan plan = Plan(4, Dense(8), Dense(3, Sigmoid));

        Assert.True(plan.Layers[0].OutputIsPreActivation);
        Assert.Equal(plan.Layers[0].PreActivation, plan.Layers[0].Output);
        Assert.False(plan.Layers[1].OutputIsPreActivation);
        Assert.NotEqual(plan.Layers[1].PreActivation, plan.Layers[1].Output);
        // A stochastic layer has no gate at all, only an output.
        NetworkPlan stochastic = Plan(4, Dense(8), Noise(0.1f), Dense(2));
        Assert.Null(stochastic.Layers[1].PreActivation);
        Assert.Equal(BufferRole.Activated, stochastic.Layers[1].Output.Role);
    }

    [Fact]
    public void Element_wise_gates_fuse_into_the_dense_kernel_and_row_gates_get_a_pass_of_their_own()
    {
        NetworkPlan plan = Plan(4, Dense(8, ReLU), BatchNorm(Tanh), LayerNorm(), Dropout(0.1f), Dense(6, Sigmoid), Dense(3, Softmax));

        Assert.Equal(
            new[] { ActivationStep.FusedIntoKernel, ActivationStep.OwnPass, ActivationStep.None, ActivationStep.None, ActivationStep.FusedIntoKernel, ActivationStep.OwnPass },
            plan.Layers.Select(l => l.ActivationStep));
        // The last layer's gate belongs to the loss gate; the others start their own backward step.
        Assert.Equal(new[] { true, true, false, false, true, false }, plan.Layers.Select(l => l.BackwardStartsWithActivation));
    }

    [Fact]
    public void Normalization_and_dropout_keep_the_buffers_their_backward_needs()
    {
        NetworkPlan plan = Plan(4, BatchNorm(), LayerNorm(), Dropout(0.5f), Dense(2));

        BufferPlan Of(int layer, BufferRole role) => plan.Layers[layer].Buffers.Single(b => b.Buffer.Role == role);
        // BatchNorm's 1/std is per feature (a fixed length), LayerNorm's per sample.
        Assert.Equal((0, 4), (Of(0, BufferRole.InverseDeviation).PerSample, Of(0, BufferRole.InverseDeviation).Fixed));
        Assert.Equal(1, Of(1, BufferRole.InverseDeviation).PerSample);
        Assert.Equal(4, Of(1, BufferRole.Normalized).PerSample);
        Assert.Equal(4, Of(2, BufferRole.DropoutMask).PerSample);
        Assert.Same(plan.Layers[0], plan.FirstBatchNorm);
        Assert.True(plan.HasStochasticLayer);
        Assert.False(Plan(4, Dense(2)).HasStochasticLayer);
        Assert.Null(Plan(4, LayerNorm(), Dense(2)).FirstBatchNorm);
    }

    [Theory]
    [InlineData(8, 8, 1, "Unrolled")]   // 64 weights: at the per-layer limit
    [InlineData(13, 5, 1, "Loops")]     // 65 weights: over it
    [InlineData(8, 8, 16, "Unrolled")]  // 1,024 weights in all: at the budget
    [InlineData(8, 8, 17, "Loops")]     // 1,088: over it
    public void Networks_are_unrolled_within_the_size_budget_and_loops_beyond(int inputs, int units, int layers, string expected)
    {
        NetworkPlan plan = Plan(inputs, Enumerable.Range(0, layers).Select(_ => Dense(units)).ToArray());

        Assert.Equal(expected, plan.CpuShape.ToString());
    }

    [Fact]
    public void Any_layer_but_dense_sends_a_tiny_network_to_loops()
    {
        Assert.Equal(CpuCodeShape.Unrolled, Plan(2, Dense(3, Sigmoid), Dense(1)).CpuShape);
        Assert.Equal(CpuCodeShape.Loops, Plan(2, Dense(3, Sigmoid), Dropout(0.1f), Dense(1)).CpuShape);
        Assert.Equal(CpuCodeShape.Loops, Plan(2, Dense(3, Sigmoid), LayerNorm(), Dense(1)).CpuShape);
    }

    [Fact]
    public void The_GPU_shape_says_why_a_network_gets_no_kernels()
    {
        NetworkPlan dropout = Plan(4, Dense(8, ReLU), Dropout(0.5f), Dense(2));
        NetworkPlan penalty = NetworkPlanner.Plan(Model(4, Dense(8, ReLU, l1: 0.01f), Dense(2)));

        Assert.Equal((GpuCodeShape.Unsupported, "layer 2 ([Dropout])"), (dropout.GpuShape, dropout.GpuUnsupportedReason));
        Assert.Equal((GpuCodeShape.Unsupported, "the L1/L2 penalty"), (penalty.GpuShape, penalty.GpuUnsupportedReason));
        Assert.Null(Plan(4, Dense(8), Dense(2)).GpuUnsupportedReason);
        Assert.Null(dropout.Gpu);
        Assert.NotNull(Plan(4, Dense(8), Dense(2)).Gpu);
    }

    [Theory]
    [InlineData(2, 3, 1, "FusedRegisters")]      // unrolled on the CPU: every gate a register
    [InlineData(64, 32, 10, "FusedLocalMemory")] // every layer at most 32 units, 2,410 parameters
    [InlineData(64, 33, 10, "PerLayer")]  // a layer of 33 units
    [InlineData(600, 30, 10, "PerLayer")] // 18,340 parameters: over the fused budget
    public void Tiny_networks_get_the_fused_GPU_kernel(int inputs, int hidden, int outputs, string expected)
        => Assert.Equal(expected, Plan(inputs, Dense(hidden, ReLU), Dense(outputs)).GpuShape.ToString());

    [Fact]
    public void Equal_models_give_equal_plans_and_any_change_an_unequal_one()
    {
        NetworkPlan plan = Plan(4, Dense(8, ReLU), Dense(3));

        Assert.Equal(plan, Plan(4, Dense(8, ReLU), Dense(3)));
        Assert.Equal(plan.GetHashCode(), Plan(4, Dense(8, ReLU), Dense(3)).GetHashCode());
        Assert.NotEqual(plan, Plan(4, Dense(8, Tanh), Dense(3)));
        Assert.NotEqual(plan, Plan(5, Dense(8, ReLU), Dense(3)));
        Assert.NotEqual(plan.Signature, Plan(4, Dense(8, Tanh), Dense(3)).Signature);
    }

    [Fact]
    public void Maxout_is_laid_out_as_nn_Linear_of_units_times_pieces_and_keeps_its_pieces_and_their_gradient()
    {
        NetworkPlan plan = Plan(3, Maxout(4, 2), Dense(5, ReLU), Maxout(2, 3), Dense(2));
        LayerPlan m = plan.Layers[0], second = plan.Layers[2];

        // W [units * pieces][fanIn] then b[units * pieces], as nn.Linear(3, 8)
        Assert.Equal((0, 24, 24, 8, 2, 4), (m.WeightOffset, m.WeightCount, m.BiasOffset, m.AffineOutputs, m.Pieces, m.Units));
        Assert.Equal(new[] { 0, 32, 57, 93 }, plan.Layers.Select(l => l.ParameterOffset));
        Assert.Equal((87, 6, 3), (second.BiasOffset, second.AffineOutputs, second.Pieces));
        Assert.Equal(32 + 25 + (5 * 6 + 6) + 6, plan.ParameterCount);
        Assert.Equal(2L * (24 + 20 + 30 + 4), plan.ForwardFlopsPerSample);
        Assert.Equal((1, 5), (plan.Layers[1].Pieces, plan.Layers[1].AffineOutputs));

        BufferPlan Of(LayerPlan layer, BufferRole role) => layer.Buffers.Single(b => b.Buffer.Role == role);
        Assert.Equal(new[] { BufferRole.Pieces, BufferRole.Activated, BufferRole.PieceGradient, BufferRole.Gradient }, m.Buffers.Select(b => b.Buffer.Role));
        Assert.Equal((8, 4, 4, 8), (Of(m, BufferRole.Pieces).PerSample, Of(m, BufferRole.Activated).PerSample, Of(m, BufferRole.Gradient).PerSample, Of(m, BufferRole.PieceGradient).PerSample));
        Assert.Equal(6, Of(second, BufferRole.Pieces).PerSample);
        Assert.Null(m.PreActivation);
        Assert.Equal(BufferRole.Activated, m.Output.Role);
        Assert.Equal((ActivationStep.None, false), (m.ActivationStep, m.BackwardStartsWithActivation));
        Assert.Equal(m.Output, plan.Layers[1].Input);
        Assert.Equal(m.Gradient, plan.Layers[1].GradientBelow);
        Assert.Equal(plan.Layers[1].Gradient, second.GradientBelow);
        Assert.Equal(plan.Layers.Sum(l => l.Buffers.Count), plan.Layers.SelectMany(l => l.Buffers).Select(b => b.Buffer.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(2, 16, 2, 1, "Unrolled")]  // 2 * 16 * 2 = 64 weights: at the per-layer limit (then 16 of the Dense(1))
    [InlineData(3, 11, 2, 1, "Loops")]     // 66: over it
    [InlineData(4, 4, 4, 15, "Unrolled")]  // 15 layers of 4 * 4 * 4 = 64, and the Dense(1)'s 4: 964 weights in all
    [InlineData(4, 4, 4, 16, "Loops")]     // 16 layers: 1,028, over the budget of 1,024
    public void Maxout_is_unrolled_within_the_size_budget_counting_every_piece(int inputs, int units, int pieces, int layers, string expected)
    {
        var builders = Enumerable.Range(0, layers).Select(_ => Maxout(units, pieces)).Append(Dense(1)).ToArray();
        NetworkPlan plan = Plan(inputs, builders);

        Assert.Equal(expected, plan.CpuShape.ToString());
    }

    [Fact]
    public void Maxout_gets_no_GPU_kernels_and_its_pieces_enter_the_signature()
    {
        NetworkPlan plan = Plan(2, Maxout(3, 2), Dense(1));

        Assert.Equal(GpuCodeShape.Unsupported, plan.GpuShape);
        Assert.Equal("layer 1 ([Maxout])", plan.GpuUnsupportedReason);
        Assert.Null(plan.Gpu);
        Assert.Contains("|Maxout 2->3 pieces 2|", plan.SignatureText, System.StringComparison.Ordinal);
        Assert.NotEqual(plan.Signature, Plan(2, Maxout(3, 3), Dense(1)).Signature);
        Assert.NotEqual(plan.Signature, Plan(2, Dense(3), Dense(1)).Signature);
    }
}
