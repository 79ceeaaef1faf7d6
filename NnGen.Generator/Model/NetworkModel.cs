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
