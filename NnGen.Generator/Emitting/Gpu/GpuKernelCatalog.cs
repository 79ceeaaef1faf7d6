using System.Collections.Generic;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The kernels of one network as they are written: each is a static method whose first parameter is the thread
    /// index; the host class gets a launcher field per kernel, loaded from this list.
    /// </summary>
    internal sealed class GpuKernelCatalog
    {
        public const string Index = "global::ILGPU.Index1D";
        public const string View = "global::ILGPU.ArrayView<float>";
        public const string IntView = "global::ILGPU.ArrayView<int>";
        public const string DoubleView = "global::ILGPU.ArrayView<double>";

        private readonly List<Kernel> _kernels = new();

        public IReadOnlyList<Kernel> All => _kernels;

        /// <summary>The kernels' source, once written.</summary>
        public string Text { get; set; } = "";

        /// <summary>Opens kernel <paramref name="name"/>; each parameter is written "type name".</summary>
        public IndentedWriter.Block Open(IndentedWriter writer, string name, params string[] parameters)
        {
            var types = new string[parameters.Length];
            for (int i = 0; i < parameters.Length; i++) types[i] = parameters[i].Substring(0, parameters[i].LastIndexOf(' '));
            _kernels.Add(new Kernel(name, types));
            return writer.Open($"public static void {name}({Index} index, {string.Join(", ", parameters)})");
        }

        /// <summary>The launcher field of kernel <paramref name="name"/>.</summary>
        public static string Field(string name) => "_nnK" + name;

        internal sealed class Kernel
        {
            public Kernel(string name, string[] types)
            {
                Name = name;
                Types = types;
            }

            public string Name { get; }

            public string[] Types { get; }

            /// <summary>The launcher's delegate type: Action of the index and the parameters.</summary>
            public string DelegateType => $"global::System.Action<{Index}, {string.Join(", ", Types)}>";
        }
    }
}
