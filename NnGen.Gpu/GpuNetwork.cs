using System;
using System.ComponentModel;
using System.IO;
using ILGPU;
using ILGPU.Runtime;
using NnGen.Internal;
using NnGen.Training;

namespace NnGen.Gpu
{
    /// <summary>
    /// A copy of a network on an ILGPU accelerator (CUDA, OpenCL or ILGPU's CPU accelerator): the base of the class
    /// <c>N.Gpu</c> that NnGen generates for a network <c>N</c> when the consumer references NnGen.Gpu. It keeps the
    /// parameters, the gradients, the optimizer state and (for <see cref="Trainer"/>'s device epochs) the training set
    /// on the device, and holds everything that does not depend on the network's shape: the buffers of those, the
    /// batch buffers every shape needs (inputs, targets, per-sample losses, chunk losses, gradient partials) grown to
    /// the largest batch seen, the optimizer steps (Sgd, Adam and AdamW as kernels of <see cref="SharedKernels"/>, any
    /// other optimizer on the host) and the public members of the network contract. The generated class supplies the
    /// sizes, its per-layer buffers and kernels, and the launches of one forward pass, one loss and one gradient.
    /// </summary>
    /// <remarks>
    /// <see cref="Parameters"/> is the host network's array: it holds the device parameters after
    /// <see cref="CopyParametersTo(Span{float})"/> or a device epoch. Not thread-safe; dispose it to free the device
    /// memory, after which every member but <see cref="Dispose"/> throws <see cref="ObjectDisposedException"/>. Nothing
    /// queued waits for the device, except the members that return or copy values to the host.
    /// </remarks>
    public abstract class GpuNetwork : IDeviceTraining, IDisposable
    {
        private readonly INetwork _host;
        private readonly Accelerator _accelerator;
        private readonly AcceleratorStream _stream;
        private readonly int _inputSize, _outputSize, _parameterCount, _widestRow;
        private readonly MemoryBuffer1D<float, Stride1D.Dense> _parameters;
        private readonly MemoryBuffer1D<float, Stride1D.Dense> _gradients;
        // the per-batch losses of an epoch (slot 0 for single calls), grown with the number of batches
        private MemoryBuffer1D<float, Stride1D.Dense> _losses;
        private readonly float[] _loss = new float[1];
        // optimizer state of the last optimizer seen: SGD's velocity in moment 1, Adam's m and v
        private MemoryBuffer1D<float, Stride1D.Dense>? _moment1, _moment2, _checkpoint, _features, _labels;
        private MemoryBuffer1D<int, Stride1D.Dense>? _order;
        private IOptimizer? _optimizer;
        private int _optimizerSteps;
        private bool _disposed;

        // Batch buffers, allocated by EnsureCapacity at the first batch and grown to the largest batch seen, with the
        // generated class's own (AllocateBatchBuffers).
        private int _capacity;
        private MemoryBuffer1D<float, Stride1D.Dense>? _inputs, _targets, _sampleLoss, _partials;
        private MemoryBuffer1D<double, Stride1D.Dense>? _chunkLoss;

        // the shared kernels' launchers, loaded by the constructor
        private readonly Action<Index1D, ArrayView<int>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int> _gatherBatch;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<double>, int> _chunkLossKernel;
        private readonly Action<Index1D, ArrayView<double>, ArrayView<float>, int, int, int> _reduceLoss;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> _reduceSampleGradients;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> _reduceGradients;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float, float, int> _sgdStep;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AdamStepCoefficients> _adamStep;

        /// <summary>
        /// Uploads the parameters of <paramref name="network"/> to <paramref name="accelerator"/> and loads the shared
        /// kernels. Called by the generated class's constructor with its network's sizes (constants).
        /// </summary>
        /// <param name="network">The host network, whose arrays this copy reads and writes as its host copy.</param>
        /// <param name="accelerator">The accelerator the copy lives on.</param>
        /// <param name="inputSize">The network's input features per sample.</param>
        /// <param name="outputSize">The network's outputs per sample.</param>
        /// <param name="parameterCount">The network's trainable parameters.</param>
        /// <param name="widestRow">
        /// The most floats any batch buffer (of this class or of the generated one) or kernel extent takes per sample; a
        /// batch of n samples whose n * widestRow, or whose gradient partials, exceed what an int index addresses is refused.
        /// </param>
        protected GpuNetwork(INetwork network, Accelerator accelerator, int inputSize, int outputSize, int parameterCount, int widestRow)
        {
            ArgumentNullException.ThrowIfNull(network);
            ArgumentNullException.ThrowIfNull(accelerator);
            if (inputSize < 1 || outputSize < 1 || parameterCount < 1 || widestRow < inputSize + outputSize)
                throw new ArgumentOutOfRangeException(nameof(widestRow), $"Sizes {inputSize} -> {outputSize}, {parameterCount} parameters, widest row {widestRow}: each must be positive and the widest row at least InputSize + OutputSize.");
            if (network.Parameters.Length != parameterCount)
                throw new ArgumentException($"The network has {network.Parameters.Length} parameters, but {parameterCount} were declared.", nameof(network));
            _host = network;
            _accelerator = accelerator;
            _stream = accelerator.DefaultStream;
            _inputSize = inputSize;
            _outputSize = outputSize;
            _parameterCount = parameterCount;
            _widestRow = widestRow;
            _parameters = accelerator.Allocate1D<float>(parameterCount);
            _gradients = accelerator.Allocate1D<float>(parameterCount);
            _losses = accelerator.Allocate1D<float>(1);
            Upload(_parameters.View, network.Parameters);
            _gatherBatch = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(SharedKernels.GatherBatch);
            _chunkLossKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, int>(SharedKernels.ChunkLoss);
            _reduceLoss = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<float>, int, int, int>(SharedKernels.ReduceLoss);
            _reduceSampleGradients = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(SharedKernels.ReduceSampleGradients);
            _reduceGradients = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(SharedKernels.ReduceGradients);
            _sgdStep = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float, float, int>(SharedKernels.SgdStep);
            _adamStep = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AdamStepCoefficients>(SharedKernels.AdamStep);
        }

        // ---- the network contract ------------------------------------------------------------------------------------

        /// <summary>The accelerator this copy lives on.</summary>
        public Accelerator Accelerator
        {
            get
            {
                ThrowIfDisposed();
                return _accelerator;
            }
        }

        int INetwork.InputSize => Checked(_inputSize);

        int INetwork.OutputSize => Checked(_outputSize);

        int INetwork.ParameterCount => Checked(_parameterCount);

        /// <summary>The host network's parameters: the device values after <see cref="CopyParametersTo(Span{float})"/> or a device epoch.</summary>
        public float[] Parameters => Checked(_host.Parameters);

        /// <summary>The host network's state (empty: the GPU kernels cover networks without state).</summary>
        public float[] State => Checked(_host.State);

        /// <summary>The host network's gradients: the device gradient after <see cref="CopyGradientsTo(Span{float})"/>.</summary>
        public float[] Gradients => Checked(_host.Gradients);

        /// <summary>Writes the activated outputs of a batch of n samples (inputs n * InputSize, outputs n * OutputSize), computed on the device.</summary>
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs)
        {
            ThrowIfDisposed();
            int n = BatchGuard.SampleCount(inputs.Length, _inputSize, outputs.Length, _outputSize, nameof(outputs));
            EnsureCapacity(n);
            Upload(_inputs!.View, inputs);
            QueueForward(n);
            Download(DeviceOutputs, outputs);
        }

        /// <summary>Returns the loss of a batch of n samples (a mean, as PyTorch's default reduction), computed on the device.</summary>
        public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            int n = UploadBatch(inputs, targets);
            QueueLoss(n, 0);
            return ReadLoss();
        }

        /// <summary>
        /// Returns the loss of a batch and leaves its gradient (a mean over the batch) on the device, for
        /// <see cref="CopyGradientsTo(Span{float})"/> or an optimizer step.
        /// </summary>
        public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            int n = UploadBatch(inputs, targets);
            QueueGradients(n, 0);
            return ReadLoss();
        }

        /// <summary>ComputeGradients, and the host network's <see cref="Gradients"/> receive the gradient (the INetwork contract).</summary>
        float INetwork.ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            float loss = ComputeGradients(inputs, targets);
            CopyGradientsTo(_host.Gradients);
            return loss;
        }

        /// <summary>Copies the gradient of the last ComputeGradients or TrainStep (ParameterCount floats) from the device.</summary>
        public void CopyGradientsTo(Span<float> gradients)
        {
            ThrowIfDisposed();
            CheckLength(gradients.Length, nameof(gradients));
            Download(_gradients.View, gradients);
        }

        /// <summary>
        /// ComputeGradients, then one step of <paramref name="optimizer"/> on the device (Sgd, Adam and AdamW run as kernels;
        /// any other optimizer steps on the host, with a copy of the parameters and gradients each way); returns the loss before the step.
        /// </summary>
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, IOptimizer optimizer)
        {
            ThrowIfDisposed();
            ArgumentNullException.ThrowIfNull(optimizer);
            int n = UploadBatch(inputs, targets);
            QueueGradients(n, 0);
            OptimizerStep(optimizer);
            return ReadLoss();
        }

        /// <summary>Copies the device parameters (ParameterCount floats, in the layout of Parameters).</summary>
        public void CopyParametersTo(Span<float> parameters)
        {
            ThrowIfDisposed();
            CheckLength(parameters.Length, nameof(parameters));
            Download(_parameters.View, parameters);
        }

        /// <summary>Replaces the device parameters with <paramref name="parameters"/> (ParameterCount floats).</summary>
        public void LoadParameters(ReadOnlySpan<float> parameters)
        {
            ThrowIfDisposed();
            CheckLength(parameters.Length, nameof(parameters));
            Upload(_parameters.View, parameters);
        }

        /// <summary>Copies the device parameters into the host network, then writes its model file.</summary>
        public void Save(Stream stream)
        {
            CopyParametersTo(_host.Parameters);
            _host.Save(stream);
        }

        /// <summary>Loads a model file into the host network, then uploads its parameters.</summary>
        public void LoadFrom(Stream stream)
        {
            ThrowIfDisposed();
            _host.LoadFrom(stream);
            UploadParameters();
        }

        /// <summary>Frees the device memory. The host network stays as it is.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _stream.Synchronize();
            _parameters.Dispose();
            _gradients.Dispose();
            _losses.Dispose();
            _moment1?.Dispose();
            _moment2?.Dispose();
            _checkpoint?.Dispose();
            _features?.Dispose();
            _labels?.Dispose();
            _order?.Dispose();
            DisposeCommonBatchBuffers();
            DisposeBatchBuffers();
            GC.SuppressFinalize(this);
        }

        // ---- IDeviceTraining: Trainer's device epochs -----------------------------------------------------------------
        // (plumbing the Trainer calls, hidden from IntelliSense)

        /// <summary>Copies the features and targets of <paramref name="training"/> to the device, for <see cref="QueueTrainStep"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void UploadTrainingSet(Dataset training)
        {
            ThrowIfDisposed();
            ArgumentNullException.ThrowIfNull(training);
            if (training.InputSize != _inputSize || training.OutputSize != _outputSize)
                throw new ArgumentException($"The training set has {training.InputSize} features and {training.OutputSize} targets per sample, but the network takes {_inputSize} inputs and gives {_outputSize} outputs.", nameof(training));
            _features?.Dispose();
            _labels?.Dispose();
            _features = _accelerator.Allocate1D<float>(Math.Max(1, training.Features.Length));
            _labels = _accelerator.Allocate1D<float>(Math.Max(1, training.Targets.Length));
            Upload(_features.View, training.Features);
            Upload(_labels.View, training.Targets);
        }

        /// <summary>Copies the order in which the epoch visits the uploaded samples.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void UploadOrder(ReadOnlySpan<int> order)
        {
            ThrowIfDisposed();
            if (_order is null || _order.Length < order.Length)
            {
                _order?.Dispose();
                _order = _accelerator.Allocate1D<int>(Math.Max(1, order.Length));
            }
            _order.View.SubView(0, order.Length).CopyFromCPU(_stream, order);
            EnsureLossSlots(order.Length);
        }

        /// <summary>Keeps a device copy of the parameters for <see cref="RestoreCheckpoint"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void SaveCheckpoint()
        {
            ThrowIfDisposed();
            _checkpoint ??= _accelerator.Allocate1D<float>(_parameterCount);
            _parameters.View.CopyTo(_stream, _checkpoint.View);
        }

        /// <summary>Puts back the parameters of the last <see cref="SaveCheckpoint"/>, on the device and in the host network.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void RestoreCheckpoint()
        {
            ThrowIfDisposed();
            if (_checkpoint is null) throw new InvalidOperationException("No checkpoint was saved.");
            _checkpoint.View.CopyTo(_stream, _parameters.View);
            CopyParametersTo(_host.Parameters);
        }

        /// <summary>
        /// Queues a training step on the uploaded samples order[start .. start + size): the batch is gathered, its
        /// gradient computed and the optimizer applied on the device; its loss stays there as loss <paramref name="batch"/>.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void QueueTrainStep(int batch, int start, int size, IOptimizer optimizer)
        {
            ThrowIfDisposed();
            ArgumentNullException.ThrowIfNull(optimizer);
            if (_features is null || _labels is null || _order is null)
                throw new InvalidOperationException("Upload a training set and an order first (UploadTrainingSet, UploadOrder).");
            if (size < 1 || start < 0 || (long)start + size > _order.Length)
                throw new ArgumentOutOfRangeException(nameof(size), size, $"The batch order[{start} .. {start} + {size}) is outside the uploaded order of {_order.Length} samples.");
            if (batch < 0) throw new ArgumentOutOfRangeException(nameof(batch), batch, "The batch number must be >= 0.");
            EnsureCapacity(size);
            EnsureLossSlots(batch + 1);
            _gatherBatch(size * (_inputSize + _outputSize), _order.View, start, _features.View, _labels.View, _inputs!.View, _targets!.View, _inputSize, _outputSize);
            QueueGradients(size, batch);
            OptimizerStep(optimizer);
        }

        /// <summary>Waits for the queued steps; copies the first losses.Length batch losses and the parameters to the host.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void FinishEpoch(Span<float> losses)
        {
            ThrowIfDisposed();
            if (losses.Length > 0)
            {
                if (losses.Length > _losses.Length) throw new ArgumentException($"Only {_losses.Length} batch losses are kept, but {losses.Length} were asked for.", nameof(losses));
                _losses.View.SubView(0, losses.Length).CopyToCPU(_stream, losses);
            }
            CopyParametersTo(_host.Parameters);
        }

        /// <summary>Copies the host network's parameters to the device.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void UploadParameters() => LoadParameters(Parameters);

        // ---- what the generated class supplies ----------------------------------------------------------------------

        /// <summary>The device buffer that holds the activated outputs of the batch after <see cref="QueueForward"/>.</summary>
        protected abstract ArrayView1D<float, Stride1D.Dense> DeviceOutputs { get; }

        /// <summary>Allocates the generated class's own batch buffers for batches of up to <paramref name="n"/> samples (with <see cref="AllocateBatchBuffer"/>).</summary>
        protected abstract void AllocateBatchBuffers(int n);

        /// <summary>
        /// Frees the generated class's own batch buffers, before they grow and on <see cref="Dispose"/>; a buffer may be
        /// null (no batch ran yet) or freed already (an allocation that failed half way).
        /// </summary>
        protected abstract void DisposeBatchBuffers();

        /// <summary>Queues the forward pass of the n samples in <see cref="DeviceInputs"/>, its activated outputs into <see cref="DeviceOutputs"/>.</summary>
        protected abstract void QueueForward(int n);

        /// <summary>
        /// Queues the loss (inference mode) of the n samples in <see cref="DeviceInputs"/> and <see cref="DeviceTargets"/>:
        /// the per-sample losses into <see cref="DeviceSampleLoss"/>, then <see cref="QueueLossReduction"/> into loss slot <paramref name="slot"/>.
        /// </summary>
        protected abstract void QueueLoss(int n, int slot);

        /// <summary>
        /// Queues the loss into loss slot <paramref name="slot"/> and the gradient (a mean over the batch) into the
        /// device gradients: per-chunk partial sums into <see cref="DevicePartials"/>, then
        /// <see cref="QueueGradientReduction"/> and <see cref="QueueLossReduction"/>.
        /// </summary>
        protected abstract void QueueGradients(int n, int slot);

        // ---- what the generated class uses ----------------------------------------------------------------------------

        /// <summary>The device parameters (ParameterCount floats).</summary>
        protected ArrayView1D<float, Stride1D.Dense> DeviceParameters => _parameters.View;

        /// <summary>The batch's inputs (n * InputSize floats, row-major).</summary>
        protected ArrayView1D<float, Stride1D.Dense> DeviceInputs => _inputs!.View;

        /// <summary>The batch's targets (n * OutputSize floats, row-major).</summary>
        protected ArrayView1D<float, Stride1D.Dense> DeviceTargets => _targets!.View;

        /// <summary>The loss of each sample of the batch (n floats, summed, not yet divided by the count of the mean).</summary>
        protected ArrayView1D<float, Stride1D.Dense> DeviceSampleLoss => _sampleLoss!.View;

        /// <summary>
        /// The gradient's partial sums, one row of ParameterCount floats per chunk of <see cref="SharedKernels.Chunk"/>
        /// samples: <c>partials[c * ParameterCount + j]</c> sums parameter j's gradient over chunk c.
        /// </summary>
        protected ArrayView1D<float, Stride1D.Dense> DevicePartials => _partials!.View;

        /// <summary>Allocates a float buffer on the accelerator (uninitialized), for <see cref="AllocateBatchBuffers"/>.</summary>
        protected MemoryBuffer1D<float, Stride1D.Dense> AllocateBatchBuffer(long length) => _accelerator.Allocate1D<float>(length);

        /// <summary>
        /// Queues the two-stage sum of <see cref="DeviceSampleLoss"/> (n samples) into loss slot <paramref name="slot"/>,
        /// divided by <paramref name="count"/>, the count of the loss's mean reduction (n or n * OutputSize).
        /// </summary>
        protected void QueueLossReduction(int n, int slot, int count)
        {
            int chunks = SharedKernels.Chunks(n);
            _chunkLossKernel(chunks, _sampleLoss!.View, _chunkLoss!.View, n);
            _reduceLoss(1, _chunkLoss.View, _losses.View, chunks, slot, count);
        }

        /// <summary>
        /// Queues the sum of per-sample gradient rows (n rows of ParameterCount floats, as a fused kernel writes them)
        /// over each chunk of samples into <see cref="DevicePartials"/>.
        /// </summary>
        protected void QueueSampleGradientReduction(int n, ArrayView<float> sampleGradients)
            => _reduceSampleGradients(SharedKernels.Chunks(n) * _parameterCount, sampleGradients, _partials!.View, n, _parameterCount);

        /// <summary>Queues the sum of the chunks' partial sums in <see cref="DevicePartials"/> into the device gradients.</summary>
        protected void QueueGradientReduction(int n)
            => _reduceGradients(_parameterCount, _partials!.View, _gradients.View, SharedKernels.Chunks(n), _parameterCount);

        // ---- the optimizer ------------------------------------------------------------------------------------------

        // One optimizer step on the device. The optimizer's state lives here, for the last optimizer passed: another
        // instance starts from fresh moments and step 1, as a new optimizer does on the CPU.
        private void OptimizerStep(IOptimizer optimizer)
        {
            if (!ReferenceEquals(optimizer, _optimizer))
            {
                _optimizer = optimizer;
                _optimizerSteps = 0;
                if (_moment1 is not null) _moment1.View.MemSetToZero(_stream);
                if (_moment2 is not null) _moment2.View.MemSetToZero(_stream);
            }
            int step = ++_optimizerSteps;
            switch (optimizer)
            {
                case Sgd sgd:
                    int mode = sgd.Momentum == 0f
                        ? SharedKernels.SgdPlain
                        : (step == 1 ? SharedKernels.SgdFirstMomentumStep : SharedKernels.SgdMomentumStep) | (sgd.Nesterov ? SharedKernels.SgdNesterov : 0);
                    _sgdStep(_parameterCount, _parameters.View, _gradients.View, Moment(ref _moment1).View, sgd.LearningRate, sgd.WeightDecay, sgd.Momentum, mode);
                    break;
                case Adam adam:
                    _adamStep(_parameterCount, _parameters.View, _gradients.View, Moment(ref _moment1).View, Moment(ref _moment2).View, adam.CoefficientsOfStep(step));
                    break;
                case AdamW adamW:
                    _adamStep(_parameterCount, _parameters.View, _gradients.View, Moment(ref _moment1).View, Moment(ref _moment2).View, adamW.CoefficientsOfStep(step));
                    break;
                default:
                    // no kernel for this optimizer: it steps on the host, a round trip of parameters and gradients
                    float[] parameters = _host.Parameters, gradients = _host.Gradients;
                    Download(_parameters.View, parameters);
                    Download(_gradients.View, gradients);
                    optimizer.Step(parameters, gradients);
                    Upload(_parameters.View, parameters);
                    break;
            }
        }

        private MemoryBuffer1D<float, Stride1D.Dense> Moment(ref MemoryBuffer1D<float, Stride1D.Dense>? moment)
        {
            if (moment is null)
            {
                moment = _accelerator.Allocate1D<float>(_parameterCount);
                moment.View.MemSetToZero(_stream);
            }
            return moment;
        }

        // ---- helpers ------------------------------------------------------------------------------------------------

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

        private T Checked<T>(T value)
        {
            ThrowIfDisposed();
            return value;
        }

        private int UploadBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            ThrowIfDisposed();
            int n = BatchGuard.SampleCount(inputs.Length, _inputSize, targets.Length, _outputSize, nameof(targets));
            EnsureCapacity(n);
            Upload(_inputs!.View, inputs);
            Upload(_targets!.View, targets);
            return n;
        }

        private void Upload(ArrayView1D<float, Stride1D.Dense> buffer, ReadOnlySpan<float> values)
            => buffer.SubView(0, values.Length).CopyFromCPU(_stream, values);

        // copies the first values.Length floats of a device buffer into values, after the queued work
        private void Download(ArrayView1D<float, Stride1D.Dense> buffer, Span<float> values)
        {
            buffer.SubView(0, values.Length).CopyToCPU(_stream, values);
            _stream.Synchronize();
        }

        private float ReadLoss()
        {
            Download(_losses.View, _loss);
            return _loss[0];
        }

        private void CheckLength(int length, string name)
        {
            if (length != _parameterCount)
                throw new ArgumentException($"Expected {name}.Length to be ParameterCount ({_parameterCount}), but got {length}.", name);
        }

        // grows the loss slots to at least `count`, keeping those already written this epoch
        private void EnsureLossSlots(int count)
        {
            if (count <= _losses.Length) return;
            var grown = _accelerator.Allocate1D<float>(Math.Max(count, 2 * (int)_losses.Length));
            _losses.View.CopyTo(_stream, grown.View.SubView(0, _losses.Length));
            _stream.Synchronize();
            _losses.Dispose();
            _losses = grown;
        }

        private void EnsureCapacity(int n)
        {
            if (n <= _capacity) return;
            // every index a kernel computes is an int: refuse a batch whose largest buffer (or the gather's thread
            // count, n * (InputSize + OutputSize)) would not fit one
            long cells = Math.Max((long)n * _widestRow, ((long)n + SharedKernels.Chunk - 1) / SharedKernels.Chunk * _parameterCount);
            if (cells > int.MaxValue) throw new ArgumentException($"A batch of {n} samples needs device buffers of {cells} floats, more than one kernel can index ({int.MaxValue}): use smaller batches.", "inputs");
            if (_capacity > 0)
            {
                _stream.Synchronize(); // queued kernels may still read the buffers being replaced
                DisposeCommonBatchBuffers();
                DisposeBatchBuffers();
                _capacity = 0; // until the new buffers are all there
            }
            _inputs = _accelerator.Allocate1D<float>((long)n * _inputSize);
            _targets = _accelerator.Allocate1D<float>((long)n * _outputSize);
            _sampleLoss = _accelerator.Allocate1D<float>(n);
            _chunkLoss = _accelerator.Allocate1D<double>(SharedKernels.Chunks(n));
            _partials = _accelerator.Allocate1D<float>((long)SharedKernels.Chunks(n) * _parameterCount);
            AllocateBatchBuffers(n);
            _capacity = n;
        }

        private void DisposeCommonBatchBuffers()
        {
            _inputs?.Dispose();
            _targets?.Dispose();
            _sampleLoss?.Dispose();
            _chunkLoss?.Dispose();
            _partials?.Dispose();
        }
    }
}
