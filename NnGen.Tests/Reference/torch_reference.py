#!/usr/bin/python3
"""PyTorch reference fixtures for NnGen's gradient checks.

Run from the repository root with Debian's python3-torch (the pyenv python3 on PATH has no torch):

    /usr/bin/python3 NnGen.Tests/Reference/torch_reference.py

It writes NnGen.Tests/Reference/Fixtures/torch_fixtures.json, which is committed: the C# test
(NnGen.Tests/GradientChecks/TorchFixtureTests.cs) only reads it, so CI needs no torch.

Deterministic data. For a network with P parameters in NnGen's layout (per layer, in order: the weight
matrix W[o * fanIn + i], which is nn.Linear.weight flattened row-major, then the bias b[o]), a batch of
n samples with I inputs and O outputs (row-major [n][I] and [n][O]):

    p[i] = f32(0.5 * sin(1.7 * i + 0.3))          i = 0 .. P - 1
    x[j] = f32(sin(0.9 * j + 1.1))                j = 0 .. n*I - 1
    t[j] = f32(0.8 * cos(1.3 * j + 0.5))          j = 0 .. n*O - 1, MeanSquaredError and MeanAbsoluteError
    t[j] = f32(0.5 + 0.5 * cos(1.3 * j + 0.5))    j = 0 .. n*O - 1, BinaryCrossEntropy and CategoricalCrossEntropy
                                                  (CCE rows are probabilities that need not sum to 1)

sin and cos are evaluated in float64 and f32 rounds to the nearest float32, the precision NnGen computes in;
an Alpha option (LeakyReLU's slope, ELU's alpha) is likewise the float32 value the C# attribute holds.

PyTorch then computes in float64 on exactly these values: nn.Linear layers with weight and bias copied from p,
the activations nn.Sigmoid, nn.Tanh, nn.ReLU, nn.LeakyReLU(alpha), nn.ELU(alpha), nn.SELU, nn.Softmax(dim=1),
and the losses of DESIGN.md with their default mean reduction: nn.MSELoss() and nn.L1Loss() on the outputs,
nn.BCEWithLogitsLoss() on the last layer's pre-sigmoid values, nn.CrossEntropyLoss() on the pre-softmax values
with the probability targets t. Each fixture holds the inputs (parameters, inputs, targets), the outputs (what
NnGen's Predict returns: after Sigmoid or Softmax), the loss and autograd's gradient flattened in p's layout,
all printed with full float64 precision.
"""

import json
import math
import os
import sys

import numpy as np
import torch
from torch import nn

# NnGen's Loss names -> PyTorch's loss classes.
LOSSES = {
    "MeanSquaredError": nn.MSELoss,
    "MeanAbsoluteError": nn.L1Loss,
    "BinaryCrossEntropy": nn.BCEWithLogitsLoss,
    "CategoricalCrossEntropy": nn.CrossEntropyLoss,
}

# Activations whose derivative jumps at z = 0: float32 and float64 must agree on the side of every such z.
KINKED = {"ReLU", "LeakyReLU", "ELU", "SELU"}
MARGIN = 1e-4


def f32(value):
    return float(np.float32(value))


def layer(units, activation="Identity", alpha=None):
    return {"units": units, "activation": activation, "alpha": None if alpha is None else f32(alpha)}


def network(name, inputs, layers, loss, batch):
    return {"name": name, "input": inputs, "layers": layers, "loss": loss, "batch": batch}


def networks():
    """The fixtures: the C# test declares a network class of each name with the same shape."""
    nets = [
        network("Torch231SigmoidMse", 2, [layer(3, "Sigmoid"), layer(1)], "MeanSquaredError", 4),
        network("Torch42SoftmaxCce", 4, [layer(2, "Softmax")], "CategoricalCrossEntropy", 3),
        network("Torch241TanhSigmoidBce", 2, [layer(4, "Tanh"), layer(1, "Sigmoid")], "BinaryCrossEntropy", 5),
    ]
    # 5 -> 7 -> 3 with the same activation in both layers, under MSE and MAE (unrolled: 35 and 21 weights).
    activations = [
        ("Identity", "Identity", None), ("Sigmoid", "Sigmoid", None), ("Tanh", "Tanh", None),
        ("ReLU", "ReLU", None), ("LeakyReLU", "LeakyReLU", None), ("LeakyReLU02", "LeakyReLU", 0.2),
        ("ELU", "ELU", None), ("ELU05", "ELU", 0.5), ("SELU", "SELU", None),
    ]
    for short, loss in (("Mse", "MeanSquaredError"), ("Mae", "MeanAbsoluteError")):
        for label, activation, alpha in activations:
            nets.append(network(f"Torch573{label}{short}", 5, [layer(7, activation, alpha), layer(3, activation, alpha)], loss, 3))
        nets.append(network(f"Torch573TanhSoftmax{short}", 5, [layer(7, "Tanh"), layer(3, "Softmax")], loss, 3))
    # 33-wide layers: the generator's loop code (198 and 132 weights, over the 64-weight unroll limit).
    nets += [
        network("Torch6334ReLUSoftmaxCce", 6, [layer(33, "ReLU"), layer(4, "Softmax")], "CategoricalCrossEntropy", 5),
        network("Torch6335SELUSigmoidBce", 6, [layer(33, "SELU"), layer(5, "Sigmoid")], "BinaryCrossEntropy", 2),
        network("Torch6334LeakyReLU02Mse", 6, [layer(33, "LeakyReLU", 0.2), layer(4)], "MeanSquaredError", 1),
        network("Torch6334ELU05TanhMae", 6, [layer(33, "ELU", 0.5), layer(4, "Tanh")], "MeanAbsoluteError", 9),
        network("Torch633334TanhELUSoftmaxCce", 6, [layer(33, "Tanh"), layer(33, "ELU"), layer(4, "Softmax")], "CategoricalCrossEntropy", 17),
    ]
    return nets


def activation_module(spec):
    kind, alpha = spec["activation"], spec["alpha"]
    if kind == "Identity":
        return nn.Identity()
    if kind == "Sigmoid":
        return nn.Sigmoid()
    if kind == "Tanh":
        return nn.Tanh()
    if kind == "ReLU":
        return nn.ReLU()
    if kind == "LeakyReLU":
        return nn.LeakyReLU(0.01 if alpha is None else alpha)
    if kind == "ELU":
        return nn.ELU(1.0 if alpha is None else alpha)
    if kind == "SELU":
        return nn.SELU()
    if kind == "Softmax":
        return nn.Softmax(dim=1)
    raise ValueError(kind)


def data(net):
    sizes, fan_in = [], net["input"]
    for spec in net["layers"]:
        sizes.append((spec["units"], fan_in))
        fan_in = spec["units"]
    count = sum(units * fan + units for units, fan in sizes)
    outputs = net["layers"][-1]["units"]
    n = net["batch"]
    p = [f32(0.5 * math.sin(1.7 * i + 0.3)) for i in range(count)]
    x = [f32(math.sin(0.9 * j + 1.1)) for j in range(n * net["input"])]
    if net["loss"] in ("MeanSquaredError", "MeanAbsoluteError"):
        t = [f32(0.8 * math.cos(1.3 * j + 0.5)) for j in range(n * outputs)]
    else:
        t = [f32(0.5 + 0.5 * math.cos(1.3 * j + 0.5)) for j in range(n * outputs)]
    return sizes, p, x, t


def run(net):
    sizes, p, x, t = data(net)
    n, outputs = net["batch"], net["layers"][-1]["units"]
    linears, offset = [], 0
    for units, fan_in in sizes:
        linear = nn.Linear(fan_in, units).double()
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(p[offset:offset + units * fan_in], dtype=torch.float64).reshape(units, fan_in))
            offset += units * fan_in
            linear.bias.copy_(torch.tensor(p[offset:offset + units], dtype=torch.float64))
            offset += units
        linears.append(linear)

    a = torch.tensor(x, dtype=torch.float64).reshape(n, net["input"])
    margin = math.inf
    for linear, spec in zip(linears, net["layers"]):
        z = linear(a)
        if spec["activation"] in KINKED:
            margin = min(margin, z.detach().abs().min().item())
        a = activation_module(spec)(z)
    logits, y = z, a

    target = torch.tensor(t, dtype=torch.float64).reshape(n, outputs)
    loss_fn = LOSSES[net["loss"]]()
    loss = loss_fn(logits, target) if net["loss"] in ("BinaryCrossEntropy", "CategoricalCrossEntropy") else loss_fn(y, target)
    if net["loss"] == "MeanAbsoluteError":
        margin = min(margin, (y - target).detach().abs().min().item())
    if margin < MARGIN:
        raise SystemExit(f"{net['name']}: a kink is {margin:.3g} from the data; float32 and float64 could take different sides")
    loss.backward()

    gradient = []
    for linear in linears:
        gradient += linear.weight.grad.reshape(-1).tolist() + linear.bias.grad.tolist()
    return dict(net, parameters=p, inputs=x, targets=t,
                outputs=y.detach().reshape(-1).tolist(), loss_value=loss.item(), gradients=gradient)


def main():
    torch.set_default_dtype(torch.float64)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "Fixtures", "torch_fixtures.json")
    fixtures = {
        "about": "Written by NnGen.Tests/Reference/torch_reference.py (see its docstring for the data formulas); do not edit.",
        "torch": torch.__version__,
        "networks": [run(net) for net in networks()],
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        # json writes floats with repr: the shortest text that reads back as the same float64.
        # One network per block and one field per line keeps diffs readable.
        f.write("{\n")
        f.write(f' "about": {json.dumps(fixtures["about"])},\n "torch": {json.dumps(fixtures["torch"])},\n "networks": [\n')
        blocks = []
        for net in fixtures["networks"]:
            blocks.append("  {\n" + ",\n".join(f"   {json.dumps(key)}: {json.dumps(value)}" for key, value in net.items()) + "\n  }")
        f.write(",\n".join(blocks))
        f.write("\n ]\n}\n")
    print(f"wrote {len(fixtures['networks'])} networks to {os.path.relpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
