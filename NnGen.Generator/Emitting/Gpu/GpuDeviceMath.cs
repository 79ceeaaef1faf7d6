namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The device math the generated kernels call: <c>NnGen.Gpu.DeviceMath</c>, compiled in the NnGen.Gpu assembly
    /// (System.MathF's Exp, Log and Tanh have no PTX form unless the consumer's ILGPU context enables
    /// ILGPU.Algorithms, so DeviceMath builds them from exp2 and log2). ILGPU compiles the called methods into each kernel.
    /// </summary>
    internal static class GpuDeviceMath
    {
        public const string Exp = "global::NnGen.Gpu.DeviceMath.Exp";
        public const string Log = "global::NnGen.Gpu.DeviceMath.Log";
        public const string Log1p = "global::NnGen.Gpu.DeviceMath.Log1p";
        public const string Tanh = "global::NnGen.Gpu.DeviceMath.Tanh";
    }
}
