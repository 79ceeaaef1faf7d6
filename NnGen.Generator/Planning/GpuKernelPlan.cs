using System;
using System.Collections.Generic;
using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>The type of a kernel parameter or of a host method's, as ILGPU sees it.</summary>
    internal enum GpuValueType
    {
        /// <summary><c>ArrayView&lt;float&gt;</c>.</summary>
        FloatView,

        /// <summary><c>ArrayView&lt;int&gt;</c>.</summary>
        IntView,

        /// <summary><c>ArrayView&lt;double&gt;</c>.</summary>
        DoubleView,

        Float,
        Int,
        Double,
    }

    /// <summary>One parameter of a kernel (after the thread index) or of a host method.</summary>
    internal sealed record GpuParameter(string Name, GpuValueType Type);

    /// <summary>What a kernel computes, which decides the body the emitters write for it.</summary>
    internal enum GpuKernelKind
    {
        /// <summary>One thread per sample: the forward pass into the outputs.</summary>
        FusedPredict,

        /// <summary>One thread per sample: forward pass and loss gate, the sample's loss.</summary>
        FusedLoss,

        /// <summary>One thread per sample: forward, loss gate and backward, the sample's loss and gradient row.</summary>
        FusedGradients,

        /// <summary>One thread per (sample, unit) of a layer: its product with the bias and, where fused, its activation.</summary>
        Forward,

        /// <summary>One thread per sample: a softmax layer's row.</summary>
        Softmax,

        /// <summary>One thread per sample: the loss and, when asked, dL/dz of the last layer.</summary>
        LossGate,

        /// <summary>One thread per (chunk of samples, weight or bias) of a layer: its gradient's partial sum over the chunk.</summary>
        WeightGradients,

        /// <summary>One thread per (sample, input) of a layer: the gradient reaching the layer below, through its activation gate.</summary>
        BackwardInput,
    }

    /// <summary>
    /// A kernel of the network: a static method of the generated class's <c>NnKernels</c> whose first parameter is the
    /// thread index (<c>Index1D</c>), then <see cref="Parameters"/>. <see cref="Layer"/> is the layer it belongs to (for
    /// <see cref="GpuKernelKind.BackwardInput"/>, the layer whose dz it reads), 0 for a kernel of the whole network.
    /// </summary>
    internal sealed record GpuKernel(string Name, GpuKernelKind Kind, int Layer, EquatableArray<GpuParameter> Parameters);

    /// <summary>Who holds a device buffer: the base class <c>NnGen.Gpu.GpuNetwork</c>, or the generated class.</summary>
    internal enum GpuBufferOwner
    {
        Base,
        Network,
    }

    /// <summary>
    /// A float buffer on the device. <see cref="Name"/> is a protected view of the base class (DeviceInputs, ...) or a
    /// field of the generated class; <see cref="RowWidth"/> the floats it holds per sample of the batch (the generated
    /// class's buffers; 0 for the base class's, which it sizes itself).
    /// </summary>
    internal sealed record GpuBuffer(string Name, GpuBufferOwner Owner, int RowWidth)
    {
        public GpuValueType Type => GpuValueType.FloatView;
    }

    /// <summary>A value bound to a parameter of a kernel or of a host method.</summary>
    internal abstract record GpuArgument(GpuValueType Type);

    /// <summary>A device buffer, passed as its view.</summary>
    internal sealed record GpuBufferArgument(GpuBuffer Buffer) : GpuArgument(Buffer.Type);

    /// <summary>A scalar: a C# expression of the host method that launches (<c>n</c>, <c>slot</c>, <c>1f / n</c>, ...).</summary>
    internal sealed record GpuScalarArgument(GpuValueType Type, string Expression) : GpuArgument(Type);

    /// <summary>How many threads a launch runs: <see cref="Width"/> per sample of the batch, or per chunk of samples.</summary>
    internal enum GpuExtentUnit
    {
        Samples,
        Chunks,
    }

    /// <summary>A launch's thread count: n * Width (samples) or chunks * Width, chunks = ceil(n / NnGen.Gpu.SharedKernels.Chunk).</summary>
    internal sealed record GpuExtent(GpuExtentUnit Unit, int Width);

    /// <summary>One step of a launch sequence: a kernel launch, or a call of a host method.</summary>
    internal abstract record GpuStep;

    /// <summary>
    /// A launch of <see cref="Kernel"/> on <see cref="Extent"/> threads with <see cref="Arguments"/>. The constructor
    /// checks the arguments against the kernel's parameters, count and types, so a launch that does not match its
    /// kernel cannot be built, let alone emitted.
    /// </summary>
    internal sealed record GpuLaunch : GpuStep
    {
        public GpuLaunch(GpuKernel kernel, GpuExtent extent, params GpuArgument[] arguments)
        {
            Kernel = kernel;
            Extent = extent;
            Arguments = GpuSignature.Bind(kernel.Name, kernel.Parameters, arguments);
        }

        public GpuKernel Kernel { get; }

        public GpuExtent Extent { get; }

        public EquatableArray<GpuArgument> Arguments { get; }
    }

    /// <summary>
    /// The host methods a launch sequence calls: the generated class's own forward sequence, and the queue methods
    /// of <c>NnGen.Gpu.GpuNetwork</c> that launch the shared reduction kernels.
    /// </summary>
    internal enum GpuHostMethod
    {
        /// <summary>QueueForward(int n): the network's forward sequence.</summary>
        QueueForward,

        /// <summary>QueueLossReduction(int n, int slot, int count): the per-sample losses into a loss slot, divided by count.</summary>
        QueueLossReduction,

        /// <summary>QueueSampleGradientReduction(int n, ArrayView&lt;float&gt; sampleGradients): per-sample gradient rows into chunk partials.</summary>
        QueueSampleGradientReduction,

        /// <summary>QueueGradientReduction(int n): the chunk partials into the device gradients.</summary>
        QueueGradientReduction,
    }

    /// <summary>A call of a host method, its arguments checked against the method's parameters as a launch's are.</summary>
    internal sealed record GpuHostCall : GpuStep
    {
        public GpuHostCall(GpuHostMethod method, params GpuArgument[] arguments)
        {
            Method = method;
            Arguments = GpuSignature.Bind(method.ToString(), GpuSignature.Parameters(method), arguments);
        }

        public GpuHostMethod Method { get; }

        public EquatableArray<GpuArgument> Arguments { get; }
    }

    /// <summary>
    /// Every decision the GPU file of one network is rendered from: its kernel shape, its kernels (declaration,
    /// launcher field, loading), its own batch buffers, the buffer of the activated outputs, the widest per-sample row
    /// the base class must be able to index, and the launch sequences of one forward pass, one loss and one gradient.
    /// </summary>
    internal sealed record GpuKernelPlan(
        GpuCodeShape Shape,
        int WidestRow,
        EquatableArray<GpuKernel> Kernels,
        EquatableArray<GpuBuffer> Buffers,
        GpuBuffer Outputs,
        EquatableArray<GpuStep> Forward,
        EquatableArray<GpuStep> Loss,
        EquatableArray<GpuStep> Gradients)
    {
        public bool IsFused => Shape != GpuCodeShape.PerLayer;
    }

    /// <summary>Argument lists checked against parameter lists.</summary>
    internal static class GpuSignature
    {
        private static readonly GpuParameter N = new("n", GpuValueType.Int);

        public static EquatableArray<GpuParameter> Parameters(GpuHostMethod method) => method switch
        {
            GpuHostMethod.QueueForward => new[] { N }.ToEquatableArray(),
            GpuHostMethod.QueueLossReduction => new[] { N, new GpuParameter("slot", GpuValueType.Int), new GpuParameter("count", GpuValueType.Int) }.ToEquatableArray(),
            GpuHostMethod.QueueSampleGradientReduction => new[] { N, new GpuParameter("sampleGradients", GpuValueType.FloatView) }.ToEquatableArray(),
            GpuHostMethod.QueueGradientReduction => new[] { N }.ToEquatableArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };

        /// <summary>The arguments, when they match the parameters one for one in type; a planner bug otherwise.</summary>
        public static EquatableArray<GpuArgument> Bind(string callee, EquatableArray<GpuParameter> parameters, GpuArgument[] arguments)
        {
            if (arguments.Length != parameters.Count)
                throw new ArgumentException($"{callee} takes {parameters.Count} arguments, but {arguments.Length} were bound.", nameof(arguments));
            for (int i = 0; i < arguments.Length; i++)
                if (arguments[i].Type != parameters[i].Type)
                    throw new ArgumentException($"{callee}'s parameter {parameters[i].Name} is {parameters[i].Type}, but argument {i} is {arguments[i].Type}.", nameof(arguments));
            return arguments.ToEquatableArray();
        }
    }

    /// <summary>
    /// Lowers a network the GPU path covers (its <see cref="NetworkPlan.GpuShape"/> is not Unsupported) to its
    /// <see cref="GpuKernelPlan"/>: a tiny network gets three fused kernels, one thread per sample; a wider one gets
    /// kernels per layer. Buffers, offsets and fusions are the network plan's.
    /// </summary>
    internal static class GpuKernelPlanner
    {
        /// <summary>The base class's views, as the generated class names them.</summary>
        public static readonly GpuBuffer Inputs = new("DeviceInputs", GpuBufferOwner.Base, 0);
        public static readonly GpuBuffer Targets = new("DeviceTargets", GpuBufferOwner.Base, 0);
        public static readonly GpuBuffer Parameters = new("DeviceParameters", GpuBufferOwner.Base, 0);
        public static readonly GpuBuffer SampleLoss = new("DeviceSampleLoss", GpuBufferOwner.Base, 0);
        public static readonly GpuBuffer Partials = new("DevicePartials", GpuBufferOwner.Base, 0);

        private static readonly GpuScalarArgument N = new(GpuValueType.Int, "n");
        private static readonly GpuScalarArgument Slot = new(GpuValueType.Int, "slot");

        public static GpuKernelPlan Plan(NetworkPlan model)
        {
            GpuKernelPlan plan = model.GpuShape == GpuCodeShape.PerLayer ? PlanPerLayer(model) : PlanFused(model);
            int widest = model.InputSize + model.OutputSize;
            foreach (GpuBuffer buffer in plan.Buffers) widest = Math.Max(widest, buffer.RowWidth);
            return plan with { WidestRow = widest };
        }

        private static GpuParameter View(string name) => new(name, GpuValueType.FloatView);

        private static GpuKernel Kernel(string name, GpuKernelKind kind, int layer, params GpuParameter[] parameters)
            => new(name, kind, layer, parameters.ToEquatableArray());

        private static GpuBufferArgument Arg(GpuBuffer buffer) => new(buffer);

        private static GpuExtent PerSample(int width) => new(GpuExtentUnit.Samples, width);

        /// <summary>The count of the loss's mean reduction, and 1 / count for the gradient's scale.</summary>
        private static (GpuScalarArgument Count, GpuScalarArgument InvCount) Counts(NetworkPlan model)
        {
            string count = LossReduction.Count(model.Loss);
            return (new GpuScalarArgument(GpuValueType.Int, count), new GpuScalarArgument(GpuValueType.Float, $"1f / {count}"));
        }

        private static GpuKernelPlan PlanFused(NetworkPlan model)
        {
            var outputs = new GpuBuffer("_nnOutputs", GpuBufferOwner.Network, model.OutputSize);
            var sampleGradients = new GpuBuffer("_nnSampleGradients", GpuBufferOwner.Network, model.ParameterCount);
            GpuKernel predict = Kernel("FusedPredict", GpuKernelKind.FusedPredict, 0, View("x"), View("p"), View("y"));
            GpuKernel loss = Kernel("FusedLoss", GpuKernelKind.FusedLoss, 0, View("x"), View("t"), View("p"), View("sampleLoss"));
            GpuKernel gradients = Kernel("FusedGradients", GpuKernelKind.FusedGradients, 0,
                View("x"), View("t"), View("p"), View("g"), View("sampleLoss"), new GpuParameter("invCount", GpuValueType.Float));
            (GpuScalarArgument count, GpuScalarArgument invCount) = Counts(model);
            var reduceLoss = new GpuHostCall(GpuHostMethod.QueueLossReduction, N, Slot, count);

            return new GpuKernelPlan(
                model.GpuShape,
                WidestRow: 0,
                new[] { predict, loss, gradients }.ToEquatableArray(),
                new[] { outputs, sampleGradients }.ToEquatableArray(),
                outputs,
                Forward: new GpuStep[] { new GpuLaunch(predict, PerSample(1), Arg(Inputs), Arg(Parameters), Arg(outputs)) }.ToEquatableArray(),
                Loss: new GpuStep[]
                {
                    new GpuLaunch(loss, PerSample(1), Arg(Inputs), Arg(Targets), Arg(Parameters), Arg(SampleLoss)),
                    reduceLoss,
                }.ToEquatableArray(),
                Gradients: new GpuStep[]
                {
                    new GpuLaunch(gradients, PerSample(1), Arg(Inputs), Arg(Targets), Arg(Parameters), Arg(sampleGradients), Arg(SampleLoss), invCount),
                    new GpuHostCall(GpuHostMethod.QueueSampleGradientReduction, N, Arg(sampleGradients)),
                    new GpuHostCall(GpuHostMethod.QueueGradientReduction, N),
                    reduceLoss,
                }.ToEquatableArray());
        }

        /// <summary>A device buffer of the network for a buffer of the plan (the same name on every target).</summary>
        private static GpuBuffer Device(Buffer buffer, int units) => new(buffer.Name, GpuBufferOwner.Network, units);

        private static GpuKernelPlan PlanPerLayer(NetworkPlan model)
        {
            int count = model.Layers.Count;
            var z = new GpuBuffer[count];
            var output = new GpuBuffer[count];
            var dz = new GpuBuffer[count];
            var buffers = new List<GpuBuffer>();
            for (int l = 0; l < count; l++)
            {
                LayerPlan layer = model.Layers[l];
                z[l] = Device(layer.PreActivation!.Value, layer.Units);
                output[l] = layer.OutputIsPreActivation ? z[l] : Device(layer.Output, layer.Units);
                dz[l] = Device(layer.Gradient, layer.Units);
                buffers.Add(z[l]);
                if (output[l] != z[l]) buffers.Add(output[l]);
                buffers.Add(dz[l]);
            }
            GpuBuffer In(int l) => l == 0 ? Inputs : output[l - 1];

            var kernels = new List<GpuKernel>();
            var forward = new List<GpuStep>();
            for (int l = 0; l < count; l++)
            {
                LayerPlan layer = model.Layers[l];
                bool fused = layer.ActivationStep == ActivationStep.FusedIntoKernel;
                GpuKernel kernel = fused
                    ? Kernel($"ForwardLayer{layer.Number}", GpuKernelKind.Forward, layer.Number, View("x"), View("p"), View("z"), View("a"))
                    : Kernel($"ForwardLayer{layer.Number}", GpuKernelKind.Forward, layer.Number, View("x"), View("p"), View("z"));
                kernels.Add(kernel);
                forward.Add(fused
                    ? new GpuLaunch(kernel, PerSample(layer.Units), Arg(In(l)), Arg(Parameters), Arg(z[l]), Arg(output[l]))
                    : new GpuLaunch(kernel, PerSample(layer.Units), Arg(In(l)), Arg(Parameters), Arg(z[l])));
                if (layer.Activation != Activation.Softmax) continue;
                GpuKernel softmax = Kernel($"SoftmaxLayer{layer.Number}", GpuKernelKind.Softmax, layer.Number, View("z"), View("a"));
                kernels.Add(softmax);
                forward.Add(new GpuLaunch(softmax, PerSample(1), Arg(z[l]), Arg(output[l])));
            }

            int last = count - 1;
            GpuKernel lossGate = Kernel("LossGate", GpuKernelKind.LossGate, model.OutputLayer.Number,
                View("z"), View("a"), View("t"), View("dz"), View("sampleLoss"),
                new GpuParameter("invCount", GpuValueType.Float), new GpuParameter("withGradient", GpuValueType.Int));
            kernels.Add(lossGate);
            (GpuScalarArgument lossCount, GpuScalarArgument invCount) = Counts(model);
            GpuLaunch LossGateLaunch(int withGradient) => new(lossGate, PerSample(1),
                Arg(z[last]), Arg(output[last]), Arg(Targets), Arg(dz[last]), Arg(SampleLoss), invCount, new GpuScalarArgument(GpuValueType.Int, withGradient.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var queueForward = new GpuHostCall(GpuHostMethod.QueueForward, N);
            var reduceLoss = new GpuHostCall(GpuHostMethod.QueueLossReduction, N, Slot, lossCount);

            var gradients = new List<GpuStep> { queueForward, LossGateLaunch(1) };
            for (int l = last; l >= 0; l--)
            {
                LayerPlan layer = model.Layers[l];
                GpuKernel weights = Kernel($"WeightGradientsLayer{layer.Number}", GpuKernelKind.WeightGradients, layer.Number,
                    View("dz"), View("x"), View("partials"), new GpuParameter("n", GpuValueType.Int));
                kernels.Add(weights);
                gradients.Add(new GpuLaunch(weights, new GpuExtent(GpuExtentUnit.Chunks, layer.WeightCount + layer.Units), Arg(dz[l]), Arg(In(l)), Arg(Partials), N));
                if (l == 0) continue;
                GpuKernel backward = Kernel($"BackwardInputLayer{layer.Number}", GpuKernelKind.BackwardInput, layer.Number,
                    View("dz"), View("p"), View("zBelow"), View("aBelow"), View("dzBelow"));
                kernels.Add(backward);
                gradients.Add(new GpuLaunch(backward, PerSample(layer.FanIn), Arg(dz[l]), Arg(Parameters), Arg(z[l - 1]), Arg(output[l - 1]), Arg(dz[l - 1])));
            }
            gradients.Add(new GpuHostCall(GpuHostMethod.QueueGradientReduction, N));
            gradients.Add(reduceLoss);

            return new GpuKernelPlan(
                GpuCodeShape.PerLayer,
                WidestRow: 0,
                kernels.ToEquatableArray(),
                buffers.ToEquatableArray(),
                output[last],
                forward.ToEquatableArray(),
                Loss: new GpuStep[] { queueForward, LossGateLaunch(0), reduceLoss }.ToEquatableArray(),
                gradients.ToEquatableArray());
        }
    }
}
