using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Runtime.InteropServices;
using Xunit;

namespace NnGen.Tests.Concurrency;

/// <summary>
/// The thread-safety contract: inference from any number of threads on one instance, bit for bit the single-threaded
/// results and allocation-free in steady state; training calls one thread at a time, a concurrent one throwing; inference
/// during training throwing rather than returning mixed outputs; CopyParametersFrom publishing atomically.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;
    private const int MaxBatch = 50;

    /// <summary>A fixed set of batches (a start sample and a size 1..50) over a pool of samples, with valid targets.</summary>
    private sealed class Workload
    {
        public readonly int InputSize, OutputSize;
        public readonly float[] Inputs, Targets;
        public readonly (int Start, int Count)[] Batches;

        public Workload(int inputSize, int outputSize, int seed, bool oneHot)
        {
            InputSize = inputSize;
            OutputSize = outputSize;
            var random = new Random(seed);
            const int pool = 2 * MaxBatch;
            Inputs = new float[pool * inputSize];
            for (int i = 0; i < Inputs.Length; i++) Inputs[i] = (float)(random.NextDouble() * 2 - 1);
            Targets = new float[pool * outputSize];
            for (int s = 0; s < pool; s++)
            {
                if (oneHot) Targets[s * outputSize + random.Next(outputSize)] = 1f;
                else for (int k = 0; k < outputSize; k++) Targets[s * outputSize + k] = random.Next(2);
            }
            Batches = new (int, int)[64];
            Batches[0] = (0, MaxBatch);
            for (int b = 1; b < Batches.Length; b++)
            {
                int count = 1 + random.Next(MaxBatch);
                Batches[b] = (random.Next(pool - count + 1), count);
            }
        }

        public ReadOnlySpan<float> In(int b) => Inputs.AsSpan(Batches[b].Start * InputSize, Batches[b].Count * InputSize);
        public ReadOnlySpan<float> Target(int b) => Targets.AsSpan(Batches[b].Start * OutputSize, Batches[b].Count * OutputSize);

        /// <summary>Every batch's outputs and loss, single-threaded.</summary>
        public (float[][] Outputs, float[] Losses) Expected(INetwork network)
        {
            var outputs = new float[Batches.Length][];
            var losses = new float[Batches.Length];
            for (int b = 0; b < Batches.Length; b++)
            {
                outputs[b] = new float[Batches[b].Count * OutputSize];
                network.Predict(In(b), outputs[b]);
                losses[b] = network.ComputeLoss(In(b), Target(b));
            }
            return (outputs, losses);
        }
    }

    private static bool SameBits(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        => a.Length == b.Length && MemoryMarshal.Cast<float, int>(a).SequenceEqual(MemoryMarshal.Cast<float, int>(b));

    private static bool SameBits(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> threads started together; rethrows the first failure.</summary>
    private static void OnThreads(int count, Action<int> body)
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var start = new Barrier(count);
        var threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                try { start.SignalAndWait(); body(index); }
                catch (Exception e) { failures.Enqueue(e); }
            });
            threads[t].Start();
        }
        foreach (Thread thread in threads) thread.Join();
        if (failures.TryDequeue(out Exception? first)) throw new Xunit.Sdk.XunitException($"a thread failed: {first}");
    }

    private static void StressInference(INetwork network, Workload work, int callsPerThread)
    {
        (float[][] expectedOutputs, float[] expectedLosses) = work.Expected(network);
        int mismatches = 0;
        long allocated = 0;
        OnThreads(Threads, t =>
        {
            var random = new Random(1000 + t);
            var output = new float[MaxBatch * work.OutputSize];
            // a first pass over every batch grows the thread's scratch (and the kernels') to the largest batch
            for (int b = 0; b < work.Batches.Length; b++)
            {
                network.Predict(work.In(b), output.AsSpan(0, expectedOutputs[b].Length));
                network.ComputeLoss(work.In(b), work.Target(b));
            }
            int wrong = 0;
            long quietest = long.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                // the quietest of three rounds, as the other allocation tests (tiered compilation may allocate once)
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int call = 0; call < callsPerThread / 3; call++)
                {
                    int b = random.Next(work.Batches.Length);
                    if ((call & 1) == 0)
                    {
                        Span<float> y = output.AsSpan(0, expectedOutputs[b].Length);
                        network.Predict(work.In(b), y);
                        if (!SameBits(y, expectedOutputs[b])) wrong++;
                    }
                    else if (!SameBits(network.ComputeLoss(work.In(b), work.Target(b)), expectedLosses[b])) wrong++;
                }
                quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Interlocked.Add(ref allocated, quietest);
            Interlocked.Add(ref mismatches, wrong);
        });
        Assert.Equal(0, mismatches);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Eight_threads_on_one_kernel_network_get_the_single_threaded_bits_without_allocating()
        => StressInference(new ConcurrentWide(3), new Workload(ConcurrentWide.InputSize, ConcurrentWide.OutputSize, 11, oneHot: true), 600);

    [Fact]
    public void Eight_threads_on_one_unrolled_network_get_the_single_threaded_bits_without_allocating()
        => StressInference(new ConcurrentUnrolled(3), new Workload(ConcurrentUnrolled.InputSize, ConcurrentUnrolled.OutputSize, 12, oneHot: false), 3000);

    [Fact]
    public void Eight_threads_on_one_BatchNorm_network_get_the_single_threaded_bits_from_the_running_statistics()
    {
        var network = new ConcurrentBatchNorm(3);
        var work = new Workload(ConcurrentBatchNorm.InputSize, ConcurrentBatchNorm.OutputSize, 13, oneHot: false);
        // a few training steps move the running statistics away from their start, so inference reads real State
        var sgd = new Sgd(0.05f);
        for (int step = 0; step < 5; step++) network.TrainStep(work.In(0), work.Target(0), sgd);
        Assert.Contains(network.State, v => v != 0f && v != 1f);
        StressInference(network, work, 1500);
    }

    [Fact]
    public void Two_training_calls_at_once_throw_and_leave_the_parameters_those_of_the_calls_that_ran()
    {
        var network = new ConcurrentWide(5);
        var reference = new ConcurrentWide(5);
        var work = new Workload(ConcurrentWide.InputSize, ConcurrentWide.OutputSize, 21, oneHot: true);
        const int big = 2048;
        var bigInputs = new float[big * ConcurrentWide.InputSize];
        var bigTargets = new float[big * ConcurrentWide.OutputSize];
        for (int s = 0; s < big; s++)
        {
            work.Inputs.AsSpan((s % 100) * ConcurrentWide.InputSize, ConcurrentWide.InputSize).CopyTo(bigInputs.AsSpan(s * ConcurrentWide.InputSize));
            bigTargets[s * ConcurrentWide.OutputSize + s % ConcurrentWide.OutputSize] = 1f;
        }
        var sgd = new Sgd(0.01f);
        int steps = 0, refused = 0;
        string? message = null;
        for (int round = 0; round < 50 && refused < 3; round++)
        {
            using var inside = new ManualResetEventSlim();
            bool done = false;
            var trainer = new Thread(() =>
            {
                inside.Set();
                // the other side of the race: this call throws when the TrainStep got in first
                try { network.ComputeGradients(bigInputs, bigTargets); }
                catch (InvalidOperationException) { Interlocked.Increment(ref refused); }
                Volatile.Write(ref done, true);
            });
            trainer.Start();
            inside.Wait();
            while (!Volatile.Read(ref done))
            {
                try
                {
                    network.TrainStep(work.In(1), work.Target(1), sgd);
                    steps++;
                }
                catch (InvalidOperationException e)
                {
                    Interlocked.Increment(ref refused);
                    message = e.Message;
                    break;
                }
            }
            trainer.Join();
        }
        Assert.True(refused > 0, "no TrainStep overlapped the long ComputeGradients");
        Assert.Contains("ConcurrentWide", message);
        Assert.Contains("one thread at a time", message);
        // the refused calls changed nothing: the parameters are those of the TrainSteps that ran, in order
        var replay = new Sgd(0.01f);
        for (int s = 0; s < steps; s++) reference.TrainStep(work.In(1), work.Target(1), replay);
        Assert.True(SameBits(reference.Parameters, network.Parameters));
    }

    [Fact]
    public void Inference_during_a_training_call_throws_rather_than_return_outputs_of_mixed_parameters()
    {
        var network = new ConcurrentWide(6);
        var work = new Workload(ConcurrentWide.InputSize, ConcurrentWide.OutputSize, 22, oneHot: true);
        const int big = 2048;
        var bigInputs = new float[big * ConcurrentWide.InputSize];
        var bigTargets = new float[big * ConcurrentWide.OutputSize];
        for (int s = 0; s < big; s++)
        {
            work.Inputs.AsSpan((s % 100) * ConcurrentWide.InputSize, ConcurrentWide.InputSize).CopyTo(bigInputs.AsSpan(s * ConcurrentWide.InputSize));
            bigTargets[s * ConcurrentWide.OutputSize + s % ConcurrentWide.OutputSize] = 1f;
        }
        var sgd = new Sgd(0.5f);
        var output = new float[work.Batches[0].Count * ConcurrentWide.OutputSize];
        int thrown = 0, mixed = 0;
        string? message = null;
        for (int round = 0; round < 50 && thrown < 3; round++)
        {
            float[] before = Predicted(network.Clone(), work);
            using var inside = new ManualResetEventSlim();
            bool done = false;
            var trainer = new Thread(() =>
            {
                inside.Set();
                network.TrainStep(bigInputs, bigTargets, sgd);
                Volatile.Write(ref done, true);
            });
            trainer.Start();
            inside.Wait();
            var returned = new List<float[]>();
            while (!Volatile.Read(ref done))
            {
                try
                {
                    network.Predict(work.In(0), output);
                    returned.Add((float[])output.Clone());
                }
                catch (InvalidOperationException e)
                {
                    thrown++;
                    message = e.Message;
                }
            }
            trainer.Join();
            float[] after = Predicted(network, work);
            foreach (float[] outputs in returned)
                if (!SameBits(outputs, before) && !SameBits(outputs, after)) mixed++;
        }
        Assert.Equal(0, mixed);
        Assert.True(thrown > 0, "no Predict overlapped the long TrainStep");
        Assert.Contains("ConcurrentWide.Predict ran while a training call", message);
    }

    private static float[] Predicted(INetwork network, Workload work)
    {
        var output = new float[work.Batches[0].Count * work.OutputSize];
        network.Predict(work.In(0), output);
        return output;
    }

    [Fact]
    public void Readers_see_the_outputs_of_one_published_parameter_set_or_the_other_never_a_mix()
    {
        var a = new ConcurrentWide(7);
        var b = new ConcurrentWide(8);
        var serving = a.Clone();
        var work = new Workload(ConcurrentWide.InputSize, ConcurrentWide.OutputSize, 23, oneHot: true);
        (float[][] outputsA, float[] lossesA) = work.Expected(a);
        (float[][] outputsB, float[] lossesB) = work.Expected(b);
        int wrong = 0, sawA = 0, sawB = 0;
        var publisher = new Publisher(i => serving.CopyParametersFrom((i & 1) == 0 ? b : a));
        using (publisher)
        {
            OnThreads(Threads, t =>
            {
                var random = new Random(2000 + t);
                var output = new float[MaxBatch * ConcurrentWide.OutputSize];
                for (int call = 0; call < 300; call++)
                {
                    int batch = random.Next(work.Batches.Length);
                    if ((call & 1) == 0)
                    {
                        Span<float> y = output.AsSpan(0, outputsA[batch].Length);
                        serving.Predict(work.In(batch), y);
                        if (SameBits(y, outputsA[batch])) Interlocked.Increment(ref sawA);
                        else if (SameBits(y, outputsB[batch])) Interlocked.Increment(ref sawB);
                        else Interlocked.Increment(ref wrong);
                    }
                    else
                    {
                        float loss = serving.ComputeLoss(work.In(batch), work.Target(batch));
                        if (!SameBits(loss, lossesA[batch]) && !SameBits(loss, lossesB[batch])) Interlocked.Increment(ref wrong);
                    }
                }
            });
        }
        Assert.Equal(0, wrong);
        Assert.True(publisher.Count > 10, $"only {publisher.Count} publishes");
        Assert.True(sawA > 0 && sawB > 0, $"A {sawA} times, B {sawB} times");
    }

    [Fact]
    public void Publishing_to_an_unrolled_network_is_atomic_for_its_readers_too()
    {
        var a = new ConcurrentUnrolled(7);
        var b = new ConcurrentUnrolled(8);
        var serving = new ConcurrentUnrolled(9);
        serving.CopyParametersFrom(a);
        var work = new Workload(ConcurrentUnrolled.InputSize, ConcurrentUnrolled.OutputSize, 24, oneHot: false);
        (float[][] outputsA, _) = work.Expected(a);
        (float[][] outputsB, _) = work.Expected(b);
        int wrong = 0;
        using (new Publisher(i => serving.CopyParametersFrom((i & 1) == 0 ? b : a)))
        {
            OnThreads(Threads, t =>
            {
                var random = new Random(3000 + t);
                var output = new float[MaxBatch * ConcurrentUnrolled.OutputSize];
                for (int call = 0; call < 2000; call++)
                {
                    int batch = random.Next(work.Batches.Length);
                    Span<float> y = output.AsSpan(0, outputsA[batch].Length);
                    serving.Predict(work.In(batch), y);
                    if (!SameBits(y, outputsA[batch]) && !SameBits(y, outputsB[batch])) Interlocked.Increment(ref wrong);
                }
            });
        }
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Clone_and_CopyParametersFrom_copy_parameters_and_state_into_arrays_of_its_own()
    {
        var network = new ConcurrentBatchNorm(4);
        var work = new Workload(ConcurrentBatchNorm.InputSize, ConcurrentBatchNorm.OutputSize, 25, oneHot: false);
        network.TrainStep(work.In(0), work.Target(0), new Sgd(0.1f));
        ConcurrentBatchNorm clone = network.Clone();
        Assert.NotSame(network.Parameters, clone.Parameters);
        Assert.NotSame(network.State, clone.State);
        Assert.True(SameBits(network.Parameters, clone.Parameters));
        Assert.True(SameBits(network.State, clone.State));
        Assert.True(SameBits(Predicted(network, work), Predicted(clone, work)));
        clone.TrainStep(work.In(0), work.Target(0), new Sgd(0.1f));
        Assert.False(SameBits(network.Parameters, clone.Parameters));
        var other = new ConcurrentBatchNorm(99);
        other.CopyParametersFrom(network);
        Assert.True(SameBits(network.Parameters, other.Parameters));
        Assert.True(SameBits(network.State, other.State));
        other.CopyParametersFrom(other);
        Assert.Throws<ArgumentNullException>(() => other.CopyParametersFrom(null!));
    }

    [Fact]
    public void A_network_in_a_training_call_cannot_be_copied_from_or_cloned()
    {
        var network = new ConcurrentWide(10);
        var serving = new ConcurrentWide(11);
        float[] servingBefore = (float[])serving.Parameters.Clone();
        var refusals = new List<Exception>();
        // an optimizer whose step tries both, from inside the training call that holds the network's flag
        var probe = new ProbeOptimizer(() =>
        {
            refusals.Add(Assert.Throws<InvalidOperationException>(() => serving.CopyParametersFrom(network)));
            refusals.Add(Assert.Throws<InvalidOperationException>(() => network.Clone()));
            refusals.Add(Assert.Throws<InvalidOperationException>(() => network.ComputeGradients(new float[64], new float[10])));
        });
        var inputs = new float[ConcurrentWide.InputSize];
        var targets = new float[ConcurrentWide.OutputSize];
        targets[0] = 1f;
        network.TrainStep(inputs, targets, probe);
        Assert.Equal(3, refusals.Count);
        Assert.True(SameBits(servingBefore, serving.Parameters));
        // once the training call is over, both work again
        serving.CopyParametersFrom(network);
        Assert.True(SameBits(network.Parameters, serving.Parameters));
    }

    [Fact]
    public void Save_during_a_training_call_throws_and_leaves_the_file_that_was_there()
    {
        var network = new ConcurrentWide(12);
        string path = Path.Combine(Path.GetTempPath(), $"nngen-save-{Guid.NewGuid():N}.nngen");
        try
        {
            network.Save(path);
            byte[] saved = File.ReadAllBytes(path);
            Exception? refusal = null;
            var probe = new ProbeOptimizer(() =>
            {
                refusal = Assert.Throws<InvalidOperationException>(() => network.Save(path));
                Assert.Throws<InvalidOperationException>(() => network.Save(new MemoryStream()));
            });
            var targets = new float[ConcurrentWide.OutputSize];
            targets[0] = 1f;
            network.TrainStep(new float[ConcurrentWide.InputSize], targets, probe);
            Assert.Contains("ConcurrentWide.Save ran while a training call", refusal!.Message);
            Assert.Equal(saved, File.ReadAllBytes(path));
            // after the call, Save works again and writes what the network holds
            network.Save(path);
            Assert.True(SameBits(network.Parameters, ConcurrentWide.Load(path).Parameters));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_save_beside_publishes_writes_one_published_parameter_set_never_a_mix()
    {
        var a = new ConcurrentWide(13);
        var b = new ConcurrentWide(14);
        var serving = a.Clone();
        int sawA = 0, sawB = 0, wrong = 0;
        var publisher = new Publisher(i => serving.CopyParametersFrom((i & 1) == 0 ? b : a));
        using (publisher)
        {
            for (int save = 0; save < 400; save++)
            {
                var stream = new MemoryStream();
                serving.Save(stream);
                stream.Position = 0;
                float[] parameters = ConcurrentWide.Load(stream).Parameters;
                if (SameBits(parameters, a.Parameters)) sawA++;
                else if (SameBits(parameters, b.Parameters)) sawB++;
                else wrong++;
            }
        }
        Assert.Equal(0, wrong);
        Assert.True(publisher.Count > 10, $"only {publisher.Count} publishes");
        Assert.True(sawA > 0 && sawB > 0, $"A {sawA} times, B {sawB} times");
    }

    /// <summary>A thread that publishes B, A, B, ... to a serving network until disposed; Count is how many publishes it made.</summary>
    private sealed class Publisher : IDisposable
    {
        private readonly Thread _thread;
        private bool _stop;
        private int _count;

        public Publisher(Action<int> publish)
        {
            _thread = new Thread(() =>
            {
                while (!Volatile.Read(ref _stop)) publish(_count++);
            });
            _thread.Start();
        }

        /// <summary>The publishes made (read after Dispose).</summary>
        public int Count => Volatile.Read(ref _count);

        public void Dispose()
        {
            Volatile.Write(ref _stop, true);
            _thread.Join();
        }
    }

    private sealed class ProbeOptimizer(Action onStep) : IOptimizer
    {
        public float LearningRate { get; set; }
        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => onStep();
    }
}
