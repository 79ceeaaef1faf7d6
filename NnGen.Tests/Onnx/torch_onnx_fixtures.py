#!/usr/bin/python3
"""Writes the ONNX fixtures of NnGen.Tests/Onnx: nn.Sequential models exported by torch.onnx.export, and what torch
predicts for fixed inputs, so that the tests can check that NnGen networks importing the files predict the same.

usage: /usr/bin/python3 NnGen.Tests/Onnx/torch_onnx_fixtures.py   (Debian's python3-torch; rewrites Fixtures/)

Each model is built with a fixed seed; BatchNorm layers first see a few training batches, so that their running
statistics are not the initial 0 and 1. Models are exported in eval mode (dropout gone) with a dynamic batch.
"""
import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Fixtures")


def models():
    yield "sigmoid231", 14, nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1))
    yield "relu_softmax", 13, nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1))
    yield "tanh_leaky", 14, nn.Sequential(nn.Linear(5, 6), nn.Tanh(), nn.Linear(6, 6), nn.LeakyReLU(0.2), nn.Linear(6, 2))
    yield "elu_selu_sigmoid", 14, nn.Sequential(nn.Linear(3, 5), nn.ELU(alpha=0.7), nn.Linear(5, 4), nn.SELU(),
                                                nn.Linear(4, 1), nn.Sigmoid())
    yield "batchnorm", 14, nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 2))
    yield "layernorm", 17, nn.Sequential(nn.Linear(4, 6), nn.LayerNorm(6), nn.Tanh(), nn.Linear(6, 3), nn.Softmax(dim=1))
    yield "wide_relu", 14, nn.Sequential(nn.Linear(70, 80), nn.ReLU(), nn.Linear(80, 10))
    yield "dropout", 14, nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 1))


def main():
    os.makedirs(OUT, exist_ok=True)
    fixtures = []
    for index, (name, opset, model) in enumerate(models()):
        torch.manual_seed(100 + index)
        for module in model:
            if isinstance(module, nn.Linear):
                nn.init.uniform_(module.weight, -0.8, 0.8)
                nn.init.uniform_(module.bias, -0.5, 0.5)
            if isinstance(module, (nn.BatchNorm1d, nn.LayerNorm)):
                nn.init.uniform_(module.weight, 0.5, 1.5)
                nn.init.uniform_(module.bias, -0.5, 0.5)
        features = model[0].in_features
        model.train()
        with torch.no_grad():
            for _ in range(5):
                model(torch.randn(16, features) * 2 + 0.5)
        model.eval()
        inputs = torch.rand(7, features) * 4 - 2
        with torch.no_grad():
            outputs = model(inputs)
        path = os.path.join(OUT, name + ".onnx")
        torch.onnx.export(model, inputs[:1], path, input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "n"}, "y": {0: "n"}}, opset_version=opset)
        fixtures.append({"name": name, "opset": opset, "file": name + ".onnx", "samples": inputs.shape[0],
                         "inputs": inputs.flatten().tolist(), "outputs": outputs.flatten().tolist()})
        print(name, opset, [tuple(p.shape) for p in model.parameters()])
    with open(os.path.join(OUT, "torch_onnx_fixtures.json"), "w") as f:
        json.dump({"torch": torch.__version__, "fixtures": fixtures}, f, indent=1)


if __name__ == "__main__":
    main()
