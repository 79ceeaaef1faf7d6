// Compiled into NnGen.Onnx and into the generator (see OnnxLayer.cs).
namespace NnGen.Onnx
{
    /// <summary>What is wrong with an ONNX file that cannot give a network its parameters.</summary>
#if NNGEN_GENERATOR
    internal
#else
    public
#endif
    enum OnnxProblem
    {
        /// <summary>Nothing: the file's weights were read.</summary>
        None,
        /// <summary>Not a readable ONNX model: not protobuf, truncated, no graph, a tensor whose data does not fit its shape, a NaN weight.</summary>
        Damaged,
        /// <summary>A well-formed model with an operator or a form NnGen does not read (Conv, a Gemm with alpha 2, external data).</summary>
        Unsupported,
        /// <summary>A model of another network: the layer count, a size, an activation or an epsilon differs from the declaration.</summary>
        Mismatch,
    }
}
