namespace NnGen.Generator.Model
{
    /// <summary>
    /// A declared network as plain values (no Roslyn symbols), so that equal declarations give equal models and the
    /// pipeline caches. It says what the user wrote; how it is computed is decided by the plan (<see cref="Planning.NetworkPlan"/>).
    /// Names are spelled as in C# source (a keyword escaped as @class), ready to emit. <see cref="Weights"/> is the path
    /// written in <c>[Network(..., Weights = "...")]</c>, or null.
    /// </summary>
    internal sealed record NetworkModel(
        string? Namespace,
        string TypeName,
        string TypeKeyword,
        EquatableArray<ContainingTypeModel> ContainingTypes,
        Loss Loss,
        int InputSize,
        EquatableArray<LayerModel> Layers,
        string? Weights = null)
    {
        /// <summary>Whether the declaration names a weights file (<c>Weights = "..."</c>), so the constructors start from its data.</summary>
        public bool EmbedsWeights => Weights is not null;

        public LayerModel OutputLayer => Layers[Layers.Count - 1];

        public int OutputSize => OutputLayer.Units;

        /// <summary>The trainable parameters of all layers (<see cref="ParameterCount"/>).</summary>
        public long TotalParameterCount => ParameterCount(Layers);

        /// <summary>The state values of all layers (<see cref="StateCount"/>).</summary>
        public long TotalStateCount => StateCount(Layers);

        /// <summary>
        /// The parameters of <paramref name="layers"/> summed in 64 bits, saturating at <see cref="long.MaxValue"/>
        /// rather than wrapping (the parser sums the layers before the model exists, to report absurd sizes).
        /// </summary>
        public static long ParameterCount(System.Collections.Generic.IEnumerable<LayerModel> layers)
        {
            long sum = 0;
            foreach (LayerModel layer in layers) sum = SaturatingAdd(sum, layer.ParameterCount);
            return sum;
        }

        /// <summary>The state values of <paramref name="layers"/>, summed as <see cref="ParameterCount"/> sums.</summary>
        public static long StateCount(System.Collections.Generic.IEnumerable<LayerModel> layers)
        {
            long sum = 0;
            foreach (LayerModel layer in layers) sum = SaturatingAdd(sum, layer.StateCount);
            return sum;
        }

        /// <summary>a + b for non-negative counts, <see cref="long.MaxValue"/> where that overflows.</summary>
        public static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

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
}
