using Microsoft.CodeAnalysis;

namespace NnGen.Generator.Parsing
{
    /// <summary>Whether the consumer references NnGen.Gpu, so that GPU kernels and classes are emitted for its networks.</summary>
    internal static class GpuDetection
    {
        /// <summary>The assembly the generated GPU classes derive from (NnGen.Gpu.GpuNetwork); it brings ILGPU.</summary>
        public const string GpuAssemblyName = "NnGen.Gpu";

        /// <summary>
        /// True when the compilation references the NnGen.Gpu assembly, whose base class, shared kernels and device
        /// math the generated GPU code builds on. ILGPU alone is not enough: without NnGen.Gpu nothing GPU-related is
        /// emitted. Reads only the referenced assembly names, so it is cheap on every edit, and its result is a bool,
        /// so the steps after it stay cached while the references do not change.
        /// </summary>
        public static bool ReferencesNnGenGpu(Compilation compilation)
        {
            foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
                if (identity.Name == GpuAssemblyName) return true;
            return false;
        }
    }
}
