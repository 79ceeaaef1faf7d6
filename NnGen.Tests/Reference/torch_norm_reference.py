#!/usr/bin/python3
"""PyTorch reference fixtures for NnGen's BatchNorm, LayerNorm and L1/L2 penalty checks.

Run from the repository root with Debian's python3-torch (the pyenv python3 on PATH has no torch):

    /usr/bin/python3 NnGen.Tests/Reference/torch_norm_reference.py

It writes NnGen.Tests/Reference/Fixtures/torch_norm_fixtures.json, which is committed: the C# test
(NnGen.Tests/GradientChecks/NormTorchFixtureTests.cs) only reads it, so CI needs no torch.

Networks. Each fixture names a C# network class of the same name and shape (GradientChecks/LayeredNetworks): a list
of layers in NnGen's order, "Dense" (nn.Linear, then the activation), "BatchNorm" (nn.BatchNorm1d(units, eps,
momentum), then the activation) and "LayerNorm" (nn.LayerNorm(units, eps), then the activation), with the activations
of torch_reference.py. Options are the float32 values the C# attributes hold (f32 below), as doubles: Alpha, Epsilon
(default f32(1e-5)), Momentum (default f32(0.1)), L1, L2. The L1/L2 penalty, which PyTorch does not have as such, is
written out in the loss: loss + sum over Dense layers of l1 * |W|.sum() + l2 * (W ** 2).sum(), each layer with its
own l1, l2 (the network's unless the layer names its own); autograd differentiates it (d|w|/dw = sign(w)).

Deterministic data, for P parameters in NnGen's layout (per layer: Dense W[o * fanIn + i] (nn.Linear.weight
row-major) then b[o]; BatchNorm and LayerNorm gamma[units] (.weight) then beta[units] (.bias)), a batch of n samples
with I inputs and O outputs (row-major [n][I] and [n][O]):

    p[i]    = f32(0.5 * sin(1.7 * i + 0.3))                    i = 0 .. P - 1
    x[j]    = f32(sin(0.9 * j + 1.1))                          the training batch, j = 0 .. n*I - 1
    t[j]    = f32(0.8 * cos(1.3 * j + 0.5))                    j = 0 .. n*O - 1 (MSE, MAE)
            = f32(0.5 + 0.5 * cos(1.3 * j + 0.5))              (BCE, CCE: probabilities, rows need not sum to 1)
    x_k[j]  = f32(sin(0.9 * j + 1.1 + 0.7 * k))                running-statistics batch k = 0, 1, 2 of n, n + 3, 2 samples
                                                               (batch 0 is the training batch)
    xi[j]   = f32(sin(0.37 * j + 0.2))                         the inference batch of 4 samples
    ti[j]   = f32(0.8 * cos(1.1 * j + 0.9)), or f32(0.5 + 0.5 * cos(1.1 * j + 0.9)) for BCE and CCE

PyTorch computes in float64 on exactly these values. Each fixture holds:
  train_outputs, train_loss, gradients: model.train(), one forward pass of (x, t), the loss (plus penalty) and
      autograd's gradient in p's layout;
  running_states: a fresh copy of the model, model.train(), forward passes of x_0, x_1, x_2 (no gradient); after each,
      the running statistics in NnGen's State layout (per BatchNorm layer its running_mean, then its running_var;
      PyTorch starts them at 0 and 1 and updates them with the unbiased batch variance);
  inference_outputs, inference_loss: that copy in model.eval(), on (xi, ti), the loss plus penalty.
"""

import copy
import json
import math
import os
import sys

import numpy as np
import torch
from torch import nn

LOSSES = {
    "MeanSquaredError": nn.MSELoss,
    "MeanAbsoluteError": nn.L1Loss,
    "BinaryCrossEntropy": nn.BCEWithLogitsLoss,
    "CategoricalCrossEntropy": nn.CrossEntropyLoss,
}

KINKED = {"ReLU", "LeakyReLU", "ELU", "SELU"}
MARGIN = 1e-4
INFERENCE_BATCH = 4


def f32(value):
    return float(np.float32(value))


def dense(units, activation="Identity", alpha=None, l1=None, l2=None):
    return {"kind": "Dense", "units": units, "activation": activation, "alpha": None if alpha is None else f32(alpha),
            "l1": None if l1 is None else f32(l1), "l2": None if l2 is None else f32(l2)}


def batch_norm(activation="Identity", alpha=None, momentum=0.1, epsilon=1e-5):
    return {"kind": "BatchNorm", "activation": activation, "alpha": None if alpha is None else f32(alpha),
            "momentum": f32(momentum), "epsilon": f32(epsilon)}


def layer_norm(activation="Identity", alpha=None, epsilon=1e-5):
    return {"kind": "LayerNorm", "activation": activation, "alpha": None if alpha is None else f32(alpha), "epsilon": f32(epsilon)}


def network(name, inputs, layers, loss, batch, l1=0.0, l2=0.0):
    return {"name": name, "input": inputs, "layers": layers, "loss": loss, "batch": batch, "l1": f32(l1), "l2": f32(l2)}


def networks():
    """The fixtures: the C# test declares a network class of each name with the same shape."""
    return [
        network("TorchBnReLU", 4, [dense(7), batch_norm("ReLU"), dense(3, "Softmax")], "CategoricalCrossEntropy", 5),
        network("TorchBnInputsTanh", 3, [batch_norm("Tanh", momentum=0.3, epsilon=1e-3), dense(2)], "MeanSquaredError", 6),
        network("TorchBnWidth1", 2, [dense(1), batch_norm("Sigmoid"), dense(2)], "MeanSquaredError", 2),
        network("TorchLnElu", 5, [dense(7), layer_norm("ELU", alpha=0.5), dense(3)], "MeanAbsoluteError", 4),
        network("TorchLn33Selu", 6, [dense(33), layer_norm("SELU", epsilon=1e-3), dense(4, "Sigmoid")], "BinaryCrossEntropy", 3),
        network("TorchDeepMix", 5, [dense(7), batch_norm("Tanh"), dense(33), layer_norm("LeakyReLU", alpha=0.2), dense(6),
                                    batch_norm(momentum=0.5), dense(3)], "MeanSquaredError", 17),
        network("TorchBnPenalty", 6, [dense(33, l2=0.02), batch_norm("SELU"), dense(2)], "MeanSquaredError", 9, l1=0.01, l2=0.005),
    ]


def activation_module(kind, alpha):
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


def resolve(net):
    """Fills in units of the normalizations, the per-layer penalties, and returns (modules, parameter count)."""
    modules, width, count = [], net["input"], 0
    for spec in net["layers"]:
        if spec["kind"] == "Dense":
            spec["l1"] = net["l1"] if spec["l1"] is None else spec["l1"]
            spec["l2"] = net["l2"] if spec["l2"] is None else spec["l2"]
            module = nn.Linear(width, spec["units"]).double()
            count += spec["units"] * width + spec["units"]
            width = spec["units"]
        else:
            spec["units"] = width
            if spec["kind"] == "BatchNorm":
                module = nn.BatchNorm1d(width, eps=spec["epsilon"], momentum=spec["momentum"]).double()
            else:
                module = nn.LayerNorm(width, eps=spec["epsilon"]).double()
            count += 2 * width
        modules.append(module)
    return modules, count


def load(modules, p):
    offset = 0
    with torch.no_grad():
        for module in modules:
            weight, bias = module.weight, module.bias
            weight.copy_(torch.tensor(p[offset:offset + weight.numel()]).reshape(weight.shape))
            offset += weight.numel()
            bias.copy_(torch.tensor(p[offset:offset + bias.numel()]))
            offset += bias.numel()


def forward(net, modules, x, n):
    """Returns (logits, outputs, smallest |z| at a kinked activation)."""
    a = torch.tensor(x).reshape(n, net["input"])
    margin = math.inf
    for module, spec in zip(modules, net["layers"]):
        z = module(a)
        if spec["activation"] in KINKED:
            margin = min(margin, z.detach().abs().min().item())
        a = activation_module(spec["activation"], spec["alpha"])(z)
    return z, a, margin


def loss_of(net, modules, logits, y, t, n):
    outputs = net["layers"][-1]["units"]
    target = torch.tensor(t).reshape(n, outputs)
    fn = LOSSES[net["loss"]]()
    loss = fn(logits, target) if net["loss"] in ("BinaryCrossEntropy", "CategoricalCrossEntropy") else fn(y, target)
    for module, spec in zip(modules, net["layers"]):
        if spec["kind"] == "Dense":
            loss = loss + spec["l1"] * module.weight.abs().sum() + spec["l2"] * (module.weight ** 2).sum()
    margin = (y - target).detach().abs().min().item() if net["loss"] == "MeanAbsoluteError" else math.inf
    return loss, margin


def targets(net, count, a, b):
    if net["loss"] in ("MeanSquaredError", "MeanAbsoluteError"):
        return [f32(0.8 * math.cos(a * j + b)) for j in range(count)]
    return [f32(0.5 + 0.5 * math.cos(a * j + b)) for j in range(count)]


def state_of(modules, net):
    state = []
    for module, spec in zip(modules, net["layers"]):
        if spec["kind"] == "BatchNorm":
            state += module.running_mean.tolist() + module.running_var.tolist()
    return state


def run(net):
    modules, count = resolve(net)
    n, inputs, outputs = net["batch"], net["input"], net["layers"][-1]["units"]
    p = [f32(0.5 * math.sin(1.7 * i + 0.3)) for i in range(count)]
    x = [f32(math.sin(0.9 * j + 1.1)) for j in range(n * inputs)]
    t = targets(net, n * outputs, 1.3, 0.5)
    load(modules, p)
    fresh = copy.deepcopy(modules)

    for module in modules:
        module.train()
    logits, y, margin = forward(net, modules, x, n)
    loss, residual = loss_of(net, modules, logits, y, t, n)
    loss.backward()
    gradient = []
    for module in modules:
        gradient += module.weight.grad.reshape(-1).tolist() + module.bias.grad.tolist()

    sizes = [n, n + 3, 2]
    stat_batches, states = [], []
    with torch.no_grad():
        for module in fresh:
            module.train()
        for k, size in enumerate(sizes):
            xk = [f32(math.sin(0.9 * j + 1.1 + 0.7 * k)) for j in range(size * inputs)]
            _, _, m = forward(net, fresh, xk, size)
            margin = min(margin, m)
            stat_batches.append(xk)
            states.append(state_of(fresh, net))
        for module in fresh:
            module.eval()
        xi = [f32(math.sin(0.37 * j + 0.2)) for j in range(INFERENCE_BATCH * inputs)]
        ti = targets(net, INFERENCE_BATCH * outputs, 1.1, 0.9)
        logits_i, yi, m = forward(net, fresh, xi, INFERENCE_BATCH)
        loss_i, residual_i = loss_of(net, fresh, logits_i, yi, ti, INFERENCE_BATCH)
    margin = min(margin, m, residual, residual_i)
    if margin < MARGIN:
        raise SystemExit(f"{net['name']}: a kink is {margin:.3g} from the data; float32 and float64 could take different sides")

    return dict(net, parameters=p, inputs=x, targets=t,
                train_outputs=y.detach().reshape(-1).tolist(), train_loss=loss.item(), gradients=gradient,
                stat_batches=stat_batches, running_states=states,
                inference_inputs=xi, inference_targets=ti,
                inference_outputs=yi.reshape(-1).tolist(), inference_loss=loss_i.item())


def main():
    torch.set_default_dtype(torch.float64)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "Fixtures", "torch_norm_fixtures.json")
    fixtures = [run(net) for net in networks()]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        # json writes floats with repr: the shortest text that reads back as the same float64.
        f.write("{\n")
        about = "Written by NnGen.Tests/Reference/torch_norm_reference.py (see its docstring for the data formulas); do not edit."
        f.write(f' "about": {json.dumps(about)},\n "torch": {json.dumps(torch.__version__)},\n "networks": [\n')
        blocks = []
        for net in fixtures:
            blocks.append("  {\n" + ",\n".join(f"   {json.dumps(key)}: {json.dumps(value)}" for key, value in net.items()) + "\n  }")
        f.write(",\n".join(blocks))
        f.write("\n ]\n}\n")
    print(f"wrote {len(fixtures)} networks to {os.path.relpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
