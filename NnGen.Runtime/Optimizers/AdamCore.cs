using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NnGen.Internal;

namespace NnGen
{
    /// <summary>
    /// The state and the update shared by <see cref="Adam"/> and <see cref="AdamW"/>: the moments, the step count,
    /// and one fused pass per step. Per element, in this order (torch's single-tensor Adam/AdamW, amsgrad off):
    /// p = p * decoupledDecay; g = g + l2 * p (only when l2 != 0); m = beta1 * m + (1 - beta1) * g;
    /// v = beta2 * v + ((1 - beta2) * g) * g; p = p + (-stepSize * m) / (sqrt(v) / sqrt(1 - beta2^t) + epsilon),
    /// with stepSize = lr / (1 - beta1^t) and the bias corrections computed in double.
    /// One departure from torch: m and v below the smallest normal float are stored as zero (see <see cref="AdamStepCoefficients.MinNormal"/>).
    /// The vector loop and the scalar tail perform the same IEEE operations in the same order without
    /// fused multiply-add, so each element's result does not depend on the machine's vector width, nor on which core
    /// ran its chunk (large vectors are shared with the second core).
    /// </summary>
    internal sealed unsafe class AdamCore
    {
        private readonly double _beta1, _beta2;
        private readonly float _oneMinusBeta1, _oneMinusBeta2;
        private float[]? _m, _v;

        public AdamCore(float beta1, float beta2, float epsilon, float weightDecay)
        {
            Beta1 = OptimizerChecks.Fraction(beta1, nameof(beta1), "Beta1");
            Beta2 = OptimizerChecks.Fraction(beta2, nameof(beta2), "Beta2");
            Epsilon = OptimizerChecks.NonNegative(epsilon, nameof(epsilon), "Epsilon");
            WeightDecay = OptimizerChecks.NonNegative(weightDecay, nameof(weightDecay), "Weight decay");
            _beta1 = DecimalWidening.Widen(beta1);
            _beta2 = DecimalWidening.Widen(beta2);
            _oneMinusBeta1 = (float)(1.0 - _beta1);
            _oneMinusBeta2 = (float)(1.0 - _beta2);
        }

        public float Beta1 { get; }
        public float Beta2 { get; }
        public float Epsilon { get; }
        public float WeightDecay { get; }
        public int StepCount { get; private set; }

        /// <param name="parameters">The parameter vector.</param>
        /// <param name="gradients">Its gradient.</param>
        /// <param name="learningRate">Widened as torch's Python float would be.</param>
        /// <param name="l2">The L2 penalty added to the gradient (Adam's weight decay), 0 for none.</param>
        /// <param name="decoupledDecay">The factor applied to p first (AdamW's 1 - lr * wd), 1 for none.</param>
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, float l2, float decoupledDecay)
        {
            OptimizerChecks.SameLength(parameters, gradients);
            float[] m = OptimizerChecks.State(ref _m, parameters.Length);
            float[] v = OptimizerChecks.State(ref _v, parameters.Length);
            int t = StepCount + 1;
            Update(parameters, gradients, m, v, CoefficientsOfStep(t, learningRate, l2, decoupledDecay));
            StepCount = t;
        }

        /// <summary>The coefficients of step <paramref name="t"/> (1 for the first), bias corrections computed in double.</summary>
        public AdamStepCoefficients CoefficientsOfStep(int t, double learningRate, float l2, float decoupledDecay)
        {
            if (t < 1) throw new ArgumentOutOfRangeException(nameof(t), t, "Steps are counted from 1.");
            float negStepSize = (float)-(learningRate / (1.0 - Math.Pow(_beta1, t)));
            float correction2 = (float)Math.Sqrt(1.0 - Math.Pow(_beta2, t));
            return new AdamStepCoefficients(decoupledDecay, l2, Beta1, _oneMinusBeta1, Beta2, _oneMinusBeta2, correction2, Epsilon, negStepSize);
        }

        /// <summary>
        /// Elements per chunk when the update is shared with the second core (each element is independent): 64 KB of
        /// each of the four vectors it streams, so that claiming a chunk costs nothing beside its work.
        /// </summary>
        private const int ElementsPerChunk = 16384;

        /// <summary>The update's work per element in multiply-adds, as the second core's threshold counts it (two divisions and a square root among them).</summary>
        private const long WorkPerElement = 16;

        private static void Update(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v, in AdamStepCoefficients c)
        {
            fixed (float* p = parameters, g = gradients, pm = m, pv = v)
            {
                var job = new UpdateJob(p, g, pm, pv, c);
                SecondCore.Run(in job, parameters.Length, ElementsPerChunk, WorkPerElement * parameters.Length);
            }
        }

        /// <summary>The update of a range of elements, with the coefficients of this step.</summary>
        private readonly struct UpdateJob : IRangeJob
        {
            private readonly float* _p, _g, _m, _v;
            private readonly AdamStepCoefficients _coefficients;

            public UpdateJob(float* parameters, float* gradients, float* m, float* v, in AdamStepCoefficients coefficients)
            {
                _p = parameters; _g = gradients; _m = m; _v = v; _coefficients = coefficients;
            }

            /// <summary>The elements [start, end).</summary>
            public void Run(int start, int end) => UpdateRange(_p, _g, _m, _v, _coefficients, start, end);
        }

        private static void UpdateRange(float* pr, float* gr, float* mr, float* vr, AdamStepCoefficients c, int start, int end)
        {
            bool l2 = c.L2 != 0f;
            int n = end, i = start;
            if (Vector.IsHardwareAccelerated)
            {
                Vector<float> decay = new(c.Decay), l2V = new(c.L2), b1 = new(c.Beta1), omb1 = new(c.OneMinusBeta1),
                    b2 = new(c.Beta2), omb2 = new(c.OneMinusBeta2), corr2 = new(c.Correction2), eps = new(c.Epsilon), negStep = new(c.NegStepSize),
                    minNormal = new(AdamStepCoefficients.MinNormal);
                for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> pv = Vector.Load(pr + i) * decay;
                    Vector<float> gv = Vector.Load(gr + i);
                    if (l2) gv += l2V * pv;
                    Vector<float> mv = b1 * Vector.Load(mr + i) + omb1 * gv;
                    Vector<float> vv = b2 * Vector.Load(vr + i) + omb2 * gv * gv;
                    mv = Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(mv), minNormal), Vector<float>.Zero, mv);
                    vv = Vector.ConditionalSelect(Vector.LessThan(vv, minNormal), Vector<float>.Zero, vv);
                    Vector.Store(mv, mr + i);
                    Vector.Store(vv, vr + i);
                    Vector<float> denom = Vector.SquareRoot(vv) / corr2 + eps;
                    Vector.Store(pv + negStep * mv / denom, pr + i);
                }
            }
            for (; i < n; i++)
            {
                float pi = pr[i] * c.Decay;
                float gi = gr[i];
                if (l2) gi += c.L2 * pi;
                float mi = c.Beta1 * mr[i] + c.OneMinusBeta1 * gi;
                float vi = c.Beta2 * vr[i] + c.OneMinusBeta2 * gi * gi;
                if (mi < AdamStepCoefficients.MinNormal && mi > -AdamStepCoefficients.MinNormal) mi = 0f;
                if (vi < AdamStepCoefficients.MinNormal) vi = 0f;
                mr[i] = mi;
                vr[i] = vi;
                float denom = MathF.Sqrt(vi) / c.Correction2 + c.Epsilon;
                pr[i] = pi + c.NegStepSize * mi / denom;
            }
        }
    }
}
