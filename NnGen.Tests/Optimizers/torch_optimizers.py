#!/usr/bin/python3
"""Writes NnGen.Tests/Reference/Fixtures/torch_optimizers.json: torch.optim optimizers and lr schedulers
applied to deterministic data, for the NnGen optimizer and schedule tests to compare against.

Run with Debian's torch:  /usr/bin/python3 NnGen.Tests/Optimizers/torch_optimizers.py
CI has no torch; the tests read only the committed JSON.

Data (all values are exact in float32, so C# can regenerate them bit for bit):
  N = 37 parameters, STEPS = 8 steps, i = 0..N-1, t = 1..STEPS
  initial parameter  p0[i]   = ((37 * i + 11) % 101 - 50) / 64
  gradient of step t g_t[i]  = ((7 * i + 13 * t) % 23 - 11) / 8
The gradient does not depend on the parameters, so each step's input is fixed. Every case starts from p0 with a
fresh optimizer; "steps"[t-1] holds the float32 parameters after step t. Hyper-parameters are given as the Python
floats torch receives; "args" uses torch's argument names ("betas" as [beta1, beta2]); an empty "args" means
torch's defaults.

Schedules: the initial rate is the optimizer's lr; "rates"[e] is param_groups[0]["lr"] after e calls of
scheduler.step() (e = 0: before any), i.e. the rate used during epoch e. Keras' InverseTimeDecay is not in torch:
it is reproduced with LambdaLR(lambda e: 1 / (1 + decay_rate * e / decay_steps)), Keras' formula.
"""
import json
import os
import re

import torch

N = 37
STEPS = 8


def initial():
    return [((37 * i + 11) % 101 - 50) / 64 for i in range(N)]


def gradient(t):
    return [((7 * i + 13 * t) % 23 - 11) / 8 for i in range(N)]


OPTIMIZERS = [
    ("sgd", "SGD", {"lr": 0.1}),
    ("sgd-weight-decay", "SGD", {"lr": 0.1, "weight_decay": 0.05}),
    ("sgd-momentum", "SGD", {"lr": 0.05, "momentum": 0.9}),
    ("sgd-nesterov", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd-nesterov-weight-decay", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("rmsprop-defaults", "RMSprop", {}),
    ("rmsprop-momentum", "RMSprop", {"lr": 0.001, "alpha": 0.9, "eps": 1e-6, "momentum": 0.9}),
    ("rmsprop-lr-momentum", "RMSprop", {"lr": 0.003, "momentum": 0.5}),
    ("rmsprop-large-epsilon", "RMSprop", {"lr": 0.05, "alpha": 0.6, "eps": 0.3, "momentum": 0.2}),
    ("adam-defaults", "Adam", {}),
    ("adam-weight-decay", "Adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1}),
    ("adam-large-epsilon", "Adam", {"lr": 0.05, "betas": (0.5, 0.75), "eps": 0.5, "weight_decay": 0.02}),
    ("adamw-defaults", "AdamW", {}),
    ("adamw-weight-decay", "AdamW", {"lr": 0.05, "betas": (0.85, 0.95), "weight_decay": 0.1}),
    ("adamw-large-epsilon", "AdamW", {"lr": 0.05, "betas": (0.7, 0.8), "eps": 0.25, "weight_decay": 0.5}),
]

SCHEDULES = [
    ("step", "StepLR", 0.1, {"step_size": 3, "gamma": 0.5}, 15),
    ("step-default-gamma", "StepLR", 0.2, {"step_size": 4}, 15),
    ("exponential", "ExponentialLR", 0.1, {"gamma": 0.9}, 15),
    ("cosine", "CosineAnnealingLR", 0.1, {"T_max": 10, "eta_min": 0.001}, 31),
    ("cosine-to-zero", "CosineAnnealingLR", 0.05, {"T_max": 7}, 15),
    ("inverse-time", "InverseTimeDecay", 0.1, {"decay_rate": 0.5, "decay_steps": 2}, 15),
    ("inverse-time-per-epoch", "InverseTimeDecay", 0.01, {"decay_rate": 1.5}, 15),
]


def run_optimizer(kind, args):
    p = torch.nn.Parameter(torch.tensor(initial(), dtype=torch.float32))
    opt = getattr(torch.optim, kind)([p], **args)
    out = []
    for t in range(1, STEPS + 1):
        p.grad = torch.tensor(gradient(t), dtype=torch.float32)
        opt.step()
        out.append(p.detach().tolist())
    return out


def run_schedule(kind, initial_rate, args, epochs):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=initial_rate)
    if kind == "InverseTimeDecay":
        rate, steps = args["decay_rate"], args.get("decay_steps", 1)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1 / (1 + rate * e / steps))
    else:
        sched = getattr(torch.optim.lr_scheduler, kind)(opt, **args)
    rates = []
    for _ in range(epochs):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return rates


def main():
    fixture = {
        "source": "NnGen.Tests/Optimizers/torch_optimizers.py",
        "torch": torch.__version__,
        "length": N,
        "steps": STEPS,
        "initial": initial(),
        "gradients": [gradient(t) for t in range(1, STEPS + 1)],
        "optimizers": [
            {"name": name, "optimizer": kind, "args": args, "steps": run_optimizer(kind, args)}
            for name, kind, args in OPTIMIZERS
        ],
        "schedules": [
            {"name": name, "schedule": kind, "initial": lr, "args": args, "rates": run_schedule(kind, lr, args, epochs)}
            for name, kind, lr, args, epochs in SCHEDULES
        ],
    }
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "Reference", "Fixtures", "torch_optimizers.json")
    text = json.dumps(fixture, indent=1)
    # One line per list of numbers keeps the file short and its diffs readable.
    text = re.sub(r"\[\s*([-+0-9.e,\s]+?)\s*\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]", text)
    with open(path, "w") as f:
        f.write(text + "\n")
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
