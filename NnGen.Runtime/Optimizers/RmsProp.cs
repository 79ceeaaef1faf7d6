using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NnGen
{
    /// <summary>
    /// RMSprop, step for step equal to <c>torch.optim.RMSprop</c> (centered=False, weight_decay=0), defaults included:
    /// v = alpha * v + (1 - alpha) * g * g (v starts at 0); avg = sqrt(v) + epsilon;
    /// without momentum p -= learningRate * g / avg; with momentum buf = momentum * buf + g / avg (buf starts at 0)
    /// and p -= learningRate * buf.
    /// </summary>
    /// <remarks>
    /// Vectorized with <see cref="Vector{T}"/>; the vector loop and the scalar tail perform the same IEEE operations
    /// in the same order without fused multiply-add, so every element gets the same result whatever the machine's
    /// vector width. PyTorch's CPU kernels fuse some multiply-adds, so results can differ from torch's in the last bits.
    /// 1 - alpha is computed from alpha's decimal value (0.99f is read as 0.99), as torch computes it from a Python float.
    /// </remarks>
    public sealed class RmsProp : IOptimizer
    {
        private readonly float _oneMinusAlpha;
        private float[]? _squareAverage;
        private float[]? _momentumBuffer;
        private float _learningRate;

        /// <summary>Creates the optimizer; all arguments and defaults as in <c>torch.optim.RMSprop</c>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// learningRate, epsilon or momentum is negative, infinite or NaN, or alpha is outside [0, 1).
        /// </exception>
        public RmsProp(float learningRate = 0.01f, float alpha = 0.99f, float epsilon = 1e-8f, float momentum = 0f)
        {
            LearningRate = OptimizerChecks.LearningRate(learningRate, nameof(learningRate));
            Alpha = OptimizerChecks.Fraction(alpha, nameof(alpha), "Alpha (the smoothing constant)");
            Epsilon = OptimizerChecks.NonNegative(epsilon, nameof(epsilon), "Epsilon");
            Momentum = OptimizerChecks.NonNegative(momentum, nameof(momentum), "Momentum");
            _oneMinusAlpha = (float)(1.0 - DecimalWidening.Widen(alpha));
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
        public float LearningRate
        {
            get => _learningRate;
            set => _learningRate = OptimizerChecks.LearningRate(value);
        }

        /// <summary>The smoothing constant of the running average of squared gradients.</summary>
        public float Alpha { get; }

        /// <summary>The term added to the root mean square for numerical stability.</summary>
        public float Epsilon { get; }

        /// <summary>The momentum factor (0: none).</summary>
        public float Momentum { get; }

        /// <summary>The number of steps taken so far.</summary>
        public int StepCount { get; private set; }

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The lengths differ, or the parameter vector is not the one this optimizer serves.</exception>
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            OptimizerChecks.SameLength(parameters, gradients);
            float[] square = OptimizerChecks.State(ref _squareAverage, parameters.Length);
            if (Momentum == 0f)
                Plain(parameters, gradients, square, LearningRate, Alpha, _oneMinusAlpha, Epsilon);
            else
            {
                float[] buffer = OptimizerChecks.State(ref _momentumBuffer, parameters.Length);
                WithMomentum(parameters, gradients, square, buffer, LearningRate, Alpha, _oneMinusAlpha, Epsilon, Momentum);
            }
            StepCount++;
        }

        // Both paths: v = alpha * v + ((1 - alpha) * g) * g; avg = sqrt(v) + eps; then as in the class summary.
        private static void Plain(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> square,
            float lr, float alpha, float oneMinusAlpha, float eps)
        {
            ref float p = ref MemoryMarshal.GetReference(parameters);
            ref float g = ref MemoryMarshal.GetReference(gradients);
            ref float v = ref MemoryMarshal.GetReference(square);
            float negLr = -lr;
            int n = parameters.Length, i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> negLrV = new(negLr), alphaV = new(alpha), oneMinusAlphaV = new(oneMinusAlpha), epsV = new(eps);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> gv = Vector.LoadUnsafe(ref g, (nuint)i);
                    Vector<float> vv = alphaV * Vector.LoadUnsafe(ref v, (nuint)i) + oneMinusAlphaV * gv * gv;
                    Vector.StoreUnsafe(vv, ref v, (nuint)i);
                    Vector<float> avg = Vector.SquareRoot(vv) + epsV;
                    Vector.StoreUnsafe(Vector.LoadUnsafe(ref p, (nuint)i) + negLrV * gv / avg, ref p, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                float gi = gradients[i];
                float vi = alpha * square[i] + oneMinusAlpha * gi * gi;
                square[i] = vi;
                float avg = MathF.Sqrt(vi) + eps;
                parameters[i] = parameters[i] + negLr * gi / avg;
            }
        }

        private static void WithMomentum(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> square, Span<float> buffer,
            float lr, float alpha, float oneMinusAlpha, float eps, float mu)
        {
            ref float p = ref MemoryMarshal.GetReference(parameters);
            ref float g = ref MemoryMarshal.GetReference(gradients);
            ref float v = ref MemoryMarshal.GetReference(square);
            ref float b = ref MemoryMarshal.GetReference(buffer);
            float negLr = -lr;
            int n = parameters.Length, i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> negLrV = new(negLr), alphaV = new(alpha), oneMinusAlphaV = new(oneMinusAlpha), epsV = new(eps), muV = new(mu);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> gv = Vector.LoadUnsafe(ref g, (nuint)i);
                    Vector<float> vv = alphaV * Vector.LoadUnsafe(ref v, (nuint)i) + oneMinusAlphaV * gv * gv;
                    Vector.StoreUnsafe(vv, ref v, (nuint)i);
                    Vector<float> avg = Vector.SquareRoot(vv) + epsV;
                    Vector<float> bv = muV * Vector.LoadUnsafe(ref b, (nuint)i) + gv / avg;
                    Vector.StoreUnsafe(bv, ref b, (nuint)i);
                    Vector.StoreUnsafe(Vector.LoadUnsafe(ref p, (nuint)i) + negLrV * bv, ref p, (nuint)i);
                }
            }
            for (; i < n; i++)
            {
                float gi = gradients[i];
                float vi = alpha * square[i] + oneMinusAlpha * gi * gi;
                square[i] = vi;
                float avg = MathF.Sqrt(vi) + eps;
                float bi = mu * buffer[i] + gi / avg;
                buffer[i] = bi;
                parameters[i] = parameters[i] + negLr * bi;
            }
        }
    }
}
