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

        public int ParameterCount => OutputLayer.BiasOffset + OutputLayer.Units;

        /// <summary>Multiply-adds of one forward pass, counted as 2 FLOPs each.</summary>
        public long ForwardFlopsPerSample
        {
            get
            {
                long flops = 0;
                foreach (LayerModel layer in Layers) flops += 2L * layer.WeightCount;
                return flops;
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

    /// <summary>
    /// One dense layer: z = W x + b with W at [WeightOffset, WeightOffset + Units * FanIn) as [units][fanIn],
    /// b at [BiasOffset, BiasOffset + Units), then the activation.
    /// </summary>
    internal sealed record LayerModel(
        int Number,
        int FanIn,
        int Units,
        Activation Activation,
        float Alpha,
        Init Init,
        float InitScale,
        int WeightOffset)
    {
        public int WeightCount => FanIn * Units;

        public int BiasOffset => WeightOffset + WeightCount;
    }
}
