#!/usr/bin/env bash
# compare.sh at each vector width, for the README's table: 512 bits (NnGen's default on an AVX-512 machine), 256 bits
# and 128 bits, NnGen and the PyTorch peer held to the same width, one table per width.
#
#   NnGen.Benchmarks/widths.sh                                  all five nets, 7 repeats, the three widths (long)
#   OUT=/tmp/widths NETS="seed231" REPEATS=1 NnGen.Benchmarks/widths.sh     a quick try
#   WIDTHS="256 128" NnGen.Benchmarks/widths.sh                 some of them
#   WIDTHS="default" NnGen.Benchmarks/widths.sh                 no knobs at all (torch then takes AVX2, see below)
#
# Knobs (environment): WIDTHS (default "512 256 128"; also "default"), OUT (default a new temporary folder); THREADS,
# BLAS, REPEATS, NETS, PEERS go to compare.sh; ORT_WIDTHS (default "512 default"; "" for none) are the widths the ONNX
# Runtime peer runs at: no knob here limits ORT's kernels (MLAS picks its width from the CPU), so its figures would be
# the same at every width and one run of it is enough.
# Per width:
#   512      no .NET knob (NnGen at Simd.Width: 512 with AVX-512, else less, as the table's heading then says); torch
#            ATEN_CPU_CAPABILITY=avx512 (Debian's torch 1.13 has AVX-512 kernels but takes AVX2 unless asked) and
#            OpenBLAS's own choice of core (e.g. Cooperlake, AVX-512)
#   256      DOTNET_EnableAVX512=0; torch ATEN_CPU_CAPABILITY=avx2, OPENBLAS_CORETYPE=Haswell (AVX2+FMA kernels)
#   128      DOTNET_EnableAVX=0 (SSE only, no FMA); torch ATEN_CPU_CAPABILITY=default (ATen's SSE build; torch calls
#            it "NO AVX"), OPENBLAS_CORETYPE=Nehalem (SSE kernels)
#   default  no knobs at all: NnGen at Simd.Width, torch at its own choice (ATen AVX2, OpenBLAS the CPU's core)
#   (ONEDNN_MAX_CPU_ISA is set too, to AVX2 and SSE41, in case a torch op takes oneDNN's path.)
# The SIMD knobs already in the environment (DOTNET_EnableAVX512, DOTNET_EnableAVX512F, DOTNET_EnableAVX,
# DOTNET_EnableHWIntrinsic, ATEN_CPU_CAPABILITY, OPENBLAS_CORETYPE, ONEDNN_MAX_CPU_ISA) are cleared first, so each
# width gets only its own (a preset OPENBLAS_CORETYPE=Haswell would hold torch's BLAS at 256 bits).
# Writes OUT/WIDTH/{torch,ort,nngen}.jsonl and table.md (compare.sh's) and OUT/tables.md, every table under a heading
# with the width NnGen actually ran at; a width NnGen did not run at is reported there, and a knob that left NnGen
# wider than asked also on stderr and in the exit code.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${OUT:-$(mktemp -d -t nngen-widths.XXXXXX)}
mkdir -p "$out"
widths=${WIDTHS:-"512 256 128"}
ort_widths=${ORT_WIDTHS-"512 default"}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
: > "$out/tables.md"
cleared=(-u DOTNET_EnableAVX512 -u DOTNET_EnableAVX512F -u DOTNET_EnableAVX -u DOTNET_EnableHWIntrinsic
         -u ATEN_CPU_CAPABILITY -u OPENBLAS_CORETYPE -u ONEDNN_MAX_CPU_ISA)
echo "widths.sh: building NnGen.Benchmarks (Release) ..." >&2
(cd "$here/.." && dotnet build NnGen.Benchmarks/NnGen.Benchmarks.csproj -c Release -nologo -v q -clp:NoSummary >&2)
status=0
for w in $widths; do
  case "$w" in
    512) knobs=(ATEN_CPU_CAPABILITY=avx512) ;;
    256) knobs=(DOTNET_EnableAVX512=0 ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell ONEDNN_MAX_CPU_ISA=AVX2) ;;
    128) knobs=(DOTNET_EnableAVX=0 ATEN_CPU_CAPABILITY=default OPENBLAS_CORETYPE=Nehalem ONEDNN_MAX_CPU_ISA=SSE41) ;;
    default) knobs=() ;;
    *) echo "widths.sh: WIDTHS takes 512, 256, 128 and default (not '$w')" >&2; exit 2 ;;
  esac
  ort=0
  case " $ort_widths " in *" $w "*) ort=1 ;; esac
  echo "widths.sh: width $w: ${knobs[*]:-no knobs} ..." >&2
  if ! env "${cleared[@]}" "${knobs[@]}" ORT=$ort NO_BUILD=1 OUT="$out/$w" "$here/compare.sh" > /dev/null; then
    echo "widths.sh: compare.sh failed at width $w (see above)" >&2
    status=1
    continue
  fi
  got=$("$py" -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print(lines[0].get("width", "?") if lines else "?")' "$out/$w/nngen.jsonl")
  {
    echo "## Vector width $w: NnGen ran at $got bits"
    echo
    if [ "$w" != default ] && [ "$got" != "?" ] && [ "$got" -ne "$w" ]; then
      if [ "$got" -gt "$w" ]; then echo "**NnGen ran at $got bits, not $w: ${knobs[0]} did nothing here.**"
      else echo "**NnGen ran at $got bits, not $w: this machine has no $w-bit vectors.**"; fi
      echo
    fi
    echo "Knobs: ${knobs[*]:-none}."
    echo
    cat "$out/$w/table.md"
    echo
  } >> "$out/tables.md"
  if [ "$w" != default ] && [ "$got" != "?" ] && [ "$got" -gt "$w" ]; then
    echo "widths.sh: NnGen ran at $got bits under ${knobs[0]}, not $w" >&2
    status=1
  fi
done
cat "$out/tables.md"
echo "widths.sh: the tables are in $out/tables.md (and per width in $out/WIDTH/)" >&2
exit $status
