using System;

namespace NnGen.Tests.Optimizers;

/// <summary>An optimizer's published update rule, evaluated in double precision.</summary>
internal interface IReferenceRule
{
    double LearningRate { get; set; }
    void Step(double[] p, double[] g);
}

/// <summary>torch.optim.SGD's documented algorithm (dampening 0).</summary>
internal sealed class SgdRule(double lr, double momentum = 0, bool nesterov = false, double weightDecay = 0) : IReferenceRule
{
    private double[]? _b;
    public double LearningRate { get; set; } = lr;

    public void Step(double[] p, double[] g)
    {
        bool first = _b is null;
        _b ??= new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double gi = g[i] + weightDecay * p[i];
            if (momentum != 0)
            {
                _b[i] = first ? gi : momentum * _b[i] + gi;
                gi = nesterov ? gi + momentum * _b[i] : _b[i];
            }
            p[i] -= LearningRate * gi;
        }
    }
}

/// <summary>torch.optim.RMSprop's documented algorithm (not centered, no weight decay).</summary>
internal sealed class RmsPropRule(double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double momentum = 0) : IReferenceRule
{
    private double[]? _v, _b;
    public double LearningRate { get; set; } = lr;

    public void Step(double[] p, double[] g)
    {
        _v ??= new double[p.Length];
        _b ??= new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            _v[i] = alpha * _v[i] + (1 - alpha) * g[i] * g[i];
            double scaled = g[i] / (Math.Sqrt(_v[i]) + eps);
            if (momentum > 0)
            {
                _b[i] = momentum * _b[i] + scaled;
                p[i] -= LearningRate * _b[i];
            }
            else
                p[i] -= LearningRate * scaled;
        }
    }
}

/// <summary>
/// torch.optim.Adam's (decoupled: false) and AdamW's (decoupled: true) documented algorithms, amsgrad off:
/// m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t), p -= lr * m_hat / (sqrt(v_hat) + eps).
/// </summary>
internal sealed class AdamRule(bool decoupled, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0) : IReferenceRule
{
    private double[]? _m, _v;
    private int _t;
    public double LearningRate { get; set; } = lr;

    public void Step(double[] p, double[] g)
    {
        _m ??= new double[p.Length];
        _v ??= new double[p.Length];
        _t++;
        for (int i = 0; i < p.Length; i++)
        {
            double gi = g[i];
            if (decoupled) p[i] -= LearningRate * weightDecay * p[i];
            else gi += weightDecay * p[i];
            _m[i] = beta1 * _m[i] + (1 - beta1) * gi;
            _v[i] = beta2 * _v[i] + (1 - beta2) * gi * gi;
            double mHat = _m[i] / (1 - Math.Pow(beta1, _t));
            double vHat = _v[i] / (1 - Math.Pow(beta2, _t));
            p[i] -= LearningRate * mHat / (Math.Sqrt(vHat) + eps);
        }
    }
}
