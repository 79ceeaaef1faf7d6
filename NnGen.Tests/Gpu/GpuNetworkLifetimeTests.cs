using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NnGen.Training;
using NnGen.Tests.GradientChecks.Networks;
using Xunit;

namespace NnGen.Tests.Gpu;

/// <summary>A network whose hidden layer is so wide that a batch of 60000 samples needs more floats than an int indexes.</summary>
[Network(Loss.MeanSquaredError)]
[Input(1)]
[Dense(40000, Activation.ReLU)]
[Dense(1)]
public partial class WideHiddenNet;

/// <summary>
/// What the base class NnGen.Gpu.GpuNetwork promises of every generated N.Gpu beyond the numbers: after Dispose every
/// member but Dispose throws ObjectDisposedException (none touches freed device memory), and a batch whose buffers an
/// int index cannot address is refused before anything is allocated.
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class GpuNetworkLifetimeTests
{
    private readonly CpuAccelerator _accelerator;

    public GpuNetworkLifetimeTests(CpuAccelerator accelerator) => _accelerator = accelerator;

    /// <summary>Each public member of N.Gpu (its own, its base class's and the explicit INetwork ones), called once.</summary>
    private static IEnumerable<(string Member, Action<UnrolledTanhCce.Gpu> Call)> Members()
    {
        int inputs = UnrolledTanhCce.InputSize, outputs = UnrolledTanhCce.OutputSize, parameters = UnrolledTanhCce.ParameterCount;
        var x = new float[2 * inputs];
        var t = new float[2 * outputs];
        var model = new MemoryStream();
        new UnrolledTanhCce(0).Save(model);
        var data = new Dataset(x, t, inputs, outputs);
        yield return ("Accelerator", gpu => _ = gpu.Accelerator);
        yield return ("Parameters", gpu => _ = gpu.Parameters);
        yield return ("State", gpu => _ = gpu.State);
        yield return ("Gradients", gpu => _ = gpu.Gradients);
        yield return ("InputSize", gpu => _ = ((INetwork)gpu).InputSize);
        yield return ("OutputSize", gpu => _ = ((INetwork)gpu).OutputSize);
        yield return ("ParameterCount", gpu => _ = ((INetwork)gpu).ParameterCount);
        yield return ("Predict", gpu => gpu.Predict(x, new float[2 * outputs]));
        yield return ("ComputeLoss", gpu => gpu.ComputeLoss(x, t));
        yield return ("ComputeGradients", gpu => gpu.ComputeGradients(x, t));
        yield return ("INetwork.ComputeGradients", gpu => ((INetwork)gpu).ComputeGradients(x, t));
        yield return ("CopyGradientsTo", gpu => gpu.CopyGradientsTo(new float[parameters]));
        yield return ("TrainStep", gpu => gpu.TrainStep(x, t, new Sgd(0.1f)));
        yield return ("CopyParametersTo(UnrolledTanhCce)", gpu => gpu.CopyParametersTo(new UnrolledTanhCce(1)));
        yield return ("CopyParametersTo(Span<float>)", gpu => gpu.CopyParametersTo(new float[parameters]));
        yield return ("LoadParameters", gpu => gpu.LoadParameters(new float[parameters]));
        yield return ("Save", gpu => gpu.Save(new MemoryStream()));
        yield return ("LoadFrom", gpu => gpu.LoadFrom(new MemoryStream(model.ToArray())));
        yield return ("UploadTrainingSet", gpu => gpu.UploadTrainingSet(data));
        yield return ("UploadOrder", gpu => gpu.UploadOrder(new[] { 1, 0 }));
        yield return ("SaveCheckpoint", gpu => gpu.SaveCheckpoint());
        yield return ("RestoreCheckpoint", gpu => gpu.RestoreCheckpoint());
        yield return ("QueueTrainStep", gpu => gpu.QueueTrainStep(0, 0, 2, new Sgd(0.1f)));
        yield return ("FinishEpoch", gpu => gpu.FinishEpoch(new float[1]));
        yield return ("UploadParameters", gpu => gpu.UploadParameters());
    }

    [Fact]
    public void Every_member_but_Dispose_throws_after_Dispose()
    {
        var host = new UnrolledTanhCce(0);
        UnrolledTanhCce.Gpu gpu = host.ToGpu(_accelerator.Accelerator);
        var data = new Dataset(new float[2 * UnrolledTanhCce.InputSize], new float[2 * UnrolledTanhCce.OutputSize], UnrolledTanhCce.InputSize, UnrolledTanhCce.OutputSize);
        // work that allocates every buffer there is first: batch buffers, optimizer moments, training set, order, checkpoint
        gpu.TrainStep(data.Features, data.Targets, new Adam());
        gpu.UploadTrainingSet(data);
        gpu.UploadOrder(new[] { 0, 1 });
        gpu.SaveCheckpoint();
        gpu.QueueTrainStep(0, 0, 2, new Adam());
        gpu.FinishEpoch(new float[1]);
        gpu.Dispose();
        gpu.Dispose();

        foreach ((string member, Action<UnrolledTanhCce.Gpu> call) in Members())
        {
            Exception? error = Record.Exception(() => call(gpu));
            Assert.True(error is ObjectDisposedException, $"{member} after Dispose: {error?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void CopyParametersTo_a_span_after_Dispose_throws_and_writes_nothing()
    {
        UnrolledTanhCce.Gpu gpu = new UnrolledTanhCce(0).ToGpu(_accelerator.Accelerator);
        gpu.Dispose();
        var parameters = new float[UnrolledTanhCce.ParameterCount];
        Array.Fill(parameters, 7f);

        Assert.Throws<ObjectDisposedException>(() => gpu.CopyParametersTo(parameters));
        Assert.All(parameters, p => Assert.Equal(7f, p));
    }

    /// <summary>The list above covers every public member, so that a member added later is checked too.</summary>
    [Fact]
    public void The_disposed_check_covers_every_public_member()
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;
        Type type = typeof(UnrolledTanhCce.Gpu);
        var names = type.GetMethods(Public).Where(m => !m.IsSpecialName && m.DeclaringType != typeof(object)).Select(m => m.Name)
            .Concat(type.GetProperties(Public).Select(p => p.Name))
            .Concat(typeof(INetwork).GetProperties().Select(p => p.Name))
            .Where(name => name != nameof(IDisposable.Dispose))
            .ToHashSet(StringComparer.Ordinal);
        var covered = Members().Select(m => m.Member.Split('(')[0].Replace("INetwork.", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(names.Except(covered));
    }

    [Fact]
    public void A_batch_an_int_index_cannot_address_is_refused_and_the_copy_keeps_working()
    {
        var host = new WideHiddenNet(0);
        using WideHiddenNet.Gpu gpu = host.ToGpu(_accelerator.Accelerator);
        const int Huge = 60000; // 60000 * 40000 floats per hidden buffer > int.MaxValue

        ArgumentException error = Assert.Throws<ArgumentException>(() => gpu.Predict(new float[Huge], new float[Huge]));
        Assert.Contains("more than one kernel can index", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => gpu.ComputeGradients(new float[Huge], new float[Huge]));

        var expected = new float[3];
        var actual = new float[3];
        float[] x = { 0.5f, -1f, 2f };
        host.Predict(x, expected);
        gpu.Predict(x, actual);
        DeviceAssert.Close("a small batch after the refused one", expected, actual);
    }
}
