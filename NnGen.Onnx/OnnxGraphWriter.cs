using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Google.Protobuf;
using NnGen.Onnx.Internal;
using NnGen.Onnx.Proto;

namespace NnGen.Onnx
{
    /// <summary>
    /// Writes a network's inference graph as an ONNX model (IR version 8, opset 17): per dense layer a Gemm with
    /// transB = 1 (W as nn.Linear stores it) and the activation's operator; BatchNormalization with the running
    /// statistics and LayerNormalization in inference form; maxout as Gemm, Reshape to [n, units, pieces] and
    /// ReduceMax over the pieces; Softmax on axis 1. Dropout and noise are the identity in inference and leave no node.
    /// The input is "input" and the output "output", both [batch, features] with a symbolic batch.
    /// </summary>
    internal static class OnnxGraphWriter
    {
        public const int Opset = 17;
        public const int IrVersion = 8;
        public const string InputName = "input", OutputName = "output", BatchDimension = "batch";

        public static ModelProto Write(string networkName, int inputSize, IReadOnlyList<OnnxLayer> layers, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
        {
            var graph = new GraphProto { Name = networkName };
            graph.Input.Add(Row(InputName, inputSize));
            string current = InputName;
            int parameterOffset = 0, stateOffset = 0, outputSize = inputSize;
            foreach (OnnxLayer layer in layers)
            {
                string prefix = $"layer{layer.Number}";
                switch (layer.Kind)
                {
                    case OnnxLayerKind.Dense:
                    case OnnxLayerKind.Maxout:
                        int rows = layer.Rows, weights = rows * layer.FanIn;
                        graph.Initializer.Add(Floats($"{prefix}.weight", parameters.Slice(parameterOffset, weights), rows, layer.FanIn));
                        graph.Initializer.Add(Floats($"{prefix}.bias", parameters.Slice(parameterOffset + weights, rows), rows));
                        current = Add(graph, Node("Gemm", prefix + ".gemm", [current, $"{prefix}.weight", $"{prefix}.bias"], Int("transB", 1)));
                        if (layer.Kind == OnnxLayerKind.Maxout)
                        {
                            graph.Initializer.Add(Longs($"{prefix}.shape", [-1, layer.Units, layer.Pieces]));
                            current = Add(graph, Node("Reshape", prefix + ".groups", [current, $"{prefix}.shape"]));
                            current = Add(graph, Node("ReduceMax", prefix + ".max", [current], Ints("axes", 2), Int("keepdims", 0)));
                        }
                        break;
                    case OnnxLayerKind.BatchNorm:
                        graph.Initializer.Add(Floats($"{prefix}.weight", parameters.Slice(parameterOffset, layer.Units), layer.Units));
                        graph.Initializer.Add(Floats($"{prefix}.bias", parameters.Slice(parameterOffset + layer.Units, layer.Units), layer.Units));
                        graph.Initializer.Add(Floats($"{prefix}.running_mean", state.Slice(stateOffset, layer.Units), layer.Units));
                        graph.Initializer.Add(Floats($"{prefix}.running_var", state.Slice(stateOffset + layer.Units, layer.Units), layer.Units));
                        current = Add(graph, Node("BatchNormalization", prefix + ".norm",
                            [current, $"{prefix}.weight", $"{prefix}.bias", $"{prefix}.running_mean", $"{prefix}.running_var"], Float("epsilon", layer.Epsilon)));
                        break;
                    case OnnxLayerKind.LayerNorm:
                        graph.Initializer.Add(Floats($"{prefix}.weight", parameters.Slice(parameterOffset, layer.Units), layer.Units));
                        graph.Initializer.Add(Floats($"{prefix}.bias", parameters.Slice(parameterOffset + layer.Units, layer.Units), layer.Units));
                        current = Add(graph, Node("LayerNormalization", prefix + ".norm",
                            [current, $"{prefix}.weight", $"{prefix}.bias"], Int("axis", -1), Float("epsilon", layer.Epsilon)));
                        break;
                    default:
                        continue;
                }
                if (layer.Kind != OnnxLayerKind.Maxout && ActivationNode(layer, prefix + ".act", current) is NodeProto activation)
                    current = Add(graph, activation);
                parameterOffset += layer.ParameterCount;
                stateOffset += layer.StateCount;
                outputSize = layer.Units;
            }
            // the last node writes the graph's output by name
            graph.Node[graph.Node.Count - 1].Output[0] = OutputName;
            graph.Output.Add(Row(OutputName, outputSize));

            var model = new ModelProto
            {
                IrVersion = IrVersion,
                ProducerName = "NnGen",
                ProducerVersion = typeof(OnnxGraphWriter).Assembly.GetName().Version?.ToString(3) ?? "",
                Graph = graph,
                DocString = $"{networkName}: the inference graph of an NnGen network (dropout and noise layers are the identity in inference).",
            };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
            return model;
        }

        private static NodeProto? ActivationNode(OnnxLayer layer, string name, string input) => layer.Activation switch
        {
            Activation.Identity => null,
            Activation.Sigmoid => Node("Sigmoid", name, [input]),
            Activation.Tanh => Node("Tanh", name, [input]),
            Activation.ReLU => Node("Relu", name, [input]),
            Activation.LeakyReLU => Node("LeakyRelu", name, [input], Float("alpha", layer.Alpha)),
            Activation.ELU => Node("Elu", name, [input], Float("alpha", layer.Alpha)),
            // PyTorch's constants (ONNX's defaults, written out so that a reader need not know them)
            Activation.SELU => Node("Selu", name, [input], Float("alpha", 1.67326319217681884765625f), Float("gamma", 1.05070102214813232421875f)),
            Activation.Softmax => Node("Softmax", name, [input], Int("axis", 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Activation, "an activation without an ONNX operator"),
        };

        private static string Add(GraphProto graph, NodeProto node)
        {
            graph.Node.Add(node);
            return node.Output[0];
        }

        private static NodeProto Node(string op, string name, string[] inputs, params AttributeProto[] attributes)
        {
            var node = new NodeProto { OpType = op, Name = name };
            node.Input.AddRange(inputs);
            node.Output.Add(name);
            node.Attribute.AddRange(attributes);
            return node;
        }

        private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

        private static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

        private static AttributeProto Ints(string name, params long[] values)
        {
            var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
            attribute.Ints.AddRange(values);
            return attribute;
        }

        private static TensorProto Floats(string name, ReadOnlySpan<float> values, params long[] dims)
        {
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian.");
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)) };
            tensor.Dims.AddRange(dims);
            return tensor;
        }

        private static TensorProto Longs(string name, long[] values)
        {
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
            tensor.Dims.Add(values.Length);
            tensor.Int64Data.AddRange(values);
            return tensor;
        }

        private static ValueInfoProto Row(string name, int features)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = features });
            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
            };
        }
    }
}
