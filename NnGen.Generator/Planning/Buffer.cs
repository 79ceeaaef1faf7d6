namespace NnGen.Generator.Planning
{
    /// <summary>What a batch buffer holds, each [n][units] row-major unless its length says otherwise.</summary>
    internal enum BufferRole
    {
        /// <summary>The batch the caller passed in: the first layer's input.</summary>
        NetworkInputs,

        /// <summary>z: dense W x + b, normalizations gamma * xhat + beta, before the activation gate.</summary>
        PreActivation,

        /// <summary>a = f(z), or a stochastic layer's output.</summary>
        Activated,

        /// <summary>dL/d(output) of the layer, turned in place into dL/dz by the activation gate's backward.</summary>
        Gradient,

        /// <summary>xhat of a normalization layer.</summary>
        Normalized,

        /// <summary>1 / sqrt(var + eps): per feature for BatchNorm ([units]), per sample for LayerNorm ([n]).</summary>
        InverseDeviation,

        /// <summary>Dropout's multipliers: 0 for a dropped value, 1 / (1 - rate) for a kept one.</summary>
        DropoutMask,
        /// <summary>Maxout's affine values before the max gate, [n][units * pieces] (unit u's pieces consecutive).</summary>
        Pieces,
        /// <summary>dL/d(piece) of a maxout layer, [n][units * pieces]: the max gate's gradient, nonzero at the winners only.</summary>
        PieceGradient,
    }

    /// <summary>One batch buffer of the plan, named once for every target that keeps it (CPU loops, GPU kernels).</summary>
    internal readonly record struct Buffer(BufferRole Role, int Layer)
    {
        public static Buffer NetworkInputs => new(BufferRole.NetworkInputs, 0);

        public bool IsNetworkInputs => Role == BufferRole.NetworkInputs;

        /// <summary>The field that holds a layer's buffer; the network inputs are whatever the target calls them.</summary>
        public string Name => Role switch
        {
            BufferRole.PreActivation => $"_nnZ{Layer}",
            BufferRole.Activated => $"_nnA{Layer}",
            BufferRole.Gradient => $"_nnD{Layer}",
            BufferRole.Normalized => $"_nnXHat{Layer}",
            BufferRole.InverseDeviation => $"_nnInvStd{Layer}",
            BufferRole.DropoutMask => $"_nnMask{Layer}",
            BufferRole.Pieces => $"_nnPieces{Layer}",
            BufferRole.PieceGradient => $"_nnDPieces{Layer}",
            _ => "inputs",
        };
    }

    /// <summary>
    /// A buffer and its length for a batch of n: <paramref name="PerSample"/> floats per sample, or
    /// <paramref name="Fixed"/> floats whatever the batch (when PerSample is 0).
    /// </summary>
    internal readonly record struct BufferPlan(Buffer Buffer, int PerSample, int Fixed = 0)
    {
        public string LengthFor(string n) => PerSample switch
        {
            0 => Fixed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => n,
            _ => $"{n} * {PerSample.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
    }
}
