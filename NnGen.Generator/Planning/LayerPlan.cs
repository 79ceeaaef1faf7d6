using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>Where a layer's activation gate runs in the batch code (CPU loops and GPU per-layer kernels alike).</summary>
    internal enum ActivationStep
    {
        /// <summary>No gate: Identity, or a layer without an activation (dropout, noise).</summary>
        None,

        /// <summary>An element-wise gate fused into the dense layer's forward kernel, applied while z is in cache.</summary>
        FusedIntoKernel,

        /// <summary>A pass of its own after the layer: softmax (a whole row), or the gate of a normalization layer.</summary>
        OwnPass,
    }

    /// <summary>
    /// One layer as the code computes it: where its parameters and state sit, which buffers it reads and writes, and
    /// where its activation gate runs. Built once by <see cref="NetworkPlanner"/>; emitters only read it.
    /// </summary>
    internal sealed record LayerPlan(
        LayerModel Layer,
        int ParameterOffset,
        int StateOffset,
        Buffer Input,
        Buffer Output,
        Buffer? PreActivation,
        Buffer Gradient,
        Buffer? GradientBelow,
        ActivationStep ActivationStep,
        bool IsLast,
        EquatableArray<BufferPlan> Buffers)
    {
        public int Number => Layer.Number;

        public int FanIn => Layer.FanIn;

        public int Units => Layer.Units;

        /// <summary>The layer's activation gate (Identity for layers without one).</summary>
        public Activation Activation => Layer is ActivatedLayer activated ? activated.Activation : Activation.Identity;

        public float Alpha => Layer is ActivatedLayer activated ? activated.Alpha : 0f;

        /// <summary>Dense and maxout: the weights W; normalizations: gamma.</summary>
        public int WeightOffset => ParameterOffset;

        public int WeightCount => Layer switch
        {
            DenseLayer dense => (int)dense.WeightCount,
            MaxoutLayer maxout => (int)maxout.WeightCount,
            NormalizationLayer => Units,
            _ => 0,
        };

        /// <summary>Dense and maxout: the bias b; normalizations: beta.</summary>
        public int BiasOffset => ParameterOffset + WeightCount;

        /// <summary>The outputs of the layer's affine map (the rows of W): Units * Pieces for maxout, else Units.</summary>
        public int AffineOutputs => Layer is MaxoutLayer maxout ? (int)maxout.PieceCount : Units;

        /// <summary>The pieces each output of a maxout layer is the max of; 1 for every other layer.</summary>
        public int Pieces => Layer is MaxoutLayer maxout ? maxout.Pieces : 1;

        public int ParameterCount => (int)Layer.ParameterCount;

        /// <summary>The layer's buffer of <paramref name="role"/> (the plan gives every layer the buffers its kind needs).</summary>
        public Buffer BufferOf(BufferRole role)
        {
            foreach (BufferPlan buffer in Buffers)
                if (buffer.Buffer.Role == role) return buffer.Buffer;
            throw new System.InvalidOperationException($"Layer {Number} keeps no {role} buffer.");
        }

        /// <summary>The output is z itself (no separate activated values): Identity gates.</summary>
        public bool OutputIsPreActivation => PreActivation == Output;

        /// <summary>
        /// Whether the layer's backward step starts by turning dL/da into dL/dz through its activation gate. The last
        /// layer's gate is the loss gate's business (fused with the loss where the loss allows it).
        /// </summary>
        public bool BackwardStartsWithActivation => !IsLast && Activation != Activation.Identity && Layer is ActivatedLayer;
    }
}
