using System;
using System.Threading;
using NnGen.Internal;
using NnGen.Tests.GradientChecks;
using NnGen.Training;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>
/// NnGen.Training.Trainer drives a GPU copy through IDeviceTraining: the training set goes up once, the epochs run on the
/// device, and the result matches training the CPU network with the same options.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class DeviceTrainingTests
{
    private readonly CpuAccelerator _accelerator;

    public DeviceTrainingTests(CpuAccelerator accelerator) => _accelerator = accelerator;

    private static Dataset Data(NetworkCase c, int count, int seed)
    {
        var random = new Random(seed);
        int inputs = c.Spec.InputSize, outputs = c.Spec.Output.Units;
        var features = new float[count * inputs];
        var targets = new float[count * outputs];
        for (int i = 0; i < features.Length; i++) features[i] = (float)(random.NextDouble() * 2 - 1);
        for (int s = 0; s < count; s++)
        {
            if (c.Spec.Loss == Loss.CategoricalCrossEntropy) targets[s * outputs + random.Next(outputs)] = 1f;
            else for (int k = 0; k < outputs; k++) targets[s * outputs + k] = random.Next(2);
        }
        return new Dataset(features, targets, inputs, outputs);
    }

    [Theory]
    [InlineData("UnrolledTanhCce")]
    [InlineData("Boundary65Loop")]
    [InlineData("DeepLoopBce")]
    public void Trainer_on_the_device_matches_the_CPU(string network)
    {
        NetworkCase c = NetworkCatalog.Get(network);
        Dataset training = Data(c, 45, 1), validation = Data(c, 20, 2);
        var trainer = new Trainer(new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 7 });
        INetwork cpu = c.Create(), host = c.Create();
        float[] before = (float[])cpu.Parameters.Clone();
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        // SGD with momentum: its update is linear in the gradient, so the device's float differences stay at their size
        TrainingHistory expected = trainer.Train(cpu, new Sgd(0.1f, momentum: 0.9f), training, validation);
        TrainingHistory actual = trainer.Train(gpu, new Sgd(0.1f, momentum: 0.9f), training, validation);

        Assert.Equal(expected.Epochs.Count, actual.Epochs.Count);
        for (int e = 0; e < expected.Epochs.Count; e++)
        {
            Assert.Equal(expected.Epochs[e].Batches, actual.Epochs[e].Batches);
            DeviceAssert.Close($"{network}, epoch {e}: training loss", (float)expected.Epochs[e].TrainLoss, (float)actual.Epochs[e].TrainLoss);
            DeviceAssert.Close($"{network}, epoch {e}: validation loss", (float)expected.Epochs[e].ValidationLoss!.Value, (float)actual.Epochs[e].ValidationLoss!.Value);
        }
        DeviceAssert.CloseChanges($"{network}: the change of the parameters", before, cpu.Parameters, host.Parameters);
    }

    [Fact]
    public void Restoring_the_best_epoch_also_restores_the_device()
    {
        NetworkCase c = NetworkCatalog.Get("UnrolledTanhCce");
        Dataset training = Data(c, 30, 3), validation = Data(c, 12, 4);
        // a learning rate large enough that some later epoch is worse than the best
        var trainer = new Trainer(new TrainingOptions { Epochs = 6, BatchSize = 10, EarlyStopping = new EarlyStopping(Patience: 10) });
        INetwork cpu = c.Create(), host = c.Create();
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        TrainingHistory expected = trainer.Train(cpu, new Sgd(2f, momentum: 0.9f), training, validation);
        TrainingHistory actual = trainer.Train(gpu, new Sgd(2f, momentum: 0.9f), training, validation);

        Assert.Equal(expected.BestEpoch, actual.BestEpoch);
        Assert.True(actual.RestoredBest);
        float[] restored = (float[])host.Parameters.Clone();
        gpu.FinishEpoch(Span<float>.Empty); // copies the device parameters into the host array
        Assert.Equal(restored, host.Parameters);
        DeviceAssert.Close("the restored parameters", cpu.Parameters, host.Parameters);
    }

    [Fact]
    public void A_diverging_device_epoch_restores_its_starting_parameters()
    {
        NetworkCase c = NetworkCatalog.Get("UnrolledTanhMse");
        Dataset training = Data(c, 24, 5);
        var trainer = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 8 });
        INetwork host = c.Create();
        float[] before = (float[])host.Parameters.Clone();
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() => trainer.Train(gpu, new Sgd(1e30f), training));

        Assert.Equal(0, error.Epoch);
        Assert.Contains("start of this epoch", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, host.Parameters);
        Array.Fill(host.Parameters, float.NaN);
        gpu.FinishEpoch(Span<float>.Empty); // copies the device parameters into the host array
        Assert.Equal(before, host.Parameters);
    }

    [Fact]
    public void A_cancelled_device_epoch_keeps_the_finished_steps()
    {
        NetworkCase c = NetworkCatalog.Get("UnrolledTanhCce");
        Dataset training = Data(c, 24, 6);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var trainer = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 8 });
        INetwork host = c.Create();
        float[] before = (float[])host.Parameters.Clone();
        IDeviceTraining gpu = _accelerator.ToGpu(host);
        using var _ = (IDisposable)gpu;

        TrainingCanceledException error = Assert.Throws<TrainingCanceledException>(() => trainer.Train(gpu, new Adam(), training, cancellationToken: cancellation.Token));

        Assert.Equal(0, error.Epoch);
        Assert.Equal(before, host.Parameters);
    }

    [Fact]
    public void Queued_steps_on_the_uploaded_set_equal_steps_on_host_batches()
    {
        NetworkCase c = NetworkCatalog.Get("Boundary65Loop");
        Dataset training = Data(c, 20, 8);
        int[] order = { 3, 17, 0, 9, 11, 5, 19, 2, 8, 14, 1, 6 };
        INetwork a = c.Create(), b = c.Create();
        IDeviceTraining queued = _accelerator.ToGpu(a), direct = _accelerator.ToGpu(b);
        using var d1 = (IDisposable)queued;
        using var d2 = (IDisposable)direct;
        IOptimizer first = new Adam(0.01f), second = new Adam(0.01f);

        queued.UploadTrainingSet(training);
        queued.UploadOrder(order);
        queued.QueueTrainStep(0, 0, 5, first);
        queued.QueueTrainStep(1, 5, 7, first);
        var losses = new float[2];
        queued.FinishEpoch(losses);

        var expectedLosses = new float[2];
        for (int batch = 0; batch < 2; batch++)
        {
            int start = batch == 0 ? 0 : 5, size = batch == 0 ? 5 : 7;
            var inputs = new float[size * training.InputSize];
            var targets = new float[size * training.OutputSize];
            training.Gather(order.AsSpan(start, size), inputs, targets);
            expectedLosses[batch] = direct.TrainStep(inputs, targets, second);
        }
        direct.FinishEpoch(Span<float>.Empty);

        Assert.Equal(expectedLosses, losses);
        Assert.Equal(b.Parameters, a.Parameters);
    }

    [Fact]
    public void A_disposed_copy_refuses_work()
    {
        NetworkCase c = NetworkCatalog.Get("UnrolledTanhCce");
        IDeviceTraining gpu = _accelerator.ToGpu(c.Create());
        ((IDisposable)gpu).Dispose();
        ((IDisposable)gpu).Dispose();

        Assert.Throws<ObjectDisposedException>(() => gpu.Predict(new float[c.Spec.InputSize], new float[c.Spec.Output.Units]));
    }
}
