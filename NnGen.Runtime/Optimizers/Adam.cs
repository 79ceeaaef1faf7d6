using System;
using System.ComponentModel;
using NnGen.Internal;

namespace NnGen
{
    /// <summary>
    /// Adam, step for step equal to <c>torch.optim.Adam</c> (amsgrad=False), defaults included. With t the step count:
    /// g = grad + weightDecay * p (L2 penalty, only when weightDecay != 0); m = beta1 * m + (1 - beta1) * g;
    /// v = beta2 * v + (1 - beta2) * g * g; p -= learningRate / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon).
    /// </summary>
    /// <remarks>
    /// Vectorized with <see cref="System.Numerics.Vector{T}"/>; the vector loop and the scalar tail perform the same
    /// IEEE operations in the same order without fused multiply-add, so each element's result does not depend on the
    /// machine's vector width. PyTorch's CPU kernels fuse some multiply-adds, so results can differ from torch's in the
    /// last bits. Hyper-parameters enter the double-precision coefficients (1 - beta, the bias corrections, the step
    /// size) as the decimal they print as (0.999f is read as 0.999), as torch's come from Python floats.
    /// </remarks>
    public sealed class Adam : IOptimizer
    {
        private readonly AdamCore _core;
        private float _learningRate;
        private double _learningRateWide;

        /// <summary>Creates the optimizer; all arguments and defaults as in <c>torch.optim.Adam</c>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// learningRate, epsilon or weightDecay is negative, infinite or NaN, or a beta is outside [0, 1).
        /// </exception>
        public Adam(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        {
            _core = new AdamCore(beta1, beta2, epsilon, weightDecay);
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

        /// <summary>The L2 penalty added to the gradient (weightDecay * p); 0 for none.</summary>
        public float WeightDecay => _core.WeightDecay;

        /// <summary>The number of steps taken so far (t of the bias corrections is StepCount after the step).</summary>
        public int StepCount => _core.StepCount;

        /// <inheritdoc />
        /// <exception cref="ArgumentException">The lengths differ, or the parameter vector is not the one this optimizer serves.</exception>
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
            => _core.Step(parameters, gradients, _learningRateWide, l2: _core.WeightDecay, decoupledDecay: 1f);

        /// <summary>
        /// The coefficients step number <paramref name="step"/> (1 for the first) applies at the current learning rate,
        /// for a device implementation of the same update that keeps its own moments and step count (this optimizer's
        /// state and <see cref="StepCount"/> are left alone). For the GPU code NnGen generates; hidden from IntelliSense.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is less than 1.</exception>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public AdamStepCoefficients CoefficientsOfStep(int step)
            => _core.CoefficientsOfStep(step, _learningRateWide, l2: _core.WeightDecay, decoupledDecay: 1f);
    }
}
