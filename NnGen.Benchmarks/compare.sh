#!/usr/bin/env bash
# NnGen vs PyTorch vs the in-suite C# baseline, in one run, as a Markdown table.
#
#   NnGen.Benchmarks/compare.sh                      all five nets, 7 repeats, PyTorch with OpenBLAS and 2 threads
#   NETS="seed231 mnist128" REPEATS=3 NnGen.Benchmarks/compare.sh
#   THREADS=1 BLAS=reference NnGen.Benchmarks/compare.sh
#
# Knobs (environment): THREADS, BLAS, REPEATS, NETS are run_all.sh's (see ../shared/peers/README.md) and REPEATS/NETS
# also drive the quick mode; PEERS is the peer folder (default: ../shared/peers beside the repository root);
# OUT is a folder for torch.jsonl, nngen.jsonl and table.md (default: a new temporary folder).
# PyTorch runs first, then `NnGen.Benchmarks --quick --json` (NnGen's generated code and the baseline, after the
# baseline self-check); compare_table.py joins them. The 1-minute load average before and after is printed under the
# table: figures taken beside other work are noisy.
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
echo "compare.sh: building NnGen.Benchmarks (Release) ..." >&2
dotnet build NnGen.Benchmarks/NnGen.Benchmarks.csproj -c Release -nologo -v q -clp:NoSummary >&2
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "compare.sh: PyTorch peer ($peers/run_all.sh: THREADS=$THREADS BLAS=$BLAS REPEATS=$REPEATS) ..." >&2
"$peers/run_all.sh" > "$out/torch.jsonl"
echo "compare.sh: NnGen quick mode ..." >&2
dotnet run -c Release --no-build --project NnGen.Benchmarks -- --quick --json --repeats "$REPEATS" --net "$(echo $NETS | tr ' ' ',')" > "$out/nngen.jsonl"
load_after=$(cut -d' ' -f1 /proc/loadavg)

"$py" "$here/compare_table.py" --torch "$out/torch.jsonl" --nngen "$out/nngen.jsonl" \
  --note "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; 1-minute load average $load_before before, $load_after after." \
  --note "Reproduce: NnGen.Benchmarks/compare.sh (THREADS=$THREADS BLAS=$BLAS REPEATS=$REPEATS)." | tee "$out/table.md"
echo "compare.sh: raw lines and the table are in $out" >&2
