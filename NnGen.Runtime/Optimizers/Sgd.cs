using System;

namespace NnGen
{
    /// <summary>
    /// Stochastic gradient descent, step for step equal to <c>torch.optim.SGD</c> (dampening 0):
    /// g = grad + weightDecay * p; with momentum, buf = g on the first step and momentum * buf + g after;
    /// g = nesterov ? g + momentum * buf : buf; p -= learningRate * g.
    /// </summary>
    public sealed class Sgd : IOptimizer
    {
        private float[]? _velocity;

        /// <summary>Creates the optimizer; all arguments as in <c>torch.optim.SGD</c>.</summary>
        public Sgd(float learningRate, float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
        {
            if (!(learningRate >= 0f) || float.IsInfinity(learningRate)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a finite number >= 0.");
            if (!(momentum >= 0f) || float.IsInfinity(momentum)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be a finite number >= 0.");
            if (!(weightDecay >= 0f) || float.IsInfinity(weightDecay)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be a finite number >= 0.");
            if (nesterov && momentum == 0f) throw new ArgumentException("Nesterov momentum requires a momentum > 0 (as in torch.optim.SGD).", nameof(nesterov));
            LearningRate = learningRate;
            Momentum = momentum;
            Nesterov = nesterov;
            WeightDecay = weightDecay;
        }

        /// <inheritdoc />
        public float LearningRate { get; set; }

        /// <summary>The momentum factor (0: plain SGD).</summary>
        public float Momentum { get; }

        /// <summary>Whether the step uses Nesterov momentum.</summary>
        public bool Nesterov { get; }

        /// <summary>The L2 penalty added to the gradient (weightDecay * p).</summary>
        public float WeightDecay { get; }

        /// <inheritdoc />
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            OptimizerChecks.SameLength(parameters, gradients);
            float lr = LearningRate, wd = WeightDecay, mu = Momentum;
            if (mu == 0f)
            {
                for (int i = 0; i < parameters.Length; i++)
                    parameters[i] -= lr * (gradients[i] + wd * parameters[i]);
                return;
            }

            bool first = _velocity is null;
            float[] velocity = OptimizerChecks.State(ref _velocity, parameters.Length);
            for (int i = 0; i < parameters.Length; i++)
            {
                float g = gradients[i] + wd * parameters[i];
                float v = first ? g : mu * velocity[i] + g;
                velocity[i] = v;
                parameters[i] -= lr * (Nesterov ? g + mu * v : v);
            }
        }
    }
}
