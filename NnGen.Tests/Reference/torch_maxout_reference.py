#!/usr/bin/python3
"""PyTorch reference fixtures for NnGen's [Maxout(units, pieces)] layer.

Run from the repository root with Debian's python3-torch (the pyenv python3 on PATH has no torch):

    /usr/bin/python3 NnGen.Tests/Reference/torch_maxout_reference.py

It writes NnGen.Tests/Reference/Fixtures/torch_maxout_fixtures.json, which is committed: the C# test
(NnGen.Tests/GradientChecks/MaxoutTorchFixtureTests.cs) only reads it, so CI needs no torch.

Maxout, as NnGen defines it: nn.Linear(fanIn, units * pieces), then y = h.view(n, units, pieces).max(dim=2).values,
so unit u is the max of the consecutive outputs h[u * pieces .. u * pieces + pieces - 1]. NnGen's parameters of the
layer are that Linear's weight ([units * pieces][fanIn], row-major) then its bias. Each fixture names a C# network
class of the same name and shape (GradientChecks/LayeredNetworks/TorchMaxoutNetworks.cs): layers "Dense" (nn.Linear,
then the activation) and "Maxout".

Deterministic data, for P parameters in NnGen's layout, a batch of n samples with I inputs and O outputs:

    p[i] = f32(0.6 * sin(1.3 * i + 0.4))                 i = 0 .. P - 1
    x[j] = f32(sin(0.7 * j + 0.9))                       j = 0 .. n*I - 1
    t[j] = f32(0.8 * cos(1.1 * j + 0.2))                 (MSE, MAE)
         = f32(0.5 + 0.5 * cos(1.1 * j + 0.2))           (BCE, CCE)

PyTorch computes in float64 on exactly these values: outputs (after the last activation), the loss (the default mean
reduction) and autograd's gradient in p's layout. The script refuses data where a unit's winning piece is within
MARGIN of another piece (a near-tie, where a float32 network could pick another winner).
"""

import json
import math
import os

import numpy as np
import torch
from torch import nn

MARGIN = 1e-3


def f32(value):
    return float(np.float32(value))


class Maxout(nn.Module):
    def __init__(self, fan_in, units, pieces):
        super().__init__()
        self.units, self.pieces = units, pieces
        self.linear = nn.Linear(fan_in, units * pieces)

    def forward(self, x):
        h = self.linear(x)
        self.last_pieces = h.detach()
        return h.view(x.shape[0], self.units, self.pieces).max(dim=2).values


ACTIVATIONS = {"Identity": nn.Identity, "Tanh": nn.Tanh, "ReLU": nn.ReLU, "Sigmoid": nn.Sigmoid, "Softmax": lambda: nn.Softmax(dim=1)}

NETWORKS = [
    # name, loss, inputs, layers, batch
    ("TorchMxCceUnrolled", "CategoricalCrossEntropy", 3, [("Maxout", 3, 2), ("Dense", 2, "Softmax")], 5),
    ("TorchMxTanhMseLoops", "MeanSquaredError", 4, [("Dense", 6, "Tanh"), ("Maxout", 5, 3), ("Dense", 3, "Identity")], 7),
    ("TorchMxTwiceBceUnrolled", "BinaryCrossEntropy", 2, [("Maxout", 4, 2), ("Maxout", 2, 3), ("Dense", 1, "Sigmoid")], 6),
    ("TorchMxReLUMaeLoops", "MeanAbsoluteError", 5, [("Maxout", 8, 2), ("Dense", 4, "ReLU"), ("Dense", 2, "Identity")], 4),
]


def build(inputs, layers):
    modules, linears, maxouts, width = [], [], [], inputs
    for index, layer in enumerate(layers):
        if layer[0] == "Maxout":
            m = Maxout(width, layer[1], layer[2])
            modules.append(m)
            linears.append(m.linear)
            maxouts.append(m)
        else:
            linear = nn.Linear(width, layer[1])
            modules.append(linear)
            linears.append(linear)
            # the last layer's Softmax or Sigmoid is applied to its logits outside the model (fused into the loss)
            last = index == len(layers) - 1
            if layer[2] != "Identity" and not (last and layer[2] in ("Softmax", "Sigmoid")):
                modules.append(ACTIVATIONS[layer[2]]())
        width = layer[1]
    return nn.Sequential(*modules).double(), linears, maxouts


def main():
    fixtures = []
    for name, loss_name, inputs, layers, n in NETWORKS:
        model, linears, maxouts = build(inputs, layers)
        count = sum(l.weight.numel() + l.bias.numel() for l in linears)
        p = [f32(0.6 * math.sin(1.3 * i + 0.4)) for i in range(count)]
        offset = 0
        with torch.no_grad():
            for l in linears:
                w = l.weight.numel()
                l.weight.copy_(torch.tensor(p[offset:offset + w], dtype=torch.float64).view_as(l.weight))
                offset += w
                b = l.bias.numel()
                l.bias.copy_(torch.tensor(p[offset:offset + b], dtype=torch.float64))
                offset += b
        outputs = layers[-1][1]
        x = [f32(math.sin(0.7 * j + 0.9)) for j in range(n * inputs)]
        probabilities = loss_name in ("BinaryCrossEntropy", "CategoricalCrossEntropy")
        t = [f32(0.5 + 0.5 * math.cos(1.1 * j + 0.2)) if probabilities else f32(0.8 * math.cos(1.1 * j + 0.2)) for j in range(n * outputs)]
        xt = torch.tensor(x, dtype=torch.float64).view(n, inputs)
        tt = torch.tensor(t, dtype=torch.float64).view(n, outputs)

        kinks = []
        for module in model:
            if isinstance(module, nn.ReLU):
                module.register_forward_hook(lambda _m, args, _out: kinks.append(args[0].abs().min().item()))
        z = model(xt)  # the last layer's pre-activation (Softmax and Sigmoid are fused into the losses)
        assert all(k > MARGIN for k in kinks), f"{name}: a ReLU input is near its kink"
        for m in maxouts:
            h = m.last_pieces.view(n, m.units, m.pieces)
            top = h.topk(2, dim=2).values
            gap = (top[:, :, 0] - top[:, :, 1]).min().item()
            assert gap > MARGIN, f"{name}: a unit's two best pieces are {gap} apart; change the data formulas"
        last = layers[-1][2]
        if loss_name == "CategoricalCrossEntropy":
            loss = nn.CrossEntropyLoss()(z, tt)
            y = torch.softmax(z, dim=1)
        elif loss_name == "BinaryCrossEntropy":
            loss = nn.BCEWithLogitsLoss()(z, tt)
            y = torch.sigmoid(z)
        else:
            y = z
            loss = (nn.MSELoss() if loss_name == "MeanSquaredError" else nn.L1Loss())(y, tt)
            if loss_name == "MeanAbsoluteError":
                assert (y - tt).abs().min().item() > MARGIN, f"{name}: an MAE residual is near its kink"
        assert last in ("Softmax", "Sigmoid", "Identity")
        model.zero_grad()
        loss.backward()
        gradients = []
        for l in linears:
            gradients += l.weight.grad.reshape(-1).tolist() + l.bias.grad.tolist()
        fixtures.append({
            "name": name,
            "loss": loss_name,
            "inputs": inputs,
            "layers": [{"kind": l[0], "units": l[1], ("pieces" if l[0] == "Maxout" else "activation"): l[2]} for l in layers],
            "batch": n,
            "parameters": p,
            "x": x,
            "t": t,
            "outputs": y.detach().reshape(-1).tolist(),
            "loss_value": loss.item(),
            "gradients": gradients,
        })
    path = os.path.join("NnGen.Tests", "Reference", "Fixtures", "torch_maxout_fixtures.json")
    with open(path, "w") as out:
        json.dump({"torch": torch.__version__, "networks": fixtures}, out, indent=1)
        out.write("\n")
    print(f"wrote {len(fixtures)} fixtures to {path}")


if __name__ == "__main__":
    main()
