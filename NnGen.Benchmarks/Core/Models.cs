using System;
using System.Runtime.CompilerServices;
using NnGen.Benchmarks.Baseline;
using NnGen.Benchmarks.Networks;

namespace NnGen.Benchmarks
{
    /// <summary>
    /// What the harnesses time: a training step on a batch (forward, loss, backward, optimizer step) and Predict.
    /// The implementations are structs and the harnesses are generic over them, so the JIT specializes each harness
    /// per network and the calls into the generated code are direct (no interface dispatch inside timed loops).
    /// </summary>
    public interface IBenchModel
    {
        /// <summary>ComputeGradients followed by the optimizer's step; returns the loss.</summary>
        float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

        /// <summary>Activated outputs of a batch.</summary>
        void Predict(ReadOnlySpan<float> inputs, Span<float> outputs);
    }

    /// <summary>A generated network with the optimizer its spec names.</summary>
    public interface IGeneratedModel<TSelf> : IBenchModel where TSelf : struct, IGeneratedModel<TSelf>
    {
        static abstract NetSpec Spec { get; }

        /// <summary>A fresh network (parameters from <paramref name="seed"/>) with a fresh optimizer.</summary>
        static abstract TSelf Create(int seed);

        /// <summary>The generated network, for checks (not used in timed loops).</summary>
        INetwork Network { get; }

        /// <summary>The runtime optimizer it trains with.</summary>
        IOptimizer Optimizer { get; }
    }

    /// <summary>The baseline MLP with its own optimizer.</summary>
    public readonly struct BaselineModel : IBenchModel
    {
        public BaselineModel(NetSpec spec, int seed)
        {
            Mlp = new BaselineMlp(spec, seed);
            Optimizer = BaselineOptimizer.For(spec);
        }

        public BaselineMlp Mlp { get; }

        public BaselineOptimizer Optimizer { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => Mlp.TrainStep(inputs, targets, Optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => Mlp.Predict(inputs, outputs);
    }

    // One struct per generated network: the generated classes share no base type but INetwork, and calling through
    // INetwork would put an interface call into every timed iteration (a few ns, which matters for seed231's Predict).

    public readonly struct Seed231Model : IGeneratedModel<Seed231Model>
    {
        private readonly Seed231Net _net;
        private readonly IOptimizer _optimizer;

        private Seed231Model(int seed) { _net = new Seed231Net(seed); _optimizer = Spec.CreateOptimizer(); }

        public static NetSpec Spec => NetSpecs.Seed231;

        public static Seed231Model Create(int seed) => new(seed);

        public INetwork Network => _net;

        public IOptimizer Optimizer => _optimizer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainStep(inputs, targets, _optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.Predict(inputs, outputs);
    }

    public readonly struct Toy42Model : IGeneratedModel<Toy42Model>
    {
        private readonly Toy42Net _net;
        private readonly IOptimizer _optimizer;

        private Toy42Model(int seed) { _net = new Toy42Net(seed); _optimizer = Spec.CreateOptimizer(); }

        public static NetSpec Spec => NetSpecs.Toy42;

        public static Toy42Model Create(int seed) => new(seed);

        public INetwork Network => _net;

        public IOptimizer Optimizer => _optimizer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainStep(inputs, targets, _optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.Predict(inputs, outputs);
    }

    public readonly struct XorModel : IGeneratedModel<XorModel>
    {
        private readonly XorNet _net;
        private readonly IOptimizer _optimizer;

        private XorModel(int seed) { _net = new XorNet(seed); _optimizer = Spec.CreateOptimizer(); }

        public static NetSpec Spec => NetSpecs.Xor;

        public static XorModel Create(int seed) => new(seed);

        public INetwork Network => _net;

        public IOptimizer Optimizer => _optimizer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainStep(inputs, targets, _optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.Predict(inputs, outputs);
    }

    public readonly struct Mnist128Model : IGeneratedModel<Mnist128Model>
    {
        private readonly Mnist128Net _net;
        private readonly IOptimizer _optimizer;

        private Mnist128Model(int seed) { _net = new Mnist128Net(seed); _optimizer = Spec.CreateOptimizer(); }

        public static NetSpec Spec => NetSpecs.Mnist128;

        public static Mnist128Model Create(int seed) => new(seed);

        public INetwork Network => _net;

        public IOptimizer Optimizer => _optimizer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainStep(inputs, targets, _optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.Predict(inputs, outputs);
    }

    public readonly struct FashionModel : IGeneratedModel<FashionModel>
    {
        private readonly FashionNet _net;
        private readonly IOptimizer _optimizer;

        private FashionModel(int seed) { _net = new FashionNet(seed); _optimizer = Spec.CreateOptimizer(); }

        public static NetSpec Spec => NetSpecs.Fashion;

        public static FashionModel Create(int seed) => new(seed);

        public INetwork Network => _net;

        public IOptimizer Optimizer => _optimizer;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => _net.TrainStep(inputs, targets, _optimizer);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs) => _net.Predict(inputs, outputs);
    }
}
