using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NnGen.Generator.Model;

namespace NnGen.Generator.Planning
{
    /// <summary>Lowers a <see cref="NetworkModel"/> to its <see cref="NetworkPlan"/>.</summary>
    internal static class NetworkPlanner
    {
        public static NetworkPlan Plan(NetworkModel model)
        {
            var layers = ImmutableArray.CreateBuilder<LayerPlan>(model.Layers.Count);
            long flops = 0;
            Buffer input = Buffer.NetworkInputs;
            Buffer? gradientBelow = null;
            for (int i = 0; i < model.Layers.Count; i++)
            {
                // a layer's parameters and state follow those of the layers before it (the parser capped the totals)
                IEnumerable<LayerModel> before = model.Layers.Take(i);
                int parameterOffset = (int)NetworkModel.ParameterCount(before), stateOffset = (int)NetworkModel.StateCount(before);
                LayerPlan layer = PlanLayer(model.Layers[i], parameterOffset, stateOffset, input, gradientBelow, isLast: i == model.Layers.Count - 1);
                layers.Add(layer);
                if (layer.Layer is DenseLayer dense) flops += 2L * dense.WeightCount;
                if (layer.Layer is MaxoutLayer maxout) flops += 2L * maxout.WeightCount;
                input = layer.Output;
                gradientBelow = layer.Gradient;
            }

            int parameterCount = (int)model.TotalParameterCount;
            string signature = ModelSignature.Describe(model);
            CpuCodeShape cpu = CodeShapes.Cpu(model);
            var plan = new NetworkPlan(
                model,
                cpu,
                CodeShapes.Gpu(model, parameterCount, cpu),
                CodeShapes.GpuUnsupportedReason(model),
                layers.ToImmutable().ToEquatableArray(),
                parameterCount,
                (int)model.TotalStateCount,
                flops,
                signature,
                ModelSignature.Hash(signature));
            return plan.GpuShape == GpuCodeShape.Unsupported ? plan : plan with { Gpu = GpuKernelPlanner.Plan(plan) };
        }

        private static LayerPlan PlanLayer(LayerModel layer, int parameterOffset, int stateOffset, Buffer input, Buffer? gradientBelow, bool isLast)
        {
            int number = layer.Number;
            Buffer? preActivation = layer is ActivatedLayer ? new Buffer(BufferRole.PreActivation, number) : null;
            Activation activation = layer is ActivatedLayer activated ? activated.Activation : Activation.Identity;
            // An Identity gate keeps no values of its own: the output is z.
            Buffer output = preActivation is { } z && activation == Activation.Identity ? z : new Buffer(BufferRole.Activated, number);
            Buffer gradient = new(BufferRole.Gradient, number);

            ActivationStep step = activation == Activation.Identity || layer is not ActivatedLayer ? ActivationStep.None
                : layer is DenseLayer && activation != Activation.Softmax ? ActivationStep.FusedIntoKernel
                : ActivationStep.OwnPass;

            var buffers = new List<BufferPlan>();
            int units = layer.Units;
            if (preActivation is { } pre) buffers.Add(new BufferPlan(pre, units));
            if (output != preActivation) buffers.Add(new BufferPlan(output, units));
            if (layer is NormalizationLayer)
            {
                buffers.Add(new BufferPlan(new Buffer(BufferRole.Normalized, number), units));
                buffers.Add(layer is BatchNormLayer
                    ? new BufferPlan(new Buffer(BufferRole.InverseDeviation, number), 0, units)
                    : new BufferPlan(new Buffer(BufferRole.InverseDeviation, number), 1));
            }
            if (layer is DropoutLayer) buffers.Add(new BufferPlan(new Buffer(BufferRole.DropoutMask, number), units));
            if (layer is MaxoutLayer maxout)
            {
                // the affine values the max gate reads, and their gradient; backward recomputes the winners from them
                buffers.Insert(0, new BufferPlan(new Buffer(BufferRole.Pieces, number), (int)maxout.PieceCount));
                buffers.Add(new BufferPlan(new Buffer(BufferRole.PieceGradient, number), (int)maxout.PieceCount));
            }
            buffers.Add(new BufferPlan(gradient, units));

            return new LayerPlan(layer, parameterOffset, stateOffset, input, output, preActivation, gradient, gradientBelow, step, isLast, buffers.ToEquatableArray());
        }
    }
}
