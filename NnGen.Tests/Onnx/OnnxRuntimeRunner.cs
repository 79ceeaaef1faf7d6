using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NnGen.Tests.Onnx;

/// <summary>Runs an ONNX model in ONNX Runtime (the independent reference for exported networks).</summary>
public static class OnnxRuntimeRunner
{
    /// <summary>The model's "output" for a batch of rows fed to its "input".</summary>
    public static float[] Run(byte[] model, float[] inputs, int samples, int inputSize)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(model, options);
        var tensor = new DenseTensor<float>(inputs, new[] { samples, inputSize });
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run(new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("input", tensor) }, new[] { "output" });
        return results.Single().AsEnumerable<float>().ToArray();
    }

    public static byte[] Export(NnGen.Onnx.IOnnxNetwork network)
    {
        using var stream = new MemoryStream();
        network.ExportOnnx(stream);
        return stream.ToArray();
    }
}
