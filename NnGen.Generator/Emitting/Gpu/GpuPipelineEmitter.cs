using System.Collections.Generic;
using NnGen.Generator.Emitting.Gates;
using NnGen.Generator.Model;
using NnGen.Generator.Planning;
using static NnGen.Generator.Emitting.Gpu.GpuKernelCatalog;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The host side of the kernels: the batch buffers (grown to the largest batch seen) and the private methods that
    /// queue the kernels of one forward pass, one loss and one gradient, for the network's shape. Nothing here waits
    /// for the device.
    /// </summary>
    internal static class GpuPipelineEmitter
    {
        public const string FloatBuffer = "global::ILGPU.Runtime.MemoryBuffer1D<float, global::ILGPU.Stride1D.Dense>";
        public const string DoubleBuffer = "global::ILGPU.Runtime.MemoryBuffer1D<double, global::ILGPU.Stride1D.Dense>";
        public const string IntBuffer = "global::ILGPU.Runtime.MemoryBuffer1D<int, global::ILGPU.Stride1D.Dense>";

        private const string Chunks = "(n + NnChunk - 1) / NnChunk";

        public static string Z(LayerPlan layer) => layer.PreActivation!.Value.Name;

        public static string Out(LayerPlan layer) => layer.Output.Name;

        public static string D(LayerPlan layer) => layer.Gradient.Name;

        /// <summary>The device buffer a layer reads: the batch inputs, or the output of the layer below.</summary>
        private static string In(LayerPlan layer) => layer.Input.IsNetworkInputs ? "_nnInputs" : layer.Input.Name;

        /// <summary>The buffer holding the activated outputs of the batch after <c>NnForward</c>.</summary>
        public static string Outputs(NetworkPlan plan, bool fused) => fused ? "_nnOutputs" : Out(plan.OutputLayer);

        /// <summary>The batch buffers: name, element type, length for a batch of n samples.</summary>
        public static IEnumerable<(string Name, string Type, string Length)> Buffers(NetworkPlan plan, bool fused)
        {
            yield return ("_nnInputs", FloatBuffer, "n * InputSize");
            yield return ("_nnTargets", FloatBuffer, "n * OutputSize");
            yield return ("_nnSampleLoss", FloatBuffer, "n");
            yield return ("_nnChunkLoss", DoubleBuffer, Chunks);
            yield return ("_nnPartials", FloatBuffer, $"({Chunks}) * ParameterCount");
            if (fused)
            {
                yield return ("_nnOutputs", FloatBuffer, "n * OutputSize");
                yield return ("_nnSampleGradients", FloatBuffer, "n * ParameterCount");
                yield break;
            }
            foreach (LayerPlan layer in plan.Layers)
            {
                string rows = $"n * {layer.Units}";
                yield return (Z(layer), FloatBuffer, rows);
                if (Out(layer) != Z(layer)) yield return (Out(layer), FloatBuffer, rows);
                yield return (D(layer), FloatBuffer, rows);
            }
        }

        public static void WriteBufferFields(IndentedWriter writer, NetworkPlan plan, bool fused)
        {
            writer.Line("// Batch buffers, allocated by NnEnsureCapacity (which the constructor calls) and grown to the largest batch seen.")
                .Line("private int _nnCapacity;");
            foreach ((string name, string type, _) in Buffers(plan, fused))
                writer.Line($"private {type} {name} = null!;");
        }

        public static void WriteEnsureCapacity(IndentedWriter writer, NetworkPlan plan, bool fused)
        {
            using (writer.Open("private void NnEnsureCapacity(int n)"))
            {
                writer.Line("if (n <= _nnCapacity) return;");
                // every index a kernel computes is an int: refuse a batch whose largest buffer (or the gather's thread count,
                // n * (InputSize + OutputSize)) would not fit one
                int width = plan.InputSize + plan.OutputSize;
                foreach (LayerPlan layer in plan.Layers) width = System.Math.Max(width, layer.Units);
                if (fused) width = System.Math.Max(width, plan.ParameterCount);
                writer.Line($"long cells = global::System.Math.Max((long)n * {width}, ((long)n + NnChunk - 1) / NnChunk * ParameterCount);")
                    .Line($"if (cells > int.MaxValue) throw new global::System.ArgumentException($\"A batch of {{n}} samples needs device buffers of {{cells}} floats, more than one kernel can index ({{int.MaxValue}}): use smaller batches.\", \"inputs\");")
                    .Line("if (_nnCapacity > 0) _nnStream.Synchronize(); // queued kernels may still read the buffers being replaced");
                foreach ((string name, string type, string length) in Buffers(plan, fused))
                {
                    string element = type == DoubleBuffer ? "double" : "float";
                    writer.Line($"{name}?.Dispose();")
                        .Line($"{name} = _nnAccelerator.Allocate1D<{element}>({length});");
                }
                writer.Line("_nnCapacity = n;");
            }
        }

        public static void WriteMethods(IndentedWriter writer, NetworkPlan plan, bool fused)
        {
            string k(string name) => GpuKernelCatalog.Field(name);
            string invCount = $"1f / {LossGates.Count(plan.Loss)}";
            string count = LossGates.Count(plan.Loss);

            writer.Line("// queues the forward pass of the n samples in _nnInputs");
            using (writer.Open("private void NnForward(int n)"))
            {
                if (fused)
                    writer.Line($"{k("FusedPredict")}(n, _nnInputs.View, _nnParameters.View, _nnOutputs.View);");
                else
                    foreach (LayerPlan layer in plan.Layers)
                    {
                        bool fusedActivation = layer.ActivationStep == ActivationStep.FusedIntoKernel;
                        writer.Line($"{k($"ForwardLayer{layer.Number}")}(n * {layer.Units}, {In(layer)}.View, _nnParameters.View, {Z(layer)}.View{(fusedActivation ? $", {Out(layer)}.View" : "")});");
                        if (layer.Activation == Activation.Softmax)
                            writer.Line($"{k($"SoftmaxLayer{layer.Number}")}(n, {Z(layer)}.View, {Out(layer)}.View);");
                    }
            }
            writer.Line();

            writer.Line("// queues the two-stage sum of the per-sample losses into loss slot `slot`");
            using (writer.Open("private void NnReduceLoss(int n, int slot)"))
            {
                writer.Line($"int chunks = {Chunks};")
                    .Line($"{k("ChunkLoss")}(chunks, _nnSampleLoss.View, _nnChunkLoss.View, n);")
                    .Line($"{k("ReduceLoss")}(1, _nnChunkLoss.View, _nnLosses.View, chunks, slot, {count});");
            }
            writer.Line();

            LayerPlan last = plan.OutputLayer;
            writer.Line("// queues the loss (inference mode) of the n samples in _nnInputs and _nnTargets into loss slot `slot`");
            using (writer.Open("private void NnLoss(int n, int slot)"))
            {
                if (fused)
                    writer.Line($"{k("FusedLoss")}(n, _nnInputs.View, _nnTargets.View, _nnParameters.View, _nnSampleLoss.View);");
                else
                    writer.Line("NnForward(n);")
                        .Line($"{k("LossGate")}(n, {Z(last)}.View, {Out(last)}.View, _nnTargets.View, {D(last)}.View, _nnSampleLoss.View, {invCount}, 0);");
                writer.Line("NnReduceLoss(n, slot);");
            }
            writer.Line();

            writer.Line("// queues the loss into loss slot `slot` and the gradient (a mean over the batch) into _nnGradients");
            using (writer.Open("private void NnGradients(int n, int slot)"))
            {
                writer.Line($"int chunks = {Chunks};");
                if (fused)
                {
                    writer.Line($"{k("FusedGradients")}(n, _nnInputs.View, _nnTargets.View, _nnParameters.View, _nnSampleGradients.View, _nnSampleLoss.View, {invCount});")
                        .Line($"{k("ReduceSampleGradients")}(chunks * ParameterCount, _nnSampleGradients.View, _nnPartials.View, n);");
                }
                else
                {
                    writer.Line("NnForward(n);")
                        .Line($"{k("LossGate")}(n, {Z(last)}.View, {Out(last)}.View, _nnTargets.View, {D(last)}.View, _nnSampleLoss.View, {invCount}, 1);");
                    for (int l = plan.Layers.Count - 1; l >= 0; l--)
                    {
                        LayerPlan layer = plan.Layers[l];
                        writer.Line($"{k($"WeightGradientsLayer{layer.Number}")}(chunks * {layer.WeightCount + layer.Units}, {D(layer)}.View, {In(layer)}.View, _nnPartials.View, n);");
                        if (plan.Below(layer) is not { } below) continue;
                        writer.Line($"{k($"BackwardInputLayer{layer.Number}")}(n * {layer.FanIn}, {D(layer)}.View, _nnParameters.View, {Z(below)}.View, {Out(below)}.View, {D(below)}.View);");
                    }
                }
                writer.Line($"{k("ReduceGradients")}(ParameterCount, _nnPartials.View, _nnGradients.View, chunks);")
                    .Line("NnReduceLoss(n, slot);");
            }
        }
    }
}
