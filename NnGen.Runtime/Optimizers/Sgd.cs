using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NnGen
{
    /// <summary>
    /// Stochastic gradient descent, step for step equal to <c>torch.optim.SGD</c> (dampening 0):
    /// g = grad + weightDecay * p (only when weightDecay != 0); with momentum, buf = g on the first step and
    /// momentum * buf + g after; g = nesterov ? g + momentum * buf : buf; p -= learningRate * g.
    /// </summary>
    /// <remarks>
    /// Vectorized with <see cref="Vector{T}"/>; the vector loop and the scalar tail perform the same IEEE
    /// operations in the same order without fused multiply-add, so every element gets the same result
    /// whatever the machine's vector width. PyTorch's CPU kernels fuse <c>p + alpha * g</c> into one FMA,
    /// so results can differ from torch's in the last bit.
    /// </remarks>
    public sealed class Sgd : IOptimizer
    {
        private float[]? _velocity;
        private float _learningRate;

        /// <summary>Creates the optimizer; all arguments as in <c>torch.optim.SGD</c>.</summary>
        /// <exception cref="ArgumentException">An argument is negative, infinite or NaN, or nesterov is set without momentum.</exception>
        public Sgd(float learningRate, float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
        {
            LearningRate = OptimizerChecks.LearningRate(learningRate, nameof(learningRate));
            Momentum = OptimizerChecks.NonNegative(momentum, nameof(momentum), "Momentum");
            WeightDecay = OptimizerChecks.NonNegative(weightDecay, nameof(weightDecay), "Weight decay");
            if (nesterov && momentum == 0f) throw new ArgumentException("Nesterov momentum requires a momentum > 0 (as in torch.optim.SGD).", nameof(nesterov));
            Nesterov = nesterov;
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
        public float LearningRate
        {
            get => _learningRate;
            set => _learningRate = OptimizerChecks.LearningRate(value);
        }

        /// <summary>The momentum factor (0: plain SGD).</summary>
        public float Momentum { get; }

        /// <summary>Whether the step uses Nesterov momentum.</summary>
        public bool Nesterov { get; }

        /// <summary>The L2 penalty added to the gradient (weightDecay * p).</summary>
        public float WeightDecay { get; }

        /// <summary>The number of steps taken so far.</summary>
        public int StepCount { get; private set; }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The lengths differ, or (with momentum) the parameter vector is not the one this optimizer serves.</exception>
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            OptimizerChecks.SameLength(parameters, gradients);
            if (Momentum == 0f)
                Plain(parameters, gradients, LearningRate, WeightDecay);
            else
            {
                bool first = _velocity is null;
                float[] velocity = OptimizerChecks.State(ref _velocity, parameters.Length);
                WithMomentum(parameters, gradients, velocity, LearningRate, WeightDecay, Momentum, Nesterov, first);
            }
            StepCount++;
        }

        private static void Plain(Span<float> parameters, ReadOnlySpan<float> gradients, float lr, float wd)
        {
            ref float p = ref MemoryMarshal.GetReference(parameters);
            ref float g = ref MemoryMarshal.GetReference(gradients);
            int n = parameters.Length, i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> lrV = new(lr), wdV = new(wd);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> pv = Vector.LoadUnsafe(ref p, (nuint)i);
                    Vector<float> gv = Vector.LoadUnsafe(ref g, (nuint)i);
                    if (wd != 0f) gv += wdV * pv;
                    Vector.StoreUnsafe(pv - lrV * gv, ref p, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                float gi = gradients[i];
                if (wd != 0f) gi += wd * parameters[i];
                parameters[i] -= lr * gi;
            }
        }

        private static void WithMomentum(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> velocity,
            float lr, float wd, float mu, bool nesterov, bool first)
        {
            ref float p = ref MemoryMarshal.GetReference(parameters);
            ref float g = ref MemoryMarshal.GetReference(gradients);
            ref float b = ref MemoryMarshal.GetReference(velocity);
            int n = parameters.Length, i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> lrV = new(lr), wdV = new(wd), muV = new(mu);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> pv = Vector.LoadUnsafe(ref p, (nuint)i);
                    Vector<float> gv = Vector.LoadUnsafe(ref g, (nuint)i);
                    if (wd != 0f) gv += wdV * pv;
                    Vector<float> bv = first ? gv : muV * Vector.LoadUnsafe(ref b, (nuint)i) + gv;
                    Vector.StoreUnsafe(bv, ref b, (nuint)i);
                    Vector<float> step = nesterov ? gv + muV * bv : bv;
                    Vector.StoreUnsafe(pv - lrV * step, ref p, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                float gi = gradients[i];
                if (wd != 0f) gi += wd * parameters[i];
                float bi = first ? gi : mu * velocity[i] + gi;
                velocity[i] = bi;
                float step = nesterov ? gi + mu * bi : bi;
                parameters[i] -= lr * step;
            }
        }
    }
}
