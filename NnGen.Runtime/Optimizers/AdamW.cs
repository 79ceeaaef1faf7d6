using System;
using System.ComponentModel;
using NnGen.Internal;

namespace NnGen
{
    /// <summary>
    /// AdamW (decoupled weight decay), step for step equal to <c>torch.optim.AdamW</c> (amsgrad=False), defaults included:
    /// first p *= 1 - learningRate * weightDecay, then the <see cref="Adam"/> update of the decayed p with the plain gradient
    /// (no L2 term): m = beta1 * m + (1 - beta1) * g; v = beta2 * v + (1 - beta2) * g * g;
    /// p -= learningRate / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon).
    /// </summary>
    /// <remarks>
    /// Same numerics as <see cref="Adam"/>: one vectorized pass, no fused multiply-add, identical per element on every
    /// vector width; the factor 1 - learningRate * weightDecay is computed in double from the decimal values, as in torch.
    /// </remarks>
    public sealed class AdamW : IOptimizer
    {
        private readonly AdamCore _core;
        private readonly double _weightDecayWide;
        private float _learningRate;
        private double _learningRateWide;

        /// <summary>Creates the optimizer; all arguments and defaults as in <c>torch.optim.AdamW</c>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// learningRate, epsilon or weightDecay is negative, infinite or NaN, or a beta is outside [0, 1).
        /// </exception>
        public AdamW(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        {
            _core = new AdamCore(beta1, beta2, epsilon, weightDecay);
            _weightDecayWide = DecimalWidening.Widen(weightDecay);
            LearningRate = OptimizerChecks.LearningRate(learningRate, nameof(learningRate));
        }

        /// <inheritdoc />
        /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
        public float LearningRate
        {
            get => _learningRate;
            set
            {
                _learningRate = OptimizerChecks.LearningRate(value);
                _learningRateWide = DecimalWidening.Widen(value);
            }
        }

        /// <summary>The decay rate of the first-moment (mean) estimate.</summary>
        public float Beta1 => _core.Beta1;

        /// <summary>The decay rate of the second-moment (uncentered variance) estimate.</summary>
        public float Beta2 => _core.Beta2;

        /// <summary>The term added to the denominator for numerical stability.</summary>
        public float Epsilon => _core.Epsilon;

        /// <summary>The decoupled weight decay: each step first scales p by 1 - learningRate * weightDecay.</summary>
        public float WeightDecay => _core.WeightDecay;

        /// <summary>The number of steps taken so far (t of the bias corrections is StepCount after the step).</summary>
        public int StepCount => _core.StepCount;

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The lengths differ, or the parameter vector is not the one this optimizer serves.</exception>
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
            => _core.Step(parameters, gradients, _learningRateWide, l2: 0f, decoupledDecay: (float)(1.0 - _learningRateWide * _weightDecayWide));

        /// <summary>
        /// The coefficients step number <paramref name="step"/> (1 for the first) applies at the current learning rate,
        /// for a device implementation of the same update that keeps its own moments and step count (this optimizer's
        /// state and <see cref="StepCount"/> are left alone). For the GPU code NnGen generates; hidden from IntelliSense.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is less than 1.</exception>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public AdamStepCoefficients CoefficientsOfStep(int step)
            => _core.CoefficientsOfStep(step, _learningRateWide, l2: 0f, decoupledDecay: (float)(1.0 - _learningRateWide * _weightDecayWide));
    }
}
