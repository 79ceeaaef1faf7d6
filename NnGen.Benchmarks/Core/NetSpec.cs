using System;
using System.Collections.Generic;
using System.Linq;

namespace NnGen.Benchmarks
{
    /// <summary>The optimizer a benchmark network trains with.</summary>
    public enum OptimizerKind
    {
        Sgd,
        Adam,
    }

    /// <summary>
    /// One benchmark network as ../shared/peers/torch_mlp.py's NETS table states it: layer sizes (input first), the
    /// activation of the hidden layers and of the output layer, the loss, the optimizer with its learning rate, and the
    /// training batch size. The generated network (see BenchmarkNetworks.cs) and the baseline are both built to it.
    /// </summary>
    public sealed class NetSpec
    {
        public NetSpec(string name, int[] sizes, Activation hidden, Activation output, Loss loss, OptimizerKind optimizer, float learningRate, int batch)
        {
            Name = name;
            Sizes = sizes;
            Hidden = hidden;
            Output = output;
            Loss = loss;
            Optimizer = optimizer;
            LearningRate = learningRate;
            Batch = batch;
        }

        /// <summary>The name torch_mlp.py uses (the JSON field "net").</summary>
        public string Name { get; }

        /// <summary>Input size, then the units of every dense layer.</summary>
        public IReadOnlyList<int> Sizes { get; }

        public Activation Hidden { get; }

        public Activation Output { get; }

        public Loss Loss { get; }

        public OptimizerKind Optimizer { get; }

        public float LearningRate { get; }

        /// <summary>The training batch size.</summary>
        public int Batch { get; }

        public int InputSize => Sizes[0];

        public int OutputSize => Sizes[Sizes.Count - 1];

        /// <summary>The activation of dense layer <paramref name="layer"/> (0-based).</summary>
        public Activation ActivationOf(int layer) => layer == Sizes.Count - 2 ? Output : Hidden;

        /// <summary>Weights and biases of all layers.</summary>
        public int ParameterCount
        {
            get
            {
                int count = 0;
                for (int l = 1; l < Sizes.Count; l++) count += Sizes[l] * (Sizes[l - 1] + 1);
                return count;
            }
        }

        /// <summary>Multiply-adds of the dense layers per sample forward, 2 FLOPs each.</summary>
        public long ForwardFlopsPerSample
        {
            get
            {
                long flops = 0;
                for (int l = 1; l < Sizes.Count; l++) flops += 2L * Sizes[l] * Sizes[l - 1];
                return flops;
            }
        }

        /// <summary>The runtime's optimizer (what the generated network trains with), as torch_mlp.py builds it: defaults besides the learning rate.</summary>
        public IOptimizer CreateOptimizer() => Optimizer switch
        {
            OptimizerKind.Sgd => new Sgd(LearningRate),
            OptimizerKind.Adam => new Adam(LearningRate),
            _ => throw new InvalidOperationException($"Unknown optimizer {Optimizer}."),
        };

        /// <summary>"sgd" or "adam", as torch_mlp.py's JSON writes it.</summary>
        public string OptimizerName => Optimizer == OptimizerKind.Sgd ? "sgd" : "adam";

        public override string ToString() => $"{Name}: {string.Join("-", Sizes)} {Hidden}/{Output} {Loss} {OptimizerName} lr {LearningRate} batch {Batch}";
    }

    /// <summary>The five networks of issue 4, in torch_mlp.py's order.</summary>
    public static class NetSpecs
    {
        public static readonly NetSpec Seed231 = new("seed231", new[] { 2, 3, 1 }, Activation.Sigmoid, Activation.Identity, Loss.MeanSquaredError, OptimizerKind.Sgd, 0.1f, 4);

        // toy42 has no hidden layer; its "hidden" activation is never used.
        public static readonly NetSpec Toy42 = new("toy42", new[] { 4, 2 }, Activation.Identity, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Sgd, 0.01f, 4);

        public static readonly NetSpec Xor = new("xor", new[] { 2, 4, 1 }, Activation.Tanh, Activation.Sigmoid, Loss.BinaryCrossEntropy, OptimizerKind.Sgd, 0.5f, 4);

        public static readonly NetSpec Mnist128 = new("mnist128", new[] { 784, 128, 10 }, Activation.ReLU, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Adam, 1e-3f, 64);

        public static readonly NetSpec Fashion = new("fashion", new[] { 784, 256, 128, 100, 10 }, Activation.ReLU, Activation.Softmax, Loss.CategoricalCrossEntropy, OptimizerKind.Adam, 1e-3f, 128);

        public static IReadOnlyList<NetSpec> All { get; } = new[] { Seed231, Toy42, Xor, Mnist128, Fashion };

        /// <summary>The spec named <paramref name="name"/> (case-insensitive).</summary>
        /// <exception cref="ArgumentException">No network has that name.</exception>
        public static NetSpec Get(string name)
            => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
               ?? throw new ArgumentException($"Unknown network '{name}'; expected one of: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }
}
