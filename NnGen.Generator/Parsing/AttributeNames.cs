namespace NnGen.Generator.Parsing
{
    /// <summary>Metadata names of the attributes a network is declared with.</summary>
    internal static class AttributeNames
    {
        public const string Network = "NnGen.NetworkAttribute";
        public const string Input = "NnGen.InputAttribute";
        public const string Dense = "NnGen.DenseAttribute";
        public const string Dropout = "NnGen.DropoutAttribute";
        public const string GaussianNoise = "NnGen.GaussianNoiseAttribute";
        public const string BatchNorm = "NnGen.BatchNormAttribute";
        public const string LayerNorm = "NnGen.LayerNormAttribute";
        public const string Maxout = "NnGen.MaxoutAttribute";

        /// <summary>The short name of a layer attribute ("Dense"), or null when <paramref name="metadataName"/> is none.</summary>
        public static string? LayerName(string? metadataName) => metadataName switch
        {
            Input => "Input",
            Dense => "Dense",
            Dropout => "Dropout",
            GaussianNoise => "GaussianNoise",
            BatchNorm => "BatchNorm",
            LayerNorm => "LayerNorm",
            Maxout => "Maxout",
            _ => null,
        };
    }
}
