using System;
using System.Collections.Generic;
using System.IO;
using NnGen.Internal;
using NnGen.Training;

namespace NnGen.Tests.Training;

/// <summary>Data and assertions the training tests share.</summary>
internal static class TrainingData
{
    /// <summary>Three Gaussian blobs in the plane with one-hot targets, n per class.</summary>
    public static Dataset Blobs(int perClass, long seed, double spread = 0.5)
    {
        var random = new SeededRandom(seed);
        double[,] centres = { { -2, 0 }, { 2, 0 }, { 0, 2.5 } };
        int n = 3 * perClass;
        var features = new float[2 * n];
        var targets = new float[3 * n];
        for (int i = 0; i < n; i++)
        {
            int c = i % 3;
            features[2 * i] = (float)(centres[c, 0] + spread * random.NextNormal());
            features[2 * i + 1] = (float)(centres[c, 1] + spread * random.NextNormal());
            targets[3 * i + c] = 1f;
        }
        return new Dataset(features, targets, 2, 3);
    }

    /// <summary>Points x evenly in [-1, 1] with targets slope * x.</summary>
    public static Dataset Line(int n, float slope, float offset = 0f)
    {
        var features = new float[n];
        var targets = new float[n];
        for (int i = 0; i < n; i++)
        {
            features[i] = -1f + 2f * i / (n - 1) + offset;
            targets[i] = slope * features[i];
        }
        return new Dataset(features, targets, 1, 1);
    }

    /// <summary>A data set whose features name their row: row i is (i, 1000 + i, ...) and its targets (10 i, 10 i + 1, ...).</summary>
    public static Dataset Numbered(int n, int inputSize, int outputSize)
    {
        var features = new float[n * inputSize];
        var targets = new float[n * outputSize];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < inputSize; k++) features[i * inputSize + k] = i + 1000 * k;
            for (int k = 0; k < outputSize; k++) targets[i * outputSize + k] = 10 * i + k;
        }
        return new Dataset(features, targets, inputSize, outputSize);
    }

    public static int[] Bits(float[] values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    public static bool AllFinite(float[] values) => Array.TrueForAll(values, float.IsFinite);
}

/// <summary>Handles one training step of a <see cref="FakeNetwork"/>: returns the loss.</summary>
internal delegate float FakeStep(FakeNetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

/// <summary>Handles a loss or predict call of a <see cref="FakeNetwork"/>.</summary>
internal delegate float FakeLoss(FakeNetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

/// <summary>
/// A hand-written INetwork whose steps, losses and predictions the test decides. Predict copies the inputs to the
/// outputs (so a test writes its predictions as features) when InputSize equals OutputSize.
/// </summary>
internal sealed class FakeNetwork : INetwork
{
    public FakeNetwork(int inputSize, int outputSize, int parameterCount = 4, int stateCount = 0)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        Parameters = new float[parameterCount];
        Gradients = new float[parameterCount];
        State = new float[stateCount];
    }

    public int InputSize { get; }
    public int OutputSize { get; }
    public int ParameterCount => Parameters.Length;
    public float[] Parameters { get; }
    public float[] State { get; }
    public float[] Gradients { get; }

    public FakeStep? OnStep { get; set; }
    public FakeLoss? OnLoss { get; set; }
    public int Steps { get; private set; }
    public int LossCalls { get; private set; }

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        BatchGuard.SampleCount(inputs.Length, InputSize, outputs.Length, OutputSize, nameof(outputs));
        if (InputSize == OutputSize) inputs.CopyTo(outputs);
        else outputs.Clear();
    }

    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));
        LossCalls++;
        return OnLoss?.Invoke(this, inputs, targets) ?? 0f;
    }

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        BatchGuard.SampleCount(inputs.Length, InputSize, targets.Length, OutputSize, nameof(targets));
        float loss = OnStep?.Invoke(this, inputs, targets) ?? 0f;
        Steps++;
        return loss;
    }

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, IOptimizer optimizer)
    {
        float loss = ComputeGradients(inputs, targets);
        optimizer.Step(Parameters, Gradients);
        return loss;
    }

    public void Save(Stream stream) => throw new NotSupportedException();
    public void LoadFrom(Stream stream) => throw new NotSupportedException();
}

/// <summary>An optimizer that does nothing and allocates nothing.</summary>
internal sealed class NoOptimizer : IOptimizer
{
    public float LearningRate { get; set; } = 0.1f;
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) { }
}

/// <summary>Wraps an optimizer and records, per step, the learning rate and the parameters before the step.</summary>
internal sealed class RecordingOptimizer : IOptimizer
{
    private readonly IOptimizer _inner;

    public RecordingOptimizer(IOptimizer inner) => _inner = inner;

    public float LearningRate { get => _inner.LearningRate; set => _inner.LearningRate = value; }
    public List<float> Rates { get; } = new();
    public List<float[]> ParametersBefore { get; } = new();

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        Rates.Add(LearningRate);
        ParametersBefore.Add(parameters.ToArray());
        _inner.Step(parameters, gradients);
    }
}
