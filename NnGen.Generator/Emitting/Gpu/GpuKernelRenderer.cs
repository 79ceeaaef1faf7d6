using System;
using System.Collections.Generic;
using System.Linq;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// Renders the typed kernel descriptors of a <see cref="GpuKernelPlan"/>: a kernel's declaration, its launcher
    /// field and type, its loading, and the C# of a launch or host call. Every one is written from the same
    /// parameter list, so a declaration, its launcher and its calls cannot fall out of step.
    /// </summary>
    internal static class GpuKernelRenderer
    {
        public const string Index = "global::ILGPU.Index1D";
        public const string Buffer = "global::ILGPU.Runtime.MemoryBuffer1D<float, global::ILGPU.Stride1D.Dense>";
        public const string DenseView = "global::ILGPU.Runtime.ArrayView1D<float, global::ILGPU.Stride1D.Dense>";

        /// <summary>The shared kernels and constants of the NnGen.Gpu assembly.</summary>
        public const string SharedKernels = "global::NnGen.Gpu.SharedKernels";

        public static string TypeName(GpuValueType type) => type switch
        {
            GpuValueType.FloatView => "global::ILGPU.ArrayView<float>",
            GpuValueType.IntView => "global::ILGPU.ArrayView<int>",
            GpuValueType.DoubleView => "global::ILGPU.ArrayView<double>",
            GpuValueType.Float => "float",
            GpuValueType.Int => "int",
            GpuValueType.Double => "double",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        /// <summary>"public static void Name(global::ILGPU.Index1D index, type name, ...)".</summary>
        public static string Declaration(GpuKernel kernel)
            => $"public static void {kernel.Name}({Index} index, {string.Join(", ", kernel.Parameters.Select(p => $"{TypeName(p.Type)} {p.Name}"))})";

        /// <summary>The launcher field of a kernel.</summary>
        public static string Field(GpuKernel kernel) => "_nnK" + kernel.Name;

        /// <summary>The launcher's delegate type: Action of the index and the parameters' types.</summary>
        public static string LauncherType(GpuKernel kernel) => $"global::System.Action<{TypeArguments(kernel)}>";

        /// <summary>The constructor's statement that compiles and loads the kernel for <c>accelerator</c>.</summary>
        public static string Load(GpuKernel kernel)
            => $"{Field(kernel)} = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<{TypeArguments(kernel)}>(accelerator, NnKernels.{kernel.Name});";

        private static string TypeArguments(GpuKernel kernel)
            => string.Join(", ", new[] { Index }.Concat(kernel.Parameters.Select(p => TypeName(p.Type))));

        /// <summary>A launch or a host call, as a statement.</summary>
        public static string Statement(GpuStep step) => step switch
        {
            GpuLaunch launch => $"{Field(launch.Kernel)}({Extent(launch.Extent)}, {Arguments(launch.Arguments)});",
            GpuHostCall call => $"{call.Method}({Arguments(call.Arguments)});",
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };

        public static string Extent(GpuExtent extent)
        {
            string unit = extent.Unit == GpuExtentUnit.Samples ? "n" : $"{SharedKernels}.Chunks(n)";
            return extent.Width == 1 ? unit : $"{unit} * {Numbers.Text(extent.Width)}";
        }

        private static string Arguments(EquatableArray<GpuArgument> arguments) => string.Join(", ", arguments.Select(Argument));

        private static string Argument(GpuArgument argument) => argument switch
        {
            GpuBufferArgument buffer => View(buffer.Buffer),
            GpuScalarArgument scalar => scalar.Expression,
            _ => throw new ArgumentOutOfRangeException(nameof(argument), argument, null),
        };

        /// <summary>A buffer's view: the base class's protected view itself, or the generated field's <c>.View</c>.</summary>
        public static string View(GpuBuffer buffer) => buffer.Owner == GpuBufferOwner.Base ? buffer.Name : buffer.Name + ".View";

        /// <summary>Every launch of the plan's sequences, in order (forward, loss, gradients).</summary>
        public static IEnumerable<GpuLaunch> Launches(GpuKernelPlan plan)
            => plan.Forward.Concat(plan.Loss).Concat(plan.Gradients).OfType<GpuLaunch>();
    }
}
