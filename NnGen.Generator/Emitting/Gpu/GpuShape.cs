namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>Constants of the GPU kernels' batch reductions.</summary>
    internal static class GpuShape
    {
        /// <summary>Samples per partial sum of a batch reduction (the first of its two stages).</summary>
        public const int Chunk = 64;
    }
}
