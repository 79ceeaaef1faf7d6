using System;
using System.Collections.Generic;

namespace NnGen.Benchmarks.Baseline
{
    /// <summary>The baseline's own optimizers: plain loops over its layers' jagged arrays.</summary>
    public abstract class BaselineOptimizer
    {
        /// <summary>Updates every layer's weights and biases from its gradients.</summary>
        public abstract void Step(IReadOnlyList<DenseLayer> layers);

        /// <summary>The baseline optimizer <paramref name="spec"/> trains with (torch's defaults besides the learning rate).</summary>
        public static BaselineOptimizer For(NetSpec spec) => spec.Optimizer switch
        {
            OptimizerKind.Sgd => new BaselineSgd(spec.LearningRate),
            OptimizerKind.Adam => new BaselineAdam(spec.LearningRate),
            _ => throw new InvalidOperationException($"Unknown optimizer {spec.Optimizer}."),
        };
    }

    /// <summary>p -= lr * g (torch.optim.SGD without momentum or weight decay).</summary>
    public sealed class BaselineSgd : BaselineOptimizer
    {
        private readonly float _learningRate;

        public BaselineSgd(float learningRate) => _learningRate = learningRate;

        public override void Step(IReadOnlyList<DenseLayer> layers)
        {
            foreach (DenseLayer layer in layers)
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    float[] w = layer.Weights[o], g = layer.WeightGradients[o];
                    for (int i = 0; i < w.Length; i++) w[i] -= _learningRate * g[i];
                    layer.Biases[o] -= _learningRate * layer.BiasGradients[o];
                }
            }
        }
    }

    /// <summary>
    /// Adam as torch.optim.Adam computes it: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
    /// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). Moments are jagged like the weights.
    /// </summary>
    public sealed class BaselineAdam : BaselineOptimizer
    {
        private readonly float _learningRate, _beta1, _beta2, _epsilon;
        private float[][][]? _m, _v;        // per layer: [units][fanIn + 1], the bias last
        private int _step;

        public BaselineAdam(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
        {
            _learningRate = learningRate;
            _beta1 = beta1;
            _beta2 = beta2;
            _epsilon = epsilon;
        }

        public override void Step(IReadOnlyList<DenseLayer> layers)
        {
            if (_m is null || _v is null)
            {
                _m = new float[layers.Count][][];
                _v = new float[layers.Count][][];
                for (int l = 0; l < layers.Count; l++)
                {
                    _m[l] = new float[layers[l].Units][];
                    _v[l] = new float[layers[l].Units][];
                    for (int o = 0; o < layers[l].Units; o++)
                    {
                        _m[l][o] = new float[layers[l].FanIn + 1];
                        _v[l][o] = new float[layers[l].FanIn + 1];
                    }
                }
            }
            _step++;
            // the bias corrections in double, as torch computes them from Python floats
            float stepSize = (float)(_learningRate / (1.0 - Math.Pow(_beta1, _step)));
            float correction2 = (float)Math.Sqrt(1.0 - Math.Pow(_beta2, _step));
            float oneMinusBeta1 = 1f - _beta1, oneMinusBeta2 = 1f - _beta2;
            for (int l = 0; l < layers.Count; l++)
            {
                DenseLayer layer = layers[l];
                for (int o = 0; o < layer.Units; o++)
                {
                    float[] w = layer.Weights[o], g = layer.WeightGradients[o], m = _m[l][o], v = _v[l][o];
                    for (int i = 0; i <= layer.FanIn; i++)
                    {
                        float gi = i < layer.FanIn ? g[i] : layer.BiasGradients[o];
                        m[i] = _beta1 * m[i] + oneMinusBeta1 * gi;
                        v[i] = _beta2 * v[i] + oneMinusBeta2 * gi * gi;
                        float update = stepSize * m[i] / (MathF.Sqrt(v[i]) / correction2 + _epsilon);
                        if (i < layer.FanIn) w[i] -= update;
                        else layer.Biases[o] -= update;
                    }
                }
            }
        }
    }
}
