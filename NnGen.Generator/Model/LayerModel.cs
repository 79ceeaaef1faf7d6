namespace NnGen.Generator.Model
{
    /// <summary>The kinds of layer a network is built from; the names appear in model signatures and comments.</summary>
    internal enum LayerKind
    {
        Dense,
        Dropout,
        GaussianNoise,
        BatchNorm,
        LayerNorm,
        Maxout,
    }

    /// <summary>
    /// One declared layer, numbered from 1 in declaration order: it maps FanIn values to Units values. One sealed
    /// record per kind holds that kind's options and nothing else. Where its parameters sit in the parameter vector
    /// is a decision of the plan (<see cref="Planning.LayerPlan"/>), not of the declaration.
    /// </summary>
    internal abstract record LayerModel(int Number, int FanIn, int Units)
    {
        public abstract LayerKind Kind { get; }

        /// <summary>Trainable parameters, in 64 bits so that the parser can report absurd sizes instead of overflowing.</summary>
        public virtual long ParameterCount => 0;

        /// <summary>Non-trainable state values (BatchNorm's running statistics).</summary>
        public virtual long StateCount => 0;

        protected static long NonNegative(int size) => System.Math.Max(size, 0);
    }

    /// <summary>A layer that ends with an activation gate (<paramref name="Alpha"/>: LeakyReLU's slope or ELU's alpha, else 0).</summary>
    internal abstract record ActivatedLayer(int Number, int FanIn, int Units, Activation Activation, float Alpha)
        : LayerModel(Number, FanIn, Units);

    /// <summary>z = W x + b with W as [Units][FanIn] (nn.Linear.weight), then the activation; L1/L2 penalize W only.</summary>
    internal sealed record DenseLayer(int Number, int FanIn, int Units, Activation Activation, float Alpha, Init Init, float InitScale, float L1, float L2)
        : ActivatedLayer(Number, FanIn, Units, Activation, Alpha)
    {
        public override LayerKind Kind => LayerKind.Dense;

        public long WeightCount => NonNegative(FanIn) * NonNegative(Units);

        public override long ParameterCount => WeightCount + NonNegative(Units);

        public bool HasPenalty => L1 != 0f || L2 != 0f;
    }

    /// <summary>y = gamma * xhat + beta over Units features, then the activation. Parameters: gamma[Units], beta[Units].</summary>
    internal abstract record NormalizationLayer(int Number, int Width, Activation Activation, float Alpha, float Epsilon)
        : ActivatedLayer(Number, Width, Width, Activation, Alpha)
    {
        public override long ParameterCount => 2 * NonNegative(Units);
    }

    /// <summary>Statistics per feature over the batch in training, running statistics (state: mean[Units], var[Units]) in inference.</summary>
    internal sealed record BatchNormLayer(int Number, int Width, Activation Activation, float Alpha, float Momentum, float Epsilon)
        : NormalizationLayer(Number, Width, Activation, Alpha, Epsilon)
    {
        public override LayerKind Kind => LayerKind.BatchNorm;

        public override long StateCount => 2 * NonNegative(Units);
    }

    /// <summary>Statistics per sample over its features.</summary>
    internal sealed record LayerNormLayer(int Number, int Width, Activation Activation, float Alpha, float Epsilon)
        : NormalizationLayer(Number, Width, Activation, Alpha, Epsilon)
    {
        public override LayerKind Kind => LayerKind.LayerNorm;
    }

    /// <summary>In training, each value is dropped with probability <paramref name="Rate"/> and the rest scaled by 1 / (1 - Rate).</summary>
    internal sealed record DropoutLayer(int Number, int Width, float Rate) : LayerModel(Number, Width, Width)
    {
        public override LayerKind Kind => LayerKind.Dropout;
    }

    /// <summary>In training, each value gets normal noise of <paramref name="StandardDeviation"/> added.</summary>
    internal sealed record GaussianNoiseLayer(int Number, int Width, float StandardDeviation) : LayerModel(Number, Width, Width)
    {
        public override LayerKind Kind => LayerKind.GaussianNoise;
    }

    /// <summary>
    /// z = W x + b to Units * Pieces values with W as [Units * Pieces][FanIn] (nn.Linear(FanIn, Units * Pieces).weight),
    /// then unit u = max over z[u * Pieces .. u * Pieces + Pieces - 1] (consecutive pieces; ties go to the first).
    /// </summary>
    internal sealed record MaxoutLayer(int Number, int FanIn, int Units, int Pieces, Init Init, float InitScale)
        : LayerModel(Number, FanIn, Units)
    {
        public override LayerKind Kind => LayerKind.Maxout;

        /// <summary>The outputs of the affine map before the max gate.</summary>
        public long PieceCount => NonNegative(Units) * NonNegative(Pieces);

        /// <summary>FanIn * Units * Pieces, saturated at <see cref="Saturated"/> (three ints can overflow 64 bits).</summary>
        public long WeightCount => NonNegative(FanIn) == 0 || PieceCount <= Saturated / NonNegative(FanIn) ? NonNegative(FanIn) * PieceCount : Saturated;

        /// <summary>A count far beyond any cap, small enough that sums of a few do not overflow.</summary>
        public const long Saturated = long.MaxValue / 8;

        public override long ParameterCount => System.Math.Min(WeightCount + PieceCount, Saturated);
    }
}
