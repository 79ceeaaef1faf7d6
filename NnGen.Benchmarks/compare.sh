#!/usr/bin/env bash
# NnGen vs PyTorch vs ONNX Runtime vs the in-suite C# baseline, in one run, as a Markdown table.
#
#   NnGen.Benchmarks/compare.sh                      all five nets, 7 repeats, PyTorch with OpenBLAS and 2 threads
#   NETS="seed231 mnist128" REPEATS=3 NnGen.Benchmarks/compare.sh
#   THREADS=1 BLAS=reference ORT=0 NnGen.Benchmarks/compare.sh
#
# Knobs (environment): THREADS, BLAS, REPEATS, NETS are run_all.sh's (see ../shared/peers/README.md) and REPEATS/NETS
# also drive the ONNX Runtime peer and the quick mode; ORT=0 skips the ONNX Runtime peer; PEERS is the peer folder
# (default: ../shared/peers beside the repository root); OUT is a folder for torch.jsonl, ort.jsonl, nngen.jsonl and
# table.md (default: a new temporary folder); NO_BUILD=1 skips the Release build of NnGen.Benchmarks (widths.sh
# builds once). The .NET and torch SIMD knobs (DOTNET_EnableAVX512, DOTNET_EnableAVX,
# ATEN_CPU_CAPABILITY, OPENBLAS_CORETYPE, ...) pass through the environment; widths.sh sets them per width.
# PyTorch runs first, then ONNX Runtime (onnxruntime/run.sh: export by torch, inference timed from C#; if it fails
# the table goes on without it), then `NnGen.Benchmarks --quick --json` (NnGen's generated code and the baseline,
# after the baseline self-check); compare_table.py joins them. Under the table: the vector width NnGen ran at, the
# kernels torch ran (ATen's CPU capability, OpenBLAS's core) and the 1-minute load average before and after
# (figures taken beside other work are noisy).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
peers=${PEERS:-$repo/../shared/peers}
if [ ! -x "$peers/run_all.sh" ]; then
  echo "compare.sh: no PyTorch peer at $peers/run_all.sh (set PEERS=...)" >&2
  exit 2
fi
export THREADS=${THREADS:-2} BLAS=${BLAS:-openblas} REPEATS=${REPEATS:-7}
export NETS=${NETS:-"seed231 toy42 xor mnist128 fashion"}
ORT=${ORT:-1}
out=${OUT:-$(mktemp -d -t nngen-compare.XXXXXX)}
mkdir -p "$out"
py=/usr/bin/python3; [ -x "$py" ] || py=python3
fashion_dir=/usr/share/datasets/fashion-mnist         # where torch_mlp.py reads it
case " $NETS " in
  *" fashion "*)
    if [ ! -f "$fashion_dir/train-images-idx3-ubyte.gz" ]; then
      echo "compare.sh: the fashion net needs Fashion-MNIST in $fashion_dir (apt-get install dataset-fashion-mnist)," >&2
      echo "            or leave it out: NETS=\"seed231 toy42 xor mnist128\" $0" >&2
      exit 2
    fi ;;
esac

cd "$repo"
if [ "${NO_BUILD:-0}" = 0 ]; then
  echo "compare.sh: building NnGen.Benchmarks (Release) ..." >&2
  dotnet build NnGen.Benchmarks/NnGen.Benchmarks.csproj -c Release -nologo -v q -clp:NoSummary >&2
fi
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "compare.sh: PyTorch peer ($peers/run_all.sh: THREADS=$THREADS BLAS=$BLAS REPEATS=$REPEATS) ..." >&2
"$peers/run_all.sh" > "$out/torch.jsonl"
# What torch ran at: ATen's CPU capability (ATEN_CPU_CAPABILITY) and OpenBLAS's kernels (OPENBLAS_CORETYPE), read in a
# process set up as run_all.sh sets up torch_mlp.py.
case "$BLAS" in
  openblas)  torch_libs=/usr/lib/x86_64-linux-gnu/openblas-pthread ;;
  *)         torch_libs=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack ;;
esac
torch_kernels=$(LD_LIBRARY_PATH=$torch_libs "$py" -c '
import ctypes, torch
cap = [l.split(":", 1)[1].strip() for l in torch.__config__.show().splitlines() if "CPU capability usage" in l]
core = "reference BLAS"
for path in sorted({l.split()[-1] for l in open("/proc/self/maps") if "openblas" in l.split()[-1]})[:1]:
    lib = ctypes.CDLL(path); lib.openblas_get_corename.restype = ctypes.c_char_p
    core = "OpenBLAS core " + lib.openblas_get_corename().decode()
print("ATen CPU capability " + (cap[0] if cap else "?") + ", " + core)' 2>/dev/null || echo "unknown")
ort_args=() ort_note=()
if [ "$ORT" != 0 ]; then
  if [ -x "$peers/onnxruntime/run.sh" ]; then
    echo "compare.sh: ONNX Runtime peer ($peers/onnxruntime/run.sh: THREADS=$THREADS REPEATS=$REPEATS) ..." >&2
    if MODELS="$out/onnx" NETS="$(echo $NETS | tr ' ' ',')" "$peers/onnxruntime/run.sh" > "$out/ort.jsonl" \
        && grep -q '^{' "$out/ort.jsonl"; then
      ort_args=(--ort "$out/ort.jsonl")
    else
      echo "compare.sh: the ONNX Runtime peer failed (see above); the table goes on without it." >&2
      ort_note=(--note "ONNX Runtime: the peer failed in this run (its output is on stderr), so its columns are left out.")
    fi
  else
    echo "compare.sh: no ONNX Runtime peer at $peers/onnxruntime/run.sh; the table goes on without it." >&2
    ort_note=(--note "ONNX Runtime: no peer at $peers/onnxruntime/run.sh, so its columns are left out.")
  fi
fi
echo "compare.sh: NnGen quick mode ..." >&2
dotnet run -c Release --no-build --project NnGen.Benchmarks -- --quick --json --repeats "$REPEATS" --net "$(echo $NETS | tr ' ' ',')" > "$out/nngen.jsonl"
load_after=$(cut -d' ' -f1 /proc/loadavg)

"$py" "$here/compare_table.py" --torch "$out/torch.jsonl" --nngen "$out/nngen.jsonl" "${ort_args[@]}" "${ort_note[@]}" \
  --note "PyTorch kernels: $torch_kernels$(torch_knobs=$(env | grep -E '^(ATEN_CPU_CAPABILITY|OPENBLAS_CORETYPE|ONEDNN_MAX_CPU_ISA)=' | sort | paste -sd' '); [ -z "$torch_knobs" ] || echo " ($torch_knobs)")." \
  --note "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; 1-minute load average $load_before before, $load_after after." \
  --note "Reproduce: NnGen.Benchmarks/compare.sh (THREADS=$THREADS BLAS=$BLAS REPEATS=$REPEATS ORT=$ORT$(env | grep -E '^(DOTNET_Enable[A-Za-z0-9]*|ATEN_CPU_CAPABILITY|OPENBLAS_CORETYPE|ONEDNN_MAX_CPU_ISA)=' | sort | sed 's/^/ /' | tr -d '\n'))." | tee "$out/table.md"
echo "compare.sh: raw lines and the table are in $out" >&2
