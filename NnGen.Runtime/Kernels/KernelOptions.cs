using System.ComponentModel;

namespace NnGen.Kernels
{
    /// <summary>Process-wide switches of the dense kernels, for measuring them (results do not depend on them).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class KernelOptions
    {
        /// <summary>Whether large products may run half their work on a second core (default true).</summary>
        public static bool UseSecondCore { get; set; } = true;
    }
}
