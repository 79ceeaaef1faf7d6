using System.Linq;
using NnGen.Generator.Model;
using static NnGen.Generator.Emitting.Gpu.GpuPipelineEmitter;

namespace NnGen.Generator.Emitting.Gpu
{
    /// <summary>
    /// The host class N.Gpu: a copy of the network on an ILGPU accelerator that keeps its parameters, gradients,
    /// optimizer state and (for the training loop) the training set on the device. Public members follow the CPU
    /// network's contract; <c>NnGen.Internal.IDeviceTraining</c> lets <c>NnGen.Training.Trainer</c> run whole epochs on the device.
    /// </summary>
    internal static class GpuHostEmitter
    {
        public static void Write(IndentedWriter writer, NetworkModel model, GpuKernelCatalog kernels, bool fused)
        {
            string type = model.TypeName;
            writer.Line("/// <summary>")
                .Line($"/// Network {NetworkEmitter.Shape(model)}, loss {model.Loss}, on an ILGPU accelerator: {IndentedWriter.Int(model.ParameterCount)} parameters,")
                .Line($"/// {IndentedWriter.Int(model.ForwardFlopsPerSample)} FLOPs per sample forward; {(fused ? "one fused kernel per sample (forward and backward in registers or local memory)" : "kernels per layer")},")
                .Line("/// every layer size a constant. Parameters, gradients, optimizer state and an uploaded training set stay on the device;")
                .Line("/// <see cref=\"Parameters\"/> is the host network's array, brought up to date by <see cref=\"CopyParametersTo(global::System.Span{float})\"/>")
                .Line("/// and at the end of every device epoch of <see cref=\"global::NnGen.Training.Trainer\"/>. Not thread-safe; dispose it to free the device memory.")
                .Line("/// </summary>")
                .Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"NnGen\", \"{NetworkEmitter.Version}\")]");
            using (writer.Open("public sealed class Gpu : global::NnGen.Internal.IDeviceTraining, global::System.IDisposable"))
            {
                writer.Line($"private const int NnChunk = {GpuShape.Chunk};")
                    .Line($"private readonly {type} _nnNetwork;")
                    .Line("private readonly global::ILGPU.Runtime.Accelerator _nnAccelerator;")
                    .Line("private readonly global::ILGPU.Runtime.AcceleratorStream _nnStream;")
                    .Line($"private readonly {Buffer} _nnParameters;")
                    .Line($"private readonly {Buffer} _nnGradients;")
                    .Line("// the per-batch losses of an epoch (slot 0 for single calls), grown with the number of batches")
                    .Line($"private {Buffer} _nnLosses;")
                    .Line("private readonly float[] _nnLoss = new float[1];")
                    .Line("// optimizer state of the last optimizer seen: SGD's velocity in moment 1, Adam's m and v")
                    .Line($"private {Buffer}? _nnMoment1, _nnMoment2, _nnCheckpoint, _nnFeatures, _nnLabels;")
                    .Line($"private {IntBuffer}? _nnOrder;")
                    .Line("private global::NnGen.IOptimizer? _nnOptimizer;")
                    .Line("private int _nnOptimizerSteps;")
                    .Line("private bool _nnDisposed;");
                WriteBufferFields(writer, model, fused);
                writer.Line("// kernel launchers, loaded by the constructor");
                foreach (GpuKernelCatalog.Kernel kernel in kernels.All)
                    writer.Line($"private readonly {kernel.DelegateType} {GpuKernelCatalog.Field(kernel.Name)};");
                writer.Line();

                WriteConstructor(writer, model, kernels);
                writer.Line();
                WritePublicMembers(writer, model, fused);
                writer.Line();
                WriteDeviceTraining(writer);
                writer.Line();
                WriteOptimizer(writer);
                writer.Line();
                WriteHelpers(writer);
                writer.Line();
                WriteEnsureCapacity(writer, model, fused);
                writer.Line();
                WriteMethods(writer, model, fused);
                writer.Line();
                writer.Line("/// <summary>The kernels: static methods ILGPU compiles for the accelerator; every size but the batch is a constant.</summary>");
                using (writer.Open("private static class NnKernels"))
                    writer.Lines(kernels.Text);
            }
        }

        private static void WriteConstructor(IndentedWriter writer, NetworkModel model, GpuKernelCatalog kernels)
        {
            writer.Line("/// <summary>Uploads the parameters of <paramref name=\"network\"/> to <paramref name=\"accelerator\"/> and loads the kernels.</summary>");
            using (writer.Open($"internal Gpu({model.TypeName} network, global::ILGPU.Runtime.Accelerator accelerator)"))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(accelerator);")
                    .Line("_nnNetwork = network;")
                    .Line("_nnAccelerator = accelerator;")
                    .Line("_nnStream = accelerator.DefaultStream;")
                    .Line("_nnParameters = accelerator.Allocate1D<float>(ParameterCount);")
                    .Line("_nnGradients = accelerator.Allocate1D<float>(ParameterCount);")
                    .Line("_nnLosses = accelerator.Allocate1D<float>(1);")
                    .Line("NnUpload(_nnParameters, network.Parameters);")
                    .Line("NnEnsureCapacity(1);");
                foreach (GpuKernelCatalog.Kernel kernel in kernels.All)
                {
                    string types = string.Join(", ", new[] { GpuKernelCatalog.Index }.Concat(kernel.Types));
                    writer.Line($"{GpuKernelCatalog.Field(kernel.Name)} = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<{types}>(accelerator, NnKernels.{kernel.Name});");
                }
            }
        }

        private static void WritePublicMembers(IndentedWriter writer, NetworkModel model, bool fused)
        {
            string outputs = Outputs(model, fused);
            writer.Lines($$"""
                /// <summary>The accelerator this copy lives on.</summary>
                public global::ILGPU.Runtime.Accelerator Accelerator => _nnAccelerator;

                int global::NnGen.INetwork.InputSize => InputSize;
                int global::NnGen.INetwork.OutputSize => OutputSize;
                int global::NnGen.INetwork.ParameterCount => ParameterCount;

                /// <summary>The host network's parameters: the device values after <see cref="CopyParametersTo(global::System.Span{float})"/> or a device epoch.</summary>
                public float[] Parameters => _nnNetwork.Parameters;

                /// <summary>The host network's state (empty: the GPU kernels cover networks without state).</summary>
                public float[] State => _nnNetwork.State;

                /// <summary>The host network's gradients: the device gradient after <see cref="CopyGradientsTo(global::System.Span{float})"/>.</summary>
                public float[] Gradients => _nnNetwork.Gradients;

                /// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize), computed on the device.</summary>
                public void Predict(global::System.ReadOnlySpan<float> inputs, global::System.Span<float> outputs)
                {
                    int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));
                    NnBegin(n);
                    NnUpload(_nnInputs, inputs);
                    NnForward(n);
                    NnDownload({{outputs}}, outputs);
                }

                /// <summary>Returns the {{model.Loss}} of a batch of n samples (a mean, as PyTorch's default reduction), computed on the device.</summary>
                public float ComputeLoss(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)
                {
                    int n = NnUploadBatch(inputs, targets);
                    NnLoss(n, 0);
                    return NnReadLoss();
                }

                /// <summary>
                /// Returns the loss of a batch and leaves its gradient (a mean over the batch) on the device, for
                /// <see cref="CopyGradientsTo(global::System.Span{float})"/> or an optimizer step.
                /// </summary>
                public float ComputeGradients(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)
                {
                    int n = NnUploadBatch(inputs, targets);
                    NnGradients(n, 0);
                    return NnReadLoss();
                }

                /// <summary>ComputeGradients, and the host network's <see cref="Gradients"/> receive the gradient (the INetwork contract).</summary>
                float global::NnGen.INetwork.ComputeGradients(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)
                {
                    float loss = ComputeGradients(inputs, targets);
                    CopyGradientsTo(_nnNetwork.Gradients);
                    return loss;
                }

                /// <summary>Copies the gradient of the last ComputeGradients or TrainStep (ParameterCount floats) from the device.</summary>
                public void CopyGradientsTo(global::System.Span<float> gradients)
                {
                    NnCheckLength(gradients.Length, nameof(gradients));
                    NnDownload(_nnGradients, gradients);
                }

                /// <summary>
                /// ComputeGradients, then one step of <paramref name="optimizer"/> on the device (Sgd, Adam and AdamW run as kernels;
                /// any other optimizer steps on the host, with a copy of the parameters and gradients each way); returns the loss before the step.
                /// </summary>
                public float TrainStep(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets, global::NnGen.IOptimizer optimizer)
                {
                    global::System.ArgumentNullException.ThrowIfNull(optimizer);
                    int n = NnUploadBatch(inputs, targets);
                    NnGradients(n, 0);
                    NnOptimizerStep(optimizer);
                    return NnReadLoss();
                }

                /// <summary>Copies the device parameters into <paramref name="network"/>.</summary>
                public void CopyParametersTo({{model.TypeName}} network) => CopyParametersTo(network.Parameters);

                /// <summary>Copies the device parameters (ParameterCount floats, in the layout of Parameters).</summary>
                public void CopyParametersTo(global::System.Span<float> parameters)
                {
                    NnCheckLength(parameters.Length, nameof(parameters));
                    NnDownload(_nnParameters, parameters);
                }

                /// <summary>Replaces the device parameters with <paramref name="parameters"/> (ParameterCount floats).</summary>
                public void LoadParameters(global::System.ReadOnlySpan<float> parameters)
                {
                    NnCheckLength(parameters.Length, nameof(parameters));
                    NnBegin(1);
                    NnUpload(_nnParameters, parameters);
                }

                /// <summary>Copies the device parameters into the host network, then writes its model file.</summary>
                public void Save(global::System.IO.Stream stream)
                {
                    CopyParametersTo(_nnNetwork.Parameters);
                    _nnNetwork.Save(stream);
                }

                /// <summary>Loads a model file into the host network, then uploads its parameters.</summary>
                public void LoadFrom(global::System.IO.Stream stream)
                {
                    _nnNetwork.LoadFrom(stream);
                    UploadParameters();
                }

                /// <summary>Frees the device memory. The host network stays as it is.</summary>
                public void Dispose()
                {
                    if (_nnDisposed) return;
                    _nnDisposed = true;
                    _nnStream.Synchronize();
                    _nnParameters.Dispose();
                    _nnGradients.Dispose();
                    _nnLosses.Dispose();
                    _nnMoment1?.Dispose();
                    _nnMoment2?.Dispose();
                    _nnCheckpoint?.Dispose();
                    _nnFeatures?.Dispose();
                    _nnLabels?.Dispose();
                    _nnOrder?.Dispose();
                """);
            foreach ((string name, _, _) in Buffers(model, fused))
                writer.Line($"    {name}.Dispose();");
            writer.Line("}");
        }

        private static void WriteDeviceTraining(IndentedWriter writer)
        {
            writer.Lines("""
                /// <summary>Copies the features and targets of <paramref name="training"/> to the device, for <see cref="QueueTrainStep"/>.</summary>
                public void UploadTrainingSet(global::NnGen.Training.Dataset training)
                {
                    global::System.ArgumentNullException.ThrowIfNull(training);
                    if (training.InputSize != InputSize || training.OutputSize != OutputSize)
                        throw new global::System.ArgumentException($"The training set has {training.InputSize} features and {training.OutputSize} targets per sample, but the network takes {InputSize} inputs and gives {OutputSize} outputs.", nameof(training));
                    NnBegin(1);
                    _nnFeatures?.Dispose();
                    _nnLabels?.Dispose();
                    _nnFeatures = _nnAccelerator.Allocate1D<float>(global::System.Math.Max(1, training.Features.Length));
                    _nnLabels = _nnAccelerator.Allocate1D<float>(global::System.Math.Max(1, training.Targets.Length));
                    NnUpload(_nnFeatures, training.Features);
                    NnUpload(_nnLabels, training.Targets);
                }

                /// <summary>Copies the order in which the epoch visits the uploaded samples.</summary>
                public void UploadOrder(global::System.ReadOnlySpan<int> order)
                {
                    NnBegin(1);
                    if (_nnOrder is null || _nnOrder.Length < order.Length)
                    {
                        _nnOrder?.Dispose();
                        _nnOrder = _nnAccelerator.Allocate1D<int>(global::System.Math.Max(1, order.Length));
                    }
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyFromCPU(_nnOrder.View.SubView(0, order.Length), _nnStream, order);
                    NnEnsureLossSlots(order.Length);
                }

                /// <summary>Keeps a device copy of the parameters for <see cref="RestoreCheckpoint"/>.</summary>
                public void SaveCheckpoint()
                {
                    NnBegin(1);
                    _nnCheckpoint ??= _nnAccelerator.Allocate1D<float>(ParameterCount);
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyTo(_nnParameters.View, _nnStream, _nnCheckpoint.View);
                }

                /// <summary>Puts back the parameters of the last <see cref="SaveCheckpoint"/>, on the device and in the host network.</summary>
                public void RestoreCheckpoint()
                {
                    if (_nnCheckpoint is null) throw new global::System.InvalidOperationException("No checkpoint was saved.");
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyTo(_nnCheckpoint.View, _nnStream, _nnParameters.View);
                    CopyParametersTo(_nnNetwork.Parameters);
                }

                /// <summary>
                /// Queues a training step on the uploaded samples order[start .. start + size): the batch is gathered, its
                /// gradient computed and the optimizer applied on the device; its loss stays there as loss <paramref name="batch"/>.
                /// </summary>
                public void QueueTrainStep(int batch, int start, int size, global::NnGen.IOptimizer optimizer)
                {
                    global::System.ArgumentNullException.ThrowIfNull(optimizer);
                    if (_nnFeatures is null || _nnLabels is null || _nnOrder is null)
                        throw new global::System.InvalidOperationException("Upload a training set and an order first (UploadTrainingSet, UploadOrder).");
                    if (size < 1 || start < 0 || (long)start + size > _nnOrder.Length)
                        throw new global::System.ArgumentOutOfRangeException(nameof(size), size, $"The batch order[{start} .. {start} + {size}) is outside the uploaded order of {_nnOrder.Length} samples.");
                    if (batch < 0) throw new global::System.ArgumentOutOfRangeException(nameof(batch), batch, "The batch number must be >= 0.");
                    NnBegin(size);
                    NnEnsureLossSlots(batch + 1);
                    _nnKGatherBatch(size * (InputSize + OutputSize), _nnOrder.View, start, _nnFeatures.View, _nnLabels.View, _nnInputs.View, _nnTargets.View);
                    NnGradients(size, batch);
                    NnOptimizerStep(optimizer);
                }

                /// <summary>Waits for the queued steps; copies the first losses.Length batch losses and the parameters to the host.</summary>
                public void FinishEpoch(global::System.Span<float> losses)
                {
                    if (losses.Length > 0)
                    {
                        if (losses.Length > _nnLosses.Length) throw new global::System.ArgumentException($"Only {_nnLosses.Length} batch losses are kept, but {losses.Length} were asked for.", nameof(losses));
                        global::ILGPU.Runtime.ArrayViewExtensions.CopyToCPU(_nnLosses.View.SubView(0, losses.Length), _nnStream, losses);
                    }
                    CopyParametersTo(_nnNetwork.Parameters);
                }

                /// <summary>Copies the host network's parameters to the device.</summary>
                public void UploadParameters() => LoadParameters(_nnNetwork.Parameters);
                """);
        }

        private static void WriteOptimizer(IndentedWriter writer)
        {
            writer.Lines("""
                // One optimizer step on the device. The optimizer's state lives here, for the last optimizer passed: another
                // instance starts from fresh moments and step 1, as a new optimizer does on the CPU.
                private void NnOptimizerStep(global::NnGen.IOptimizer optimizer)
                {
                    if (!ReferenceEquals(optimizer, _nnOptimizer))
                    {
                        _nnOptimizer = optimizer;
                        _nnOptimizerSteps = 0;
                        if (_nnMoment1 is not null) global::ILGPU.Runtime.ArrayViewExtensions.MemSetToZero(_nnMoment1.View, _nnStream);
                        if (_nnMoment2 is not null) global::ILGPU.Runtime.ArrayViewExtensions.MemSetToZero(_nnMoment2.View, _nnStream);
                    }
                    int step = ++_nnOptimizerSteps;
                    switch (optimizer)
                    {
                        case global::NnGen.Sgd sgd:
                            int mode = sgd.Momentum == 0f ? 0 : (step == 1 ? 1 : 2) | (sgd.Nesterov ? 4 : 0);
                            _nnKSgdStep(ParameterCount, _nnParameters.View, _nnGradients.View, NnMoment(ref _nnMoment1).View, sgd.LearningRate, sgd.WeightDecay, sgd.Momentum, mode);
                            break;
                        case global::NnGen.Adam adam:
                            _nnKAdamStep(ParameterCount, _nnParameters.View, _nnGradients.View, NnMoment(ref _nnMoment1).View, NnMoment(ref _nnMoment2).View, adam.CoefficientsOfStep(step));
                            break;
                        case global::NnGen.AdamW adamW:
                            _nnKAdamStep(ParameterCount, _nnParameters.View, _nnGradients.View, NnMoment(ref _nnMoment1).View, NnMoment(ref _nnMoment2).View, adamW.CoefficientsOfStep(step));
                            break;
                        default:
                            // no kernel for this optimizer: it steps on the host, a round trip of parameters and gradients
                            float[] parameters = _nnNetwork.Parameters, gradients = _nnNetwork.Gradients;
                            NnDownload(_nnParameters, parameters);
                            NnDownload(_nnGradients, gradients);
                            optimizer.Step(parameters, gradients);
                            NnUpload(_nnParameters, parameters);
                            break;
                    }
                }

                private {{Buffer}} NnMoment(ref {{Buffer}}? moment)
                {
                    if (moment is null)
                    {
                        moment = _nnAccelerator.Allocate1D<float>(ParameterCount);
                        global::ILGPU.Runtime.ArrayViewExtensions.MemSetToZero(moment.View, _nnStream);
                    }
                    return moment;
                }
                """.Replace("{{Buffer}}", Buffer));
        }

        private static void WriteHelpers(IndentedWriter writer)
        {
            writer.Lines("""
                private void NnBegin(int n)
                {
                    if (_nnDisposed) throw new global::System.ObjectDisposedException(nameof(Gpu));
                    NnEnsureCapacity(n);
                }

                private int NnUploadBatch(global::System.ReadOnlySpan<float> inputs, global::System.ReadOnlySpan<float> targets)
                {
                    int n = global::NnGen.Internal.BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));
                    NnBegin(n);
                    NnUpload(_nnInputs, inputs);
                    NnUpload(_nnTargets, targets);
                    return n;
                }

                private void NnUpload({{Buffer}} buffer, global::System.ReadOnlySpan<float> values)
                    => global::ILGPU.Runtime.ArrayViewExtensions.CopyFromCPU(buffer.View.SubView(0, values.Length), _nnStream, values);

                // copies the first values.Length floats of a device buffer into values, after the queued work
                private void NnDownload({{Buffer}} buffer, global::System.Span<float> values)
                {
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyToCPU(buffer.View.SubView(0, values.Length), _nnStream, values);
                    _nnStream.Synchronize();
                }

                private float NnReadLoss()
                {
                    NnDownload(_nnLosses, _nnLoss);
                    return _nnLoss[0];
                }

                private static void NnCheckLength(int length, string name)
                {
                    if (length != ParameterCount)
                        throw new global::System.ArgumentException($"Expected {name}.Length to be ParameterCount ({ParameterCount}), but got {length}.", name);
                }

                // grows the loss slots to at least `count`, keeping those already written this epoch
                private void NnEnsureLossSlots(int count)
                {
                    if (count <= _nnLosses.Length) return;
                    var grown = _nnAccelerator.Allocate1D<float>(global::System.Math.Max(count, 2 * (int)_nnLosses.Length));
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyTo(_nnLosses.View, _nnStream, grown.View.SubView(0, _nnLosses.Length));
                    _nnStream.Synchronize();
                    _nnLosses.Dispose();
                    _nnLosses = grown;
                }
                """.Replace("{{Buffer}}", Buffer));
        }
    }
}
