// Compiled into NnGen.Onnx and into the generator (see OnnxLayer.cs): netstandard2.0 C#, no exception escapes Read.
using System;
using System.Collections.Generic;
using NnGen.Onnx.Proto;

namespace NnGen.Onnx.Internal
{
    /// <summary>
    /// Reads the weights of an ONNX inference graph for a declared network: follows the graph from its input node by
    /// node (each value consumed by one node), matches each declared layer to its operators, and copies the weights
    /// into the network's parameter layout. Reads what torch.onnx.export writes for an nn.Sequential of Linear, the
    /// activations, BatchNorm1d and LayerNorm (opset 17), what tf2onnx writes for Keras Dense layers (MatMul and Add,
    /// weights as [fanIn][units]), and what NnGen's own export writes. The first thing that does not fit is the answer.
    /// </summary>
    internal static class OnnxGraphReader
    {
        /// <summary>Reads a serialized ModelProto; never throws.</summary>
        public static OnnxImportResult Read(byte[] bytes, int inputSize, IReadOnlyList<OnnxLayer> layers)
        {
            ModelProto model;
            try
            {
                model = ModelProto.Parser.ParseFrom(bytes);
            }
            catch (Exception e)
            {
                return OnnxImportResult.Failure(OnnxProblem.Damaged, $"the file is not an ONNX model (protobuf: {e.Message.TrimEnd('.')})");
            }
            try
            {
                return new Walk(model, inputSize, layers).Run();
            }
            catch (Refusal refusal)
            {
                return OnnxImportResult.Failure(refusal.Problem, refusal.Message);
            }
            catch (Exception e)
            {
                // defensive: a graph shaped in a way the reader did not foresee is still only a bad file
                return OnnxImportResult.Failure(OnnxProblem.Damaged, $"the graph could not be read ({e.GetType().Name}: {e.Message})");
            }
        }

        private sealed class Refusal(OnnxProblem problem, string message) : Exception(message)
        {
            public OnnxProblem Problem { get; } = problem;
        }

        private static Refusal Damaged(string message) => new(OnnxProblem.Damaged, message);

        private static Refusal Unsupported(string message) => new(OnnxProblem.Unsupported, message);

        private static Refusal Mismatch(string message) => new(OnnxProblem.Mismatch, message);

        /// <summary>One pass over the graph: the value followed so far and the operators that consume values.</summary>
        private sealed class Walk
        {
            private readonly GraphProto _graph;
            private readonly int _inputSize;
            private readonly IReadOnlyList<OnnxLayer> _layers;
            private readonly long _opset;
            private readonly Dictionary<string, TensorProto> _constants = new(StringComparer.Ordinal);
            private readonly Dictionary<string, List<NodeProto>> _consumers = new(StringComparer.Ordinal);
            private readonly string _output;
            private string _current;
            private NodeProto? _pending;

            public Walk(ModelProto model, int inputSize, IReadOnlyList<OnnxLayer> layers)
            {
                _graph = model.Graph ?? throw Damaged("the file has no graph");
                _inputSize = inputSize;
                _layers = layers;
                _opset = DefaultOpset(model);
                foreach (TensorProto initializer in _graph.Initializer)
                    _constants[initializer.Name] = initializer;
                foreach (NodeProto node in _graph.Node)
                {
                    if (node.OpType == "Constant" && IsDefaultDomain(node.Domain))
                    {
                        AttributeProto? value = Attribute(node, "value");
                        if (value?.T is null || node.Output.Count != 1) throw Unsupported($"Constant node '{node.Name}' has no tensor value");
                        _constants[node.Output[0]] = value.T;
                        continue;
                    }
                    foreach (string input in node.Input)
                    {
                        if (input.Length == 0 || _constants.ContainsKey(input)) continue;
                        if (!_consumers.TryGetValue(input, out List<NodeProto>? list)) _consumers[input] = list = [];
                        list.Add(node);
                    }
                }
                _current = GraphInput();
                _output = GraphOutput();
            }

            public OnnxImportResult Run()
            {
                int parameterCount = 0, stateCount = 0;
                foreach (OnnxLayer layer in _layers)
                {
                    parameterCount += layer.ParameterCount;
                    stateCount += layer.StateCount;
                }
                var parameters = new float[parameterCount];
                var state = new float[stateCount];
                int parameterOffset = 0, stateOffset = 0;
                int readLayers = 0;
                foreach (OnnxLayer layer in _layers)
                {
                    switch (layer.Kind)
                    {
                        case OnnxLayerKind.Dense:
                            ReadAffine(layer, parameters, parameterOffset, readLayers);
                            ReadActivation(layer);
                            break;
                        case OnnxLayerKind.Maxout:
                            ReadAffine(layer, parameters, parameterOffset, readLayers);
                            ReadMaxGroups(layer);
                            break;
                        case OnnxLayerKind.BatchNorm:
                            ReadBatchNorm(layer, parameters, parameterOffset, state, stateOffset, readLayers);
                            ReadActivation(layer);
                            break;
                        case OnnxLayerKind.LayerNorm:
                            ReadLayerNorm(layer, parameters, parameterOffset, readLayers);
                            ReadActivation(layer);
                            break;
                        default:
                            continue;
                    }
                    readLayers++;
                    parameterOffset += layer.ParameterCount;
                    stateOffset += layer.StateCount;
                }
                NodeProto? extra = Peek();
                if (extra is not null)
                {
                    if (!IsKnown(extra)) throw Unsupported($"after the last declared layer the file applies {Describe(extra)}, an operator NnGen does not read");
                    throw extra.OpType is "Gemm" or "MatMul" or "BatchNormalization" or "LayerNormalization"
                        ? Mismatch($"the file has more layers than the declaration's {readLayers}: after the last declared layer comes {Describe(extra)}")
                        : Mismatch($"after the last declared layer the file applies {Describe(extra)}, which the declaration does not");
                }
                CheckRow(_graph.Output[0], "output", OutputSize());
                if (_current != _output)
                    throw Unsupported($"the graph's output '{_output}' is not the value the layers compute ('{_current}')");
                return OnnxImportResult.Success(parameters, state);
            }

            // --- layers ---------------------------------------------------------------------------------------------

            private void ReadAffine(OnnxLayer layer, float[] parameters, int offset, int readLayers)
            {
                NodeProto node = Require(layer, readLayers, "Gemm", "MatMul");
                TensorProto weight;
                bool rowsFirst;   // the tensor is [rows][fanIn] (nn.Linear.weight, Gemm transB = 1) rather than [fanIn][rows]
                TensorProto? bias = null;
                if (node.OpType == "Gemm")
                {
                    if (Int(node, "transA", 0) != 0 || Float(node, "alpha", 1f) != 1f || (node.Input.Count > 2 && Float(node, "beta", 1f) != 1f))
                        throw Unsupported($"{layer.Describe()}: a Gemm with alpha {Float(node, "alpha", 1f)}, beta {Float(node, "beta", 1f)}, transA {Int(node, "transA", 0)} (NnGen reads alpha 1, beta 1, transA 0)");
                    if (node.Input.Count < 2) throw Damaged($"{layer.Describe()}: a Gemm without its B input");
                    weight = Constant(node.Input[1], $"{layer.Describe()}'s weight");
                    rowsFirst = Int(node, "transB", 0) != 0;
                    if (node.Input.Count > 2 && node.Input[2].Length > 0) bias = Constant(node.Input[2], $"{layer.Describe()}'s bias");
                    Advance(node);
                }
                else
                {
                    if (node.Input.Count != 2) throw Damaged($"{layer.Describe()}: a MatMul with {node.Input.Count} inputs");
                    weight = Constant(node.Input[1], $"{layer.Describe()}'s weight");
                    rowsFirst = false;
                    Advance(node);
                    NodeProto? add = Peek();
                    if (add is not null && add.OpType == "Add" && add.Input.Count == 2)
                    {
                        string other = add.Input[0] == _current ? add.Input[1] : add.Input[0];
                        if (_constants.ContainsKey(other))
                        {
                            bias = Constant(other, $"{layer.Describe()}'s bias");
                            Advance(add);
                        }
                    }
                }

                int rows = layer.Rows, fanIn = layer.FanIn;
                long[] dims = Dims(weight);
                long[] expected = rowsFirst ? [rows, fanIn] : [fanIn, rows];
                if (dims.Length != 2 || dims[0] != expected[0] || dims[1] != expected[1])
                {
                    if (dims.Length == 2 && dims[0] == expected[1] && dims[1] == expected[0])
                        throw Mismatch($"{layer.Describe()}: the weight is transposed: [{dims[0]}, {dims[1]}] where {node.OpType}{(node.OpType == "Gemm" ? $" with transB {(rowsFirst ? 1 : 0)}" : "")} needs [{expected[0]}, {expected[1]}] for {fanIn} -> {rows}");
                    string fileShape = dims.Length == 2 ? (rowsFirst ? $"{dims[1]} -> {dims[0]}" : $"{dims[0]} -> {dims[1]}") : $"a weight of shape [{string.Join(", ", dims)}]";
                    throw Mismatch($"{layer.Describe()}: the file's layer {readLayers + 1} maps {fileShape}, the declaration {fanIn} -> {rows}{(layer.Kind == OnnxLayerKind.Maxout ? $" ({layer.Units} units x {layer.Pieces} pieces)" : "")}");
                }
                float[] w = Floats(weight, $"{layer.Describe()}'s weight");
                if (rowsFirst)
                    Array.Copy(w, 0, parameters, offset, w.Length);
                else
                    for (int i = 0; i < fanIn; i++)
                        for (int o = 0; o < rows; o++)
                            parameters[offset + o * fanIn + i] = w[i * rows + o];
                if (bias is not null)
                {
                    long[] biasDims = Dims(bias);
                    bool fits = (biasDims.Length == 1 && biasDims[0] == rows) || (biasDims.Length == 2 && biasDims[0] == 1 && biasDims[1] == rows);
                    if (!fits) throw Mismatch($"{layer.Describe()}: the bias has shape [{string.Join(", ", biasDims)}] where [{rows}] is expected");
                    float[] b = Floats(bias, $"{layer.Describe()}'s bias");
                    Array.Copy(b, 0, parameters, offset + rows * fanIn, rows);
                }
            }

            private void ReadMaxGroups(OnnxLayer layer)
            {
                NodeProto reshape = Require(layer, -1, "Reshape");
                long[] shape = reshape.Input.Count == 2 ? Longs(Constant(reshape.Input[1], $"{layer.Describe()}'s Reshape shape")) : [];
                if (shape.Length != 3 || (shape[0] != -1 && shape[0] != 0) || shape[1] != layer.Units || shape[2] != layer.Pieces)
                    throw Mismatch($"{layer.Describe()}: the Reshape to [{string.Join(", ", shape)}] is not [-1, {layer.Units}, {layer.Pieces}] (consecutive pieces per unit)");
                Advance(reshape);
                NodeProto max = Require(layer, -1, "ReduceMax");
                long[] axes = Attribute(max, "axes")?.Ints is { Count: > 0 } ints ? [.. ints] : max.Input.Count == 2 ? Longs(Constant(max.Input[1], "ReduceMax axes")) : [];
                if (axes.Length != 1 || (axes[0] != 2 && axes[0] != -1) || Int(max, "keepdims", 1) != 0)
                    throw Mismatch($"{layer.Describe()}: the ReduceMax is not over the pieces (axes [2], keepdims 0)");
                Advance(max);
            }

            private void ReadBatchNorm(OnnxLayer layer, float[] parameters, int offset, float[] state, int stateOffset, int readLayers)
            {
                NodeProto node = Require(layer, readLayers, "BatchNormalization");
                if (node.Input.Count != 5) throw Damaged($"{layer.Describe()}: a BatchNormalization with {node.Input.Count} inputs");
                if (Int(node, "training_mode", 0) != 0) throw Unsupported($"{layer.Describe()}: a BatchNormalization in training mode (export the model in eval mode)");
                CheckEpsilon(layer, node);
                Vector(node.Input[1], layer, "scale (gamma)").CopyTo(parameters, offset);
                Vector(node.Input[2], layer, "bias (beta)").CopyTo(parameters, offset + layer.Units);
                Vector(node.Input[3], layer, "running mean").CopyTo(state, stateOffset);
                float[] variance = Vector(node.Input[4], layer, "running variance");
                foreach (float v in variance)
                    if (v < 0f) throw Damaged($"{layer.Describe()}: a negative running variance ({v})");
                variance.CopyTo(state, stateOffset + layer.Units);
                Advance(node);
            }

            private void ReadLayerNorm(OnnxLayer layer, float[] parameters, int offset, int readLayers)
            {
                NodeProto node = Require(layer, readLayers, "LayerNormalization");
                long axis = Int(node, "axis", -1);
                if (axis != -1 && axis != 1) throw Unsupported($"{layer.Describe()}: a LayerNormalization over axis {axis} (NnGen normalizes each sample's features, axis -1)");
                CheckEpsilon(layer, node);
                Vector(node.Input[1], layer, "scale (gamma)").CopyTo(parameters, offset);
                if (node.Input.Count > 2 && node.Input[2].Length > 0)
                    Vector(node.Input[2], layer, "bias (beta)").CopyTo(parameters, offset + layer.Units);
                Advance(node);
            }

            private void CheckEpsilon(OnnxLayer layer, NodeProto node)
            {
                float epsilon = Float(node, "epsilon", 1e-5f);
                if (epsilon != layer.Epsilon)
                    throw Mismatch($"{layer.Describe()}: the file's epsilon is {epsilon:R}, the declaration's {layer.Epsilon:R} (set Epsilon = {epsilon:R}f)");
            }

            private void ReadActivation(OnnxLayer layer)
            {
                NodeProto? node = Peek();
                Activation? found = node is null ? null : ActivationOf(node);
                if (layer.Activation == Activation.Identity)
                {
                    if (found is not null) throw Mismatch($"{layer.Describe()}: the file applies {Describe(node!)} after it, the declaration no activation");
                    return;
                }
                if (found != layer.Activation && node is not null && !IsKnown(node))
                    throw Unsupported($"{layer.Describe()}: the file applies {Describe(node)} after it, an operator NnGen does not read (the declaration has {layer.Activation})");
                if (found != layer.Activation)
                    throw Mismatch($"{layer.Describe()}: the file applies {(node is null ? "nothing" : Describe(node))} after it, the declaration {layer.Activation}");
                switch (layer.Activation)
                {
                    case Activation.LeakyReLU:
                    case Activation.ELU:
                        float alpha = Float(node!, "alpha", layer.Activation == Activation.LeakyReLU ? 0.01f : 1f);
                        if (alpha != layer.Alpha)
                            throw Mismatch($"{layer.Describe()}: the file's {node!.OpType} has alpha {alpha:R}, the declaration {layer.Alpha:R} (set Alpha = {alpha:R}f)");
                        break;
                    case Activation.SELU:
                        if (!Near(Float(node!, "alpha", SeluAlpha), SeluAlpha) || !Near(Float(node!, "gamma", SeluGamma), SeluGamma))
                            throw Unsupported($"{layer.Describe()}: a Selu with alpha {Float(node!, "alpha", SeluAlpha)} and gamma {Float(node!, "gamma", SeluGamma)} (NnGen's SELU has PyTorch's constants)");
                        break;
                    case Activation.Softmax:
                        long axis = Int(node!, "axis", _opset >= 13 ? -1 : 1);
                        if (axis != 1 && axis != -1) throw Unsupported($"{layer.Describe()}: a Softmax over axis {axis} (NnGen's is over each sample's outputs)");
                        break;
                }
                Advance(node!);
            }

            private const float SeluAlpha = 1.67326319217681884765625f, SeluGamma = 1.05070102214813232421875f;

            private static bool Near(float a, float b) => Math.Abs(a - b) <= 1e-6f * Math.Abs(b);

            private static Activation? ActivationOf(NodeProto node) => !IsDefaultDomain(node.Domain) ? null : node.OpType switch
            {
                "Sigmoid" => Activation.Sigmoid,
                "Tanh" => Activation.Tanh,
                "Relu" => Activation.ReLU,
                "LeakyRelu" => Activation.LeakyReLU,
                "Elu" => Activation.ELU,
                "Selu" => Activation.SELU,
                "Softmax" => Activation.Softmax,
                _ => null,
            };

            // --- walking the graph ----------------------------------------------------------------------------------

            /// <summary>The next node of the chain (skipping the inference identities Identity, Dropout and Flatten of a row), without taking it.</summary>
            private NodeProto? Peek()
            {
                if (_pending is not null) return _pending;
                while (true)
                {
                    if (!_consumers.TryGetValue(_current, out List<NodeProto>? nodes) || nodes.Count == 0) return null;
                    if (nodes.Count > 1)
                        throw Unsupported($"the value '{_current}' feeds {nodes.Count} nodes ({string.Join(", ", nodes.ConvertAll(Describe))}); NnGen reads a chain of layers");
                    NodeProto node = nodes[0];
                    if (IsInferenceIdentity(node))
                    {
                        _current = node.Output[0];
                        continue;
                    }
                    return _pending = node;
                }
            }

            private void Advance(NodeProto node)
            {
                if (node.Output.Count < 1 || node.Output[0].Length == 0) throw Damaged($"{Describe(node)} has no output");
                for (int i = 1; i < node.Output.Count; i++)
                    if (node.Output[i].Length > 0 && _consumers.ContainsKey(node.Output[i]))
                        throw Unsupported($"{Describe(node)}'s output {i + 1} is used; NnGen reads inference graphs");
                _current = node.Output[0];
                _pending = null;
            }

            private NodeProto Require(OnnxLayer layer, int readLayers, params string[] operators)
            {
                NodeProto? node = Peek();
                string wanted = string.Join(" or ", operators);
                if (node is null)
                    throw readLayers >= 0
                        ? Mismatch($"the file has {readLayers} layer{(readLayers == 1 ? "" : "s")}, the declaration more: {layer.Describe()} has no {wanted} in the file")
                        : Mismatch($"{layer.Describe()}: the graph ends where a {wanted} should follow");
                if (!IsDefaultDomain(node.Domain) || Array.IndexOf(operators, node.OpType) < 0)
                {
                    bool known = IsKnown(node);
                    string message = $"{layer.Describe()}: the file has {Describe(node)} where {wanted} is expected";
                    throw known ? Mismatch(message) : Unsupported($"{message}; NnGen does not read {node.OpType}");
                }
                return node;
            }

            private static bool IsKnown(NodeProto node) => IsDefaultDomain(node.Domain)
                && node.OpType is "Gemm" or "MatMul" or "Add" or "BatchNormalization" or "LayerNormalization" or "Reshape" or "ReduceMax"
                    or "Sigmoid" or "Tanh" or "Relu" or "LeakyRelu" or "Elu" or "Selu" or "Softmax";

            private static bool IsInferenceIdentity(NodeProto node)
            {
                if (!IsDefaultDomain(node.Domain) || node.Output.Count < 1) return false;
                return node.OpType switch
                {
                    "Identity" => true,
                    // Dropout in inference (opset 12+: training_mode input absent or false); its mask output unused
                    "Dropout" => node.Input.Count < 3 && (node.Output.Count < 2 || node.Output[1].Length == 0),
                    // a row of features flattened from axis 1 is itself
                    "Flatten" => Int(node, "axis", 1) == 1,
                    _ => false,
                };
            }

            private string GraphInput()
            {
                var inputs = new List<ValueInfoProto>();
                foreach (ValueInfoProto input in _graph.Input)
                    if (!_constants.ContainsKey(input.Name)) inputs.Add(input);
                if (inputs.Count != 1)
                    throw Unsupported($"the graph has {inputs.Count} inputs besides its weights; NnGen reads one input of [n, {_inputSize}] floats");
                CheckRow(inputs[0], "input", _inputSize);
                return inputs[0].Name;
            }

            /// <summary>The graph's one output (its shape is checked after the layers, whose mismatches say more).</summary>
            private string GraphOutput()
            {
                if (_graph.Output.Count != 1) throw Unsupported($"the graph has {_graph.Output.Count} outputs; NnGen reads one");
                return _graph.Output[0].Name;
            }

            private int OutputSize()
            {
                for (int i = _layers.Count - 1; i >= 0; i--)
                    if (_layers[i].Kind != OnnxLayerKind.TrainingOnly) return _layers[i].Units;
                return _inputSize;
            }

            /// <summary>A graph input or output must be floats of [n, size] where the file says (shapes may be left unstated).</summary>
            private static void CheckRow(ValueInfoProto value, string what, int size)
            {
                TypeProto.Types.Tensor? tensor = value.Type?.TensorType;
                if (tensor is null) return;
                if (tensor.ElemType != (int)TensorProto.Types.DataType.Float && tensor.ElemType != 0)
                    throw Unsupported($"the graph's {what} '{value.Name}' holds {(TensorProto.Types.DataType)tensor.ElemType} values; NnGen reads float");
                if (tensor.Shape is null) return;
                if (tensor.Shape.Dim.Count != 2)
                    throw Unsupported($"the graph's {what} '{value.Name}' has {tensor.Shape.Dim.Count} dimensions; NnGen reads [n, {size}]");
                TensorShapeProto.Types.Dimension features = tensor.Shape.Dim[1];
                if (features.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && features.DimValue != size)
                    throw Mismatch($"the graph's {what} has {features.DimValue} features, the declaration {size}");
            }

            // --- tensors and attributes -----------------------------------------------------------------------------

            private TensorProto Constant(string name, string what)
            {
                if (_constants.TryGetValue(name, out TensorProto? tensor)) return tensor;
                throw Unsupported($"{what} ('{name}') is computed in the graph, not stored in it; NnGen reads weights stored as initializers or Constant nodes");
            }

            private float[] Vector(string name, OnnxLayer layer, string what)
            {
                TensorProto tensor = Constant(name, $"{layer.Describe()}'s {what}");
                long[] dims = Dims(tensor);
                if (dims.Length != 1 || dims[0] != layer.Units)
                    throw Mismatch($"{layer.Describe()}: the {what} has shape [{string.Join(", ", dims)}] where [{layer.Units}] is expected");
                return Floats(tensor, $"{layer.Describe()}'s {what}");
            }

            private static long[] Dims(TensorProto tensor)
            {
                var dims = new long[tensor.Dims.Count];
                for (int i = 0; i < dims.Length; i++)
                {
                    dims[i] = tensor.Dims[i];
                    if (dims[i] < 0) throw Damaged($"tensor '{tensor.Name}' has a negative dimension ({dims[i]})");
                }
                return dims;
            }

            private static long Count(TensorProto tensor)
            {
                long count = 1;
                foreach (long dim in Dims(tensor))
                {
                    if (dim != 0 && count > int.MaxValue / dim) throw Damaged($"tensor '{tensor.Name}' is too large");
                    count *= dim;
                }
                return count;
            }

            private static float[] Floats(TensorProto tensor, string what)
            {
                if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
                    throw Unsupported($"{what} is stored outside the file (external data); save the model with its tensors inside");
                int count = (int)Count(tensor);
                var values = new float[count];
                var type = (TensorProto.Types.DataType)tensor.DataType;
                if (type == TensorProto.Types.DataType.Float)
                {
                    if (!tensor.RawData.IsEmpty)
                    {
                        if (tensor.RawData.Length != 4L * count) throw Damaged($"{what} holds {tensor.RawData.Length} bytes where {count} floats need {4L * count}");
                        // raw data is little-endian, as every machine .NET runs NnGen on
                        if (!BitConverter.IsLittleEndian) throw Unsupported("raw tensor data on a big-endian machine");
                        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).CopyTo(values);
                    }
                    else
                    {
                        if (tensor.FloatData.Count != count) throw Damaged($"{what} holds {tensor.FloatData.Count} floats where its shape needs {count}");
                        tensor.FloatData.CopyTo(values, 0);
                    }
                }
                else if (type == TensorProto.Types.DataType.Double)
                {
                    if (!tensor.RawData.IsEmpty)
                    {
                        if (tensor.RawData.Length != 8L * count) throw Damaged($"{what} holds {tensor.RawData.Length} bytes where {count} doubles need {8L * count}");
                        ReadOnlySpan<byte> raw = tensor.RawData.Span;
                        for (int i = 0; i < count; i++)
                            values[i] = (float)BitConverter.Int64BitsToDouble(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(raw.Slice(8 * i, 8)));
                    }
                    else
                    {
                        if (tensor.DoubleData.Count != count) throw Damaged($"{what} holds {tensor.DoubleData.Count} doubles where its shape needs {count}");
                        for (int i = 0; i < count; i++) values[i] = (float)tensor.DoubleData[i];
                    }
                }
                else
                {
                    throw Unsupported($"{what} holds {type} values; NnGen reads float (or double) weights");
                }
                for (int i = 0; i < count; i++)
                    if (float.IsNaN(values[i]) || float.IsInfinity(values[i]))
                        throw Damaged($"{what} holds {values[i]} at element {i}");
                return values;
            }

            private static long[] Longs(TensorProto tensor)
            {
                int count = (int)Count(tensor);
                var type = (TensorProto.Types.DataType)tensor.DataType;
                if (type != TensorProto.Types.DataType.Int64) throw Unsupported($"tensor '{tensor.Name}' holds {type} values where int64 is expected");
                var values = new long[count];
                if (!tensor.RawData.IsEmpty)
                {
                    if (tensor.RawData.Length != 8L * count) throw Damaged($"tensor '{tensor.Name}' holds {tensor.RawData.Length} bytes where {count} int64 need {8L * count}");
                    ReadOnlySpan<byte> raw = tensor.RawData.Span;
                    for (int i = 0; i < count; i++) values[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(raw.Slice(8 * i, 8));
                }
                else
                {
                    if (tensor.Int64Data.Count != count) throw Damaged($"tensor '{tensor.Name}' holds {tensor.Int64Data.Count} int64 where its shape needs {count}");
                    tensor.Int64Data.CopyTo(values, 0);
                }
                return values;
            }

            private static AttributeProto? Attribute(NodeProto node, string name)
            {
                foreach (AttributeProto attribute in node.Attribute)
                    if (attribute.Name == name) return attribute;
                return null;
            }

            private static long Int(NodeProto node, string name, long fallback) => Attribute(node, name) is { } a ? a.I : fallback;

            private static float Float(NodeProto node, string name, float fallback) => Attribute(node, name) is { } a ? a.F : fallback;

            private static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";

            private static long DefaultOpset(ModelProto model)
            {
                foreach (OperatorSetIdProto opset in model.OpsetImport)
                    if (IsDefaultDomain(opset.Domain)) return opset.Version;
                throw Damaged("the model imports no ONNX operator set");
            }

            private static string Describe(NodeProto node) => node.Name.Length > 0 ? $"{node.OpType} ('{node.Name}')" : node.OpType;
        }
    }
}
