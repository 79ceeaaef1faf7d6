using System;
using System.Collections.Generic;
using NnGen.Internal;

namespace NnGen.Benchmarks.Baseline
{
    /// <summary>
    /// One dense layer of the baseline: z = W x + b, then the activation. Weights are jagged, W[o][i] (the
    /// <c>float[][]</c> of a hand-written library), and the layer keeps the per-sample values its backward pass needs.
    /// </summary>
    public sealed class DenseLayer
    {
        public DenseLayer(int fanIn, int units, Activation activation)
        {
            if (activation is not (Activation.Identity or Activation.Sigmoid or Activation.Tanh or Activation.ReLU or Activation.Softmax))
                throw new NotSupportedException($"The baseline implements Identity, Sigmoid, Tanh, ReLU and Softmax, not {activation}.");
            FanIn = fanIn;
            Units = units;
            Activation = activation;
            Weights = Jagged(units, fanIn);
            Biases = new float[units];
            WeightGradients = Jagged(units, fanIn);
            BiasGradients = new float[units];
            Z = new float[units];
            A = new float[units];
            Delta = new float[units];
        }

        public int FanIn { get; }

        public int Units { get; }

        public Activation Activation { get; }

        /// <summary>W[o][i]: the weight from input i to unit o.</summary>
        public float[][] Weights { get; }

        public float[] Biases { get; }

        public float[][] WeightGradients { get; }

        public float[] BiasGradients { get; }

        /// <summary>The pre-activations of the current sample.</summary>
        public float[] Z { get; }

        /// <summary>The activations of the current sample.</summary>
        public float[] A { get; }

        /// <summary>dL/dz of the current sample.</summary>
        public float[] Delta { get; }

        private static float[][] Jagged(int rows, int columns)
        {
            var m = new float[rows][];
            for (int r = 0; r < rows; r++) m[r] = new float[columns];
            return m;
        }
    }

    /// <summary>
    /// The in-suite baseline: a multilayer perceptron shaped the way a hand-written, runtime-configured library is
    /// shaped. A list of layers, jagged weight arrays, an activation chosen by a switch per element, and one sample at a
    /// time through the forward pass, the loss and the backward pass, with the gradient summed over the batch. It is
    /// correct (BaselineCheck compares it with the generated networks) but makes no use of the shapes being known:
    /// no SIMD, no blocking, no batched matrix products. NnGen's generated code is measured against it in the same run.
    /// </summary>
    public sealed class BaselineMlp
    {
        private readonly float[] _input;

        /// <summary>Builds the network of <paramref name="spec"/>, Glorot-uniform weights from <paramref name="seed"/>, biases 0.</summary>
        public BaselineMlp(NetSpec spec, int seed = 0)
        {
            Loss = spec.Loss;
            InputSize = spec.InputSize;
            OutputSize = spec.OutputSize;
            _input = new float[InputSize];
            var random = new SeededRandom(seed);
            for (int l = 1; l < spec.Sizes.Count; l++)
            {
                var layer = new DenseLayer(spec.Sizes[l - 1], spec.Sizes[l], spec.ActivationOf(l - 1));
                double limit = Math.Sqrt(6.0 / (layer.FanIn + layer.Units));
                foreach (float[] row in layer.Weights)
                    for (int i = 0; i < row.Length; i++) row[i] = (float)((2.0 * random.NextDouble() - 1.0) * limit);
                Layers.Add(layer);
            }
            DenseLayer last = Layers[Layers.Count - 1];
            if (Loss == Loss.CategoricalCrossEntropy && last.Activation != Activation.Softmax) throw new NotSupportedException("CategoricalCrossEntropy needs a Softmax output.");
            if (Loss == Loss.BinaryCrossEntropy && last.Activation != Activation.Sigmoid) throw new NotSupportedException("BinaryCrossEntropy needs a Sigmoid output.");
            if (Loss is not (Loss.MeanSquaredError or Loss.CategoricalCrossEntropy or Loss.BinaryCrossEntropy)) throw new NotSupportedException($"The baseline does not implement {Loss}.");
        }

        public List<DenseLayer> Layers { get; } = new();

        public Loss Loss { get; }

        public int InputSize { get; }

        public int OutputSize { get; }

        /// <summary>Weights and biases of all layers.</summary>
        public int ParameterCount
        {
            get
            {
                int count = 0;
                foreach (DenseLayer layer in Layers) count += layer.Units * (layer.FanIn + 1);
                return count;
            }
        }

        /// <summary>Writes the activated outputs of a batch (row-major, n samples).</summary>
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs)
        {
            int n = SampleCount(inputs, outputs.Length);
            float[] output = Layers[Layers.Count - 1].A;
            for (int s = 0; s < n; s++)
            {
                Forward(inputs.Slice(s * InputSize, InputSize));
                for (int k = 0; k < OutputSize; k++) outputs[s * OutputSize + k] = output[k];
            }
        }

        /// <summary>The mean loss of a batch.</summary>
        public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            int n = SampleCount(inputs, targets.Length);
            float loss = 0f;
            for (int s = 0; s < n; s++)
            {
                Forward(inputs.Slice(s * InputSize, InputSize));
                loss += SampleLoss(targets.Slice(s * OutputSize, OutputSize), 0f);
            }
            return loss / LossDivisor(n);
        }

        /// <summary>The mean loss of a batch; the layers' gradients are overwritten with its gradient.</summary>
        public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            int n = SampleCount(inputs, targets.Length);
            foreach (DenseLayer layer in Layers)
            {
                foreach (float[] row in layer.WeightGradients) Array.Clear(row);
                Array.Clear(layer.BiasGradients);
            }
            float divisor = LossDivisor(n);
            float loss = 0f;
            for (int s = 0; s < n; s++)
            {
                Forward(inputs.Slice(s * InputSize, InputSize));
                loss += SampleLoss(targets.Slice(s * OutputSize, OutputSize), 1f / divisor);
                Backward();
            }
            return loss / divisor;
        }

        /// <summary><see cref="ComputeGradients"/>, then one step of <paramref name="optimizer"/>; returns the loss before the step.</summary>
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, BaselineOptimizer optimizer)
        {
            float loss = ComputeGradients(inputs, targets);
            optimizer.Step(Layers);
            return loss;
        }

        /// <summary>Loads parameters in NnGen's flat layout (per layer W as [units][fanIn] row-major, then b).</summary>
        public void SetParameters(ReadOnlySpan<float> flat)
        {
            if (flat.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} parameters, got {flat.Length}.", nameof(flat));
            int at = 0;
            foreach (DenseLayer layer in Layers)
            {
                foreach (float[] row in layer.Weights) { flat.Slice(at, row.Length).CopyTo(row); at += row.Length; }
                flat.Slice(at, layer.Units).CopyTo(layer.Biases);
                at += layer.Units;
            }
        }

        /// <summary>Writes the parameters in NnGen's flat layout.</summary>
        public void GetParameters(Span<float> flat) => Flatten(flat, l => l.Weights, l => l.Biases);

        /// <summary>Writes the gradients of the last <see cref="ComputeGradients"/> in NnGen's flat layout.</summary>
        public void GetGradients(Span<float> flat) => Flatten(flat, l => l.WeightGradients, l => l.BiasGradients);

        /// <summary>Loads gradients in NnGen's flat layout (to drive the baseline's optimizers with given gradients).</summary>
        public void SetGradients(ReadOnlySpan<float> flat)
        {
            if (flat.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} gradients, got {flat.Length}.", nameof(flat));
            int at = 0;
            foreach (DenseLayer layer in Layers)
            {
                foreach (float[] row in layer.WeightGradients) { flat.Slice(at, row.Length).CopyTo(row); at += row.Length; }
                flat.Slice(at, layer.Units).CopyTo(layer.BiasGradients);
                at += layer.Units;
            }
        }

        private void Flatten(Span<float> flat, Func<DenseLayer, float[][]> weights, Func<DenseLayer, float[]> biases)
        {
            if (flat.Length != ParameterCount) throw new ArgumentException($"Expected {ParameterCount} values, got {flat.Length}.", nameof(flat));
            int at = 0;
            foreach (DenseLayer layer in Layers)
            {
                foreach (float[] row in weights(layer)) { row.CopyTo(flat.Slice(at, row.Length)); at += row.Length; }
                biases(layer).CopyTo(flat.Slice(at, layer.Units));
                at += layer.Units;
            }
        }

        private int SampleCount(ReadOnlySpan<float> inputs, int otherLength)
        {
            int n = inputs.Length / InputSize;
            if (n < 1 || inputs.Length != n * InputSize || otherLength != n * OutputSize)
                throw new ArgumentException($"Expected n * {InputSize} inputs and n * {OutputSize} outputs/targets for n >= 1, got {inputs.Length} and {otherLength}.");
            return n;
        }

        // MSE and BCE average over every output of every sample, CCE over the samples (PyTorch's mean reductions).
        private float LossDivisor(int n) => Loss == Loss.CategoricalCrossEntropy ? n : (float)n * OutputSize;

        private void Forward(ReadOnlySpan<float> x)
        {
            x.CopyTo(_input);
            float[] input = _input;
            foreach (DenseLayer layer in Layers)
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    float[] w = layer.Weights[o];
                    float sum = layer.Biases[o];
                    for (int i = 0; i < layer.FanIn; i++) sum += w[i] * input[i];
                    layer.Z[o] = sum;
                }
                if (layer.Activation == Activation.Softmax) Softmax(layer.Z, layer.A);
                else
                    for (int o = 0; o < layer.Units; o++) layer.A[o] = Activate(layer.Activation, layer.Z[o]);
                input = layer.A;
            }
        }

        // The loss of the current sample; with gradientScale != 0 also dL/dz of the output layer (times gradientScale) into its Delta.
        private float SampleLoss(ReadOnlySpan<float> t, float gradientScale)
        {
            DenseLayer output = Layers[Layers.Count - 1];
            float[] z = output.Z, a = output.A, delta = output.Delta;
            float loss = 0f;
            switch (Loss)
            {
                case Loss.MeanSquaredError:
                    for (int k = 0; k < OutputSize; k++)
                    {
                        float e = a[k] - t[k];
                        loss += e * e;
                        delta[k] = 2f * e * gradientScale * Derivative(output.Activation, z[k], a[k]);
                    }
                    break;
                case Loss.BinaryCrossEntropy:
                    // from the logit, stable: max(z, 0) - z t + log(1 + exp(-|z|)); fused with the sigmoid: dL/dz = a - t
                    for (int k = 0; k < OutputSize; k++)
                    {
                        loss += MathF.Max(z[k], 0f) - z[k] * t[k] + MathF.Log(1f + MathF.Exp(-MathF.Abs(z[k])));
                        delta[k] = (a[k] - t[k]) * gradientScale;
                    }
                    break;
                default:
                    // categorical cross-entropy: sum_k t_k (logsumexp(z) - z_k); fused with the softmax: dL/dz = a sum(t) - t
                    float max = z[0];
                    for (int k = 1; k < OutputSize; k++) max = MathF.Max(max, z[k]);
                    float total = 0f;
                    for (int k = 0; k < OutputSize; k++) total += MathF.Exp(z[k] - max);
                    float logSumExp = max + MathF.Log(total);
                    float sumT = 0f;
                    for (int k = 0; k < OutputSize; k++) { loss += t[k] * (logSumExp - z[k]); sumT += t[k]; }
                    for (int k = 0; k < OutputSize; k++) delta[k] = (a[k] * sumT - t[k]) * gradientScale;
                    break;
            }
            return loss;
        }

        // Per sample: the output layer's Delta is set; accumulate the weight and bias gradients layer by layer, backwards.
        private void Backward()
        {
            for (int l = Layers.Count - 1; l >= 0; l--)
            {
                DenseLayer layer = Layers[l];
                float[] input = l == 0 ? _input : Layers[l - 1].A;
                for (int o = 0; o < layer.Units; o++)
                {
                    float d = layer.Delta[o];
                    layer.BiasGradients[o] += d;
                    float[] g = layer.WeightGradients[o];
                    for (int i = 0; i < layer.FanIn; i++) g[i] += d * input[i];
                }
                if (l == 0) break;
                DenseLayer previous = Layers[l - 1];
                for (int i = 0; i < layer.FanIn; i++)
                {
                    float sum = 0f;
                    for (int o = 0; o < layer.Units; o++) sum += layer.Delta[o] * layer.Weights[o][i];
                    previous.Delta[i] = sum * Derivative(previous.Activation, previous.Z[i], previous.A[i]);
                }
            }
        }

        private static float Activate(Activation activation, float z) => activation switch
        {
            Activation.Identity => z,
            Activation.Sigmoid => 1f / (1f + MathF.Exp(-z)),
            Activation.Tanh => MathF.Tanh(z),
            Activation.ReLU => z > 0f ? z : 0f,
            _ => throw new NotSupportedException($"Activation {activation} is not elementwise in the baseline."),
        };

        private static float Derivative(Activation activation, float z, float a) => activation switch
        {
            Activation.Identity => 1f,
            Activation.Sigmoid => a * (1f - a),
            Activation.Tanh => 1f - a * a,
            Activation.ReLU => z > 0f ? 1f : 0f,
            _ => throw new NotSupportedException($"Activation {activation} has no elementwise derivative in the baseline."),
        };

        private static void Softmax(float[] z, float[] a)
        {
            float max = z[0];
            for (int k = 1; k < z.Length; k++) max = MathF.Max(max, z[k]);
            float total = 0f;
            for (int k = 0; k < z.Length; k++) total += a[k] = MathF.Exp(z[k] - max);
            for (int k = 0; k < z.Length; k++) a[k] /= total;
        }
    }
}
