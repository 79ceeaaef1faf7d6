namespace NnGen.Generator.Model
{
    /// <summary>
    /// Everything the emitters need to know about one declared network, as plain values (no Roslyn symbols),
    /// so that equal declarations give equal models and the pipeline caches. Names are spelled as in C# source
    /// (a keyword escaped as @class), ready to emit.
    /// </summary>
    internal sealed record NetworkModel(
        string? Namespace,
        string TypeName,
        string TypeKeyword,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        Loss Loss,
        int InputSize,
        EquatableArray<LayerModel> Layers)
    {
        public LayerModel OutputLayer => Layers[Layers.Count - 1];

        public int OutputSize => OutputLayer.Units;

        public int ParameterCount
        {
            get
            {
                int count = 0;
                foreach (LayerModel layer in Layers) count += layer.ParameterCount;
                return count;
            }
        }

        public int StateCount
        {
            get
            {
                int count = 0;
                foreach (LayerModel layer in Layers) count += layer.StateCount;
                return count;
            }
        }

        /// <summary>Multiply-adds of one forward pass through the dense layers, counted as 2 FLOPs each.</summary>
        public long ForwardFlopsPerSample
        {
            get
            {
                long flops = 0;
                foreach (LayerModel layer in Layers)
                    if (layer.Kind == LayerKind.Dense) flops += 2L * layer.WeightCount;
                return flops;
            }
        }

        public bool HasPenalty
        {
            get
            {
                foreach (LayerModel layer in Layers)
                    if (layer.L1 != 0f || layer.L2 != 0f) return true;
                return false;
            }
        }

        /// <summary>The name used in hint names: Namespace.Outer.Type, with the @ of escaped keywords.</summary>
        public string FullName
        {
            get
            {
                var name = new System.Text.StringBuilder();
                if (Namespace is not null) name.Append(Namespace).Append('.');
                foreach (ContainingTypeModel outer in ContainingTypes) name.Append(outer.Name).Append('.');
                return name.Append(TypeName).ToString();
            }
        }
    }

    /// <summary>A type the network class is nested in, outermost first (keyword such as "class" or "record struct").</summary>
    internal sealed record ContainingTypeModel(string Keyword, string Name);

    /// <summary>The kinds of layer a network is built from.</summary>
    internal enum LayerKind
    {
        Dense,
        Dropout,
        GaussianNoise,
        BatchNorm,
        LayerNorm,
    }

    /// <summary>
    /// One layer, numbered from 1 in declaration order. Dense: z = W x + b with W at [ParameterOffset, +Units*FanIn)
    /// as [units][fanIn], then b[Units]. BatchNorm and LayerNorm: gamma[Units] then beta[Units]; BatchNorm's running
    /// mean[Units] and variance[Units] at StateOffset in the state. Dropout (Rate = drop probability) and
    /// GaussianNoise (Rate = standard deviation) have no parameters. Dense and the normalizations end with Activation.
    /// </summary>
    internal sealed record LayerModel(
        LayerKind Kind,
        int Number,
        int FanIn,
        int Units,
        Activation Activation,
        float Alpha,
        Init Init,
        float InitScale,
        int ParameterOffset,
        float L1 = 0f,
        float L2 = 0f,
        float Rate = 0f,
        float Momentum = 0f,
        float Epsilon = 0f,
        int StateOffset = 0)
    {
        /// <summary>Dense: the weights; normalizations: gamma.</summary>
        public int WeightCount => Kind switch
        {
            LayerKind.Dense => FanIn * Units,
            LayerKind.BatchNorm or LayerKind.LayerNorm => Units,
            _ => 0,
        };

        public int WeightOffset => ParameterOffset;

        /// <summary>Dense: the bias; normalizations: beta.</summary>
        public int BiasOffset => ParameterOffset + WeightCount;

        public int ParameterCount => Kind is LayerKind.Dense or LayerKind.BatchNorm or LayerKind.LayerNorm ? WeightCount + Units : 0;

        public int StateCount => Kind == LayerKind.BatchNorm ? 2 * Units : 0;

        public bool HasActivation => Kind is LayerKind.Dense or LayerKind.BatchNorm or LayerKind.LayerNorm;
    }
}
