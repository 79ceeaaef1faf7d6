using Microsoft.CodeAnalysis;

namespace NnGen.Generator.Parsing
{
    /// <summary>Whether the consumer references ILGPU, so that GPU kernels are emitted for its networks.</summary>
    internal static class GpuDetection
    {
        /// <summary>
        /// True when the compilation references an ILGPU assembly of major version 1 (the API the kernels are written
        /// against). Reads only the referenced assembly names, so it is cheap on every edit, and its result is a bool,
        /// so the steps after it stay cached while the references do not change.
        /// </summary>
        public static bool ReferencesIlgpu(Compilation compilation)
        {
            foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
                if (identity.Name == "ILGPU" && identity.Version.Major == 1) return true;
            return false;
        }
    }
}
