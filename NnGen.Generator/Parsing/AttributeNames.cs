namespace NnGen.Generator.Parsing
{
    /// <summary>Metadata names of the attributes a network is declared with.</summary>
    internal static class AttributeNames
    {
        public const string Network = "NnGen.NetworkAttribute";
        public const string Input = "NnGen.InputAttribute";
        public const string Dense = "NnGen.DenseAttribute";
    }
}
