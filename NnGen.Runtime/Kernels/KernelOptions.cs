namespace NnGen
{
    /// <summary>
    /// Process-wide switches of the dense kernels that generated networks call. Results do not depend on them: every
    /// output element is summed in the same order whichever thread computes it.
    /// </summary>
    public static class KernelOptions
    {
        /// <summary>
        /// Whether large products (from about 2^18 multiply-adds) may run half their work on a second core, through
        /// one background helper thread that NnGen starts on first use (default true). Turn it off where the process
        /// already keeps every core busy, for instance a server running one network per request thread, or a
        /// container limited to one CPU: the helper then only competes for the same cores.
        /// </summary>
        public static bool UseSecondCore { get; set; } = true;
    }
}
