#!/usr/bin/env python3
"""NnGen vs PyTorch vs ONNX Runtime vs the in-suite baseline, as a Markdown table (standard library only).

Usage: compare_table.py --torch TORCH.jsonl --nngen NNGEN.jsonl [--ort ORT.jsonl] [--note TEXT]...
  TORCH.jsonl  lines of ../shared/peers/run_all.sh (torch_mlp.py --json)
  NNGEN.jsonl  lines of `NnGen.Benchmarks --quick --json` (field "impl": "nngen" or "baseline")
  ORT.jsonl    lines of ../shared/peers/onnxruntime/run.sh (inference only: infer_b1_ns, infer_b256_samples_per_s);
               without it (or empty) the ONNX Runtime columns are left out
Each cell is median (min-max) of the repeats. "NnGen vs X" columns are ratios of medians, > 1 when NnGen is
faster: throughput_nngen / throughput_other, or latency_other / latency_nngen. PyTorch's figure is its
headline one (the faster of eager and TorchScript, mode in brackets).
"""
import argparse
import json
import sys

FIGURES = [  # field, label, higher is better
    ("train_samples_per_s", "train samples/s", True),
    ("infer_b1_ns", "infer batch 1, ns", False),
    ("infer_b256_samples_per_s", "infer batch 256, samples/s", True),
]
ALLOC = {"train_samples_per_s": "train_alloc_bytes_per_step", "infer_b1_ns": "infer_b1_alloc_bytes_per_call",
         "infer_b256_samples_per_s": "infer_b256_alloc_bytes_per_call"}


def read(path):
    if not path:
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def num(v):
    """Compact: 3 significant digits with k/M/G from 10,000 up, else an integer with separators."""
    for div, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= 10 * div if unit == "k" else abs(v) >= div:
            return f"{v / div:.3g}{unit}"
    return f"{v:,.0f}" if abs(v) >= 10 else f"{v:.3g}"


def cell(d, extra=""):
    if not d:
        return "-"
    return f"{num(d['median'])} ({num(d['min'])}-{num(d['max'])}){extra}"


def ratio(ours, other, higher_better):
    if not ours or not other or not ours["median"] or not other["median"]:
        return "-"
    r = ours["median"] / other["median"] if higher_better else other["median"] / ours["median"]
    return f"{r:,.0f}x" if r >= 100 else f"{r:.2f}x" if r < 10 else f"{r:.1f}x"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--torch", required=True)
    ap.add_argument("--nngen", required=True)
    ap.add_argument("--ort", help="ONNX Runtime peer lines (optional)")
    ap.add_argument("--note", action="append", default=[], help="a line printed under the table")
    args = ap.parse_args()
    torch = {r["net"]: r for r in read(args.torch)}
    ort = {r["net"]: r for r in read(args.ort)}
    ours = {}
    for r in read(args.nngen):
        ours.setdefault(r["net"], {})[r.get("impl", "nngen")] = r
    nets = list(dict.fromkeys(list(ours) + list(torch) + list(ort)))

    cols = ["net", "figure", "NnGen", "baseline (C#)", "PyTorch"] + (["ONNX Runtime"] if ort else []) + \
        ["NnGen vs PyTorch"] + (["NnGen vs ORT"] if ort else []) + ["NnGen vs baseline", "NnGen alloc B/call"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * 2 + "---:|" * (len(cols) - 2))
    for net in nets:
        n = ours.get(net, {}).get("nngen", {})
        b = ours.get(net, {}).get("baseline", {})
        t = torch.get(net, {})
        o = ort.get(net, {})
        for i, (field, label, higher) in enumerate(FIGURES):
            tf = t.get(field)
            mode = f" [{tf['mode']}]" if tf and "mode" in tf else ""
            alloc = n.get(ALLOC[field])
            row = [net if i == 0 else "", label, cell(n.get(field)), cell(b.get(field)), cell(tf, mode)]
            if ort:
                row.append(cell(o.get(field)))
            row.append(ratio(n.get(field), tf, higher))
            if ort:
                row.append(ratio(n.get(field), o.get(field), higher))
            row += [ratio(n.get(field), b.get(field), higher), "-" if alloc is None else f"{alloc:g}"]
            print("| " + " | ".join(row) + " |")

    print()
    any_t = next(iter(torch.values()), {})
    any_n = next((r for impls in ours.values() for r in impls.values()), {})
    if any_t:
        blas = ", ".join(p.rsplit("/", 1)[-1] for p in any_t.get("blas", [])) or "?"
        print(f"PyTorch {any_t.get('torch', '?')}, {any_t.get('threads', '?')} threads, BLAS {blas}, "
              f"{any_t.get('repeats', '?')} repeats.  ")
    any_o = next(iter(ort.values()), {})
    if any_o:
        print(f"ONNX Runtime {any_o.get('ort', '?')} (C#, Microsoft.ML.OnnxRuntime, CPU), {any_o.get('threads', '?')} "
              f"intra-op threads, {any_o.get('repeats', '?')} repeats; inference only, its own kernels (MLAS) pick "
              f"their vector width from the CPU (the .NET knobs do not reach them).  ")
    if any_n:
        width = any_n.get("width")
        simd = f"vector width {width} ({any_n.get('simd', '?')})" if width is not None else any_n.get("simd", "?")
        fma = {True: ", FMA", False: ", no FMA (multiply, then add)"}.get(any_n.get("fma"), "")
        print(f"NnGen and baseline: {any_n.get('runtime', '?')}, {simd}{fma}, "
              f"{any_n.get('cores', '?')} cores, {any_n.get('repeats', '?')} repeats.  ")
    for net in nets:  # the peers must time the same shapes
        mine = ours.get(net, {}).get("nngen", {}).get("sizes")
        theirs = torch.get(net, {}).get("sizes")
        if mine and theirs and mine != theirs:
            print(f"**{net}: NnGen's sizes {mine} differ from PyTorch's {theirs}.**  ")
    datas = {net: impls["nngen"]["data"] for net, impls in ours.items() if "nngen" in impls and "data" in impls["nngen"]}
    if "fashion" in datas:
        print(f"fashion data (C#): {datas['fashion']}.  ")
    for note in args.note:
        print(note + "  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
