using System;
using System.ComponentModel;
using ILGPU;
using NnGen.Internal;

namespace NnGen.Gpu
{
    /// <summary>
    /// The kernels every network shares, compiled once in this assembly with the sizes as arguments: the mini-batch
    /// gather from an uploaded data set, the two-stage batch reductions (partial sums over chunks of
    /// <see cref="Chunk"/> samples, then over the chunks, each in a fixed order, so that a result never depends on
    /// thread timing), and the optimizer updates, written as the runtime's CPU optimizers compute them. Each is a static
    /// method whose first parameter is the thread index; <see cref="GpuNetwork"/> loads and launches them.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SharedKernels
    {
        /// <summary>
        /// Samples per partial sum of a batch reduction (the first of its two stages). The generated per-layer weight
        /// gradient kernels write their partial sums in chunks of this size, which <see cref="ReduceGradients"/> sums.
        /// </summary>
        public const int Chunk = 64;

        /// <summary><see cref="SgdStep"/> mode: plain SGD, no momentum (p -= lr * g).</summary>
        public const int SgdPlain = 0;

        /// <summary><see cref="SgdStep"/> mode: the first step with momentum (the velocity starts as the gradient).</summary>
        public const int SgdFirstMomentumStep = 1;

        /// <summary><see cref="SgdStep"/> mode: a later step with momentum (velocity = mu * velocity + g).</summary>
        public const int SgdMomentumStep = 2;

        /// <summary>The bits of <see cref="SgdStep"/>'s mode that say which step it is.</summary>
        public const int SgdStepMask = 3;

        /// <summary><see cref="SgdStep"/> mode flag, added to a momentum step: Nesterov momentum (step = g + mu * velocity).</summary>
        public const int SgdNesterov = 4;

        /// <summary>The number of chunks of <see cref="Chunk"/> samples a batch of <paramref name="n"/> samples has.</summary>
        public static int Chunks(int n) => (n + Chunk - 1) / Chunk;

        /// <summary>
        /// The mini-batch gather: one thread per (sample of the batch, feature or target); sample k of the batch is row
        /// <c>order[start + k]</c> of the uploaded features and labels.
        /// </summary>
        public static void GatherBatch(Index1D index, ArrayView<int> order, int start, ArrayView<float> features, ArrayView<float> labels,
            ArrayView<float> x, ArrayView<float> t, int inputSize, int outputSize)
        {
            int width = inputSize + outputSize;
            int k = index.X / width, f = index.X - k * width;
            int row = order[start + k];
            if (f < inputSize) x[k * inputSize + f] = features[row * inputSize + f];
            else t[k * outputSize + f - inputSize] = labels[row * outputSize + f - inputSize];
        }

        /// <summary>The batch loss, stage 1: one thread per chunk of <see cref="Chunk"/> samples sums their losses in double.</summary>
        public static void ChunkLoss(Index1D index, ArrayView<float> sampleLoss, ArrayView<double> chunkLoss, int n)
        {
            int c = index.X, s0 = c * Chunk, s1 = Math.Min(n, s0 + Chunk);
            double sum = 0.0;
            for (int s = s0; s < s1; s++) sum += sampleLoss[s];
            chunkLoss[c] = sum;
        }

        /// <summary>The batch loss, stage 2: one thread sums the chunks and divides by the count of the mean reduction.</summary>
        public static void ReduceLoss(Index1D index, ArrayView<double> chunkLoss, ArrayView<float> losses, int chunks, int slot, int count)
        {
            double sum = 0.0;
            for (int c = 0; c < chunks; c++) sum += chunkLoss[c];
            losses[slot] = (float)(sum / count);
        }

        /// <summary>
        /// The batch gradient of a fused network, stage 1: one thread per (chunk of <see cref="Chunk"/> samples,
        /// parameter) sums the chunk's per-sample gradient rows <c>g[s * parameterCount + j]</c>.
        /// </summary>
        public static void ReduceSampleGradients(Index1D index, ArrayView<float> g, ArrayView<float> partials, int n, int parameterCount)
        {
            int c = index.X / parameterCount, j = index.X - c * parameterCount;
            int s0 = c * Chunk, s1 = Math.Min(n, s0 + Chunk);
            float sum = 0f;
            for (int s = s0; s < s1; s++) sum += g[s * parameterCount + j];
            partials[index.X] = sum;
        }

        /// <summary>The batch gradient, stage 2: one thread per parameter sums the chunks' partial sums <c>partials[c * parameterCount + j]</c>.</summary>
        public static void ReduceGradients(Index1D index, ArrayView<float> partials, ArrayView<float> g, int chunks, int parameterCount)
        {
            int j = index.X;
            float sum = 0f;
            for (int c = 0; c < chunks; c++) sum += partials[c * parameterCount + j];
            g[j] = sum;
        }

        /// <summary>
        /// <see cref="Sgd"/>'s step, one thread per parameter. <paramref name="mode"/>: <see cref="SgdPlain"/>,
        /// <see cref="SgdFirstMomentumStep"/> or <see cref="SgdMomentumStep"/>, the latter two plus <see cref="SgdNesterov"/>
        /// for Nesterov momentum.
        /// </summary>
        public static void SgdStep(Index1D index, ArrayView<float> p, ArrayView<float> g, ArrayView<float> velocity, float lr, float wd, float mu, int mode)
        {
            int j = index.X;
            float gi = g[j];
            if (wd != 0f) gi += wd * p[j];
            if (mode == SgdPlain)
            {
                p[j] -= lr * gi;
            }
            else
            {
                float bi = (mode & SgdStepMask) == SgdFirstMomentumStep ? gi : mu * velocity[j] + gi;
                velocity[j] = bi;
                float step = (mode & SgdNesterov) != 0 ? gi + mu * bi : bi;
                p[j] -= lr * step;
            }
        }

        /// <summary>
        /// <see cref="Adam"/>'s and <see cref="AdamW"/>'s step, one thread per parameter, with the coefficients of this
        /// step from the optimizer (<see cref="Adam.CoefficientsOfStep"/>), in the CPU step's order of operations.
        /// </summary>
        public static void AdamStep(Index1D index, ArrayView<float> p, ArrayView<float> g, ArrayView<float> m, ArrayView<float> v, AdamStepCoefficients c)
        {
            int j = index.X;
            float pi = p[j] * c.Decay;
            float gi = g[j];
            if (c.L2 != 0f) gi += c.L2 * pi;
            float mi = c.Beta1 * m[j] + c.OneMinusBeta1 * gi;
            float vi = c.Beta2 * v[j] + c.OneMinusBeta2 * gi * gi;
            // moments below the smallest normal float are stored as zero, as the CPU optimizer does
            if (mi < AdamStepCoefficients.MinNormal && mi > -AdamStepCoefficients.MinNormal) mi = 0f;
            if (vi < AdamStepCoefficients.MinNormal) vi = 0f;
            m[j] = mi;
            v[j] = vi;
            float denom = MathF.Sqrt(vi) / c.Correction2 + c.Epsilon;
            p[j] = pi + c.NegStepSize * mi / denom;
        }
    }
}
