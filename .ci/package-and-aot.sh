#!/usr/bin/env bash
# The NnGen packages as a user gets them, and NativeAOT:
#   1. packs NnGen.Runtime (runtime + generator) and NnGen.Gpu (the GPU host code and shared kernels, on ILGPU) into a
#      local folder feed, with a version unique to this run so that a stale NnGen in the global packages folder can
#      never stand in for it, and checks what the packages hold;
#   2. creates a fresh console project (`dotnet new console`), adds NnGen from that feed (`dotnet add package`), builds
#      and runs the README's Getting started program (the code block after its marker comment) and then
#      .ci/consumer/Program.cs with the JIT: trains XOR, saves the model; checks the generated files are where the
#      README says, and that EmbeddedXorNet's weights (.ci/consumer/embedded-xor.nngen, an AdditionalFiles item) are
#      built in: new EmbeddedXorNet() predicts as the file's network, in the JIT and the NativeAOT binary alike;
#   3. publishes the same project with PublishAot=true, fails on any trim/AOT (IL2xxx/IL3xxx) or other warning, runs
#      the native binary on the saved model and requires the JIT's predictions bit for bit, then trains in it and
#      requires the JIT's model file byte for byte;
#   4. creates a second fresh console project that adds NnGen and NnGen.Gpu (JIT only: ILGPU compiles kernels at run
#      time), builds .ci/gpu-consumer/Program.cs, checks the GPU files are generated, and runs ToGpu on ILGPU's CPU
#      accelerator for a fused and a per-layer network: one TrainStep and a Predict against the CPU network;
#   5. packs NnGen.Onnx and creates a third fresh project with NnGen and NnGen.Onnx: .ci/onnx-consumer/Program.cs embeds
#      torch's sigmoid231.onnx at build time (the packaged generator reading it with its Google.Protobuf) and must
#      predict what torch predicted, then exports, reloads and refuses another network's file at run time.
# Needs clang and zlib1g-dev for the native link; installs them (and unzip) with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { echo "== package-and-aot: $* ($(date -u +%H:%M:%S))"; }
fail() { echo "package-and-aot FAILED: $*" >&2; exit 1; }

# --- native toolchain for the NativeAOT link -------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
installed zlib1g-dev || [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

# --- a scratch folder and a version of our own -----------------------------------------------------------------------
base_version=$(dotnet msbuild NnGen.Runtime/NnGen.Runtime.csproj -getProperty:Version)
version="$base_version-ci.$(date -u +%Y%m%d%H%M%S).$$"
global_packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
work=$(mktemp -d "${TMPDIR:-/tmp}/nngen-package.XXXXXX")
cleanup() {
  rm -rf "$work"
  # The unique version would otherwise pile up in the global packages folder, one per run.
  if [ -n "$global_packages" ]; then rm -rf "${global_packages%/}/nngen/$version" "${global_packages%/}/nngen.gpu/$version"; fi
}
trap cleanup EXIT
feed="$work/feed"
app="$work/HelloNnGen"
gpu_app="$work/HelloNnGenGpu"

# --- 1. pack and inspect ---------------------------------------------------------------------------------------------
step "dotnet pack NnGen $version"
dotnet pack NnGen.Runtime/NnGen.Runtime.csproj -c Release -o "$feed" -p:Version="$version"
nupkg="$feed/NnGen.$version.nupkg"
snupkg="$feed/NnGen.$version.snupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
[ -f "$snupkg" ] || fail "no symbols package $snupkg"
entries=$(unzip -Z1 "$nupkg")
for expected in lib/net10.0/NnGen.Runtime.dll lib/net10.0/NnGen.Runtime.xml analyzers/dotnet/cs/NnGen.Generator.dll README.md; do
  grep -qx "$expected" <<<"$entries" || fail "the package lacks $expected"
done
# Exactly three assemblies: the runtime, the generator and the Google.Protobuf it reads .onnx weights with (no
# Microsoft.CodeAnalysis, nothing else).
grep -qx analyzers/dotnet/cs/Google.Protobuf.dll <<<"$entries" || fail "the package lacks analyzers/dotnet/cs/Google.Protobuf.dll"
dlls=$(grep -c '\.dll$' <<<"$entries" || true)
[ "$dlls" -eq 3 ] || fail "the package holds $dlls assemblies, expected 3: $(grep '\.dll$' <<<"$entries" | tr '\n' ' ')"
grep -qx lib/net10.0/NnGen.Runtime.pdb <<<"$(unzip -Z1 "$snupkg")" || fail "the symbols package lacks lib/net10.0/NnGen.Runtime.pdb"
nuspec=$(unzip -p "$nupkg" NnGen.nuspec)
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "the nuspec has no MIT license expression"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "the nuspec names no readme"
grep -q '<description>' <<<"$nuspec" || fail "the nuspec has no description"
# The generator and Roslyn are build-time only: the package may not pass them on to its consumers.
if grep -E '<dependency id="(Microsoft\.CodeAnalysis|NnGen\.Generator)' <<<"$nuspec"; then fail "the package depends on the generator or Roslyn (above)"; fi
dependencies=$(grep -c '<dependency ' <<<"$nuspec" || true)
echo "package ok: $(wc -c <"$nupkg") bytes, $(grep -c . <<<"$entries") entries, $dependencies dependencies"

step "dotnet pack NnGen.Gpu $version"
dotnet pack NnGen.Gpu/NnGen.Gpu.csproj -c Release -o "$feed" -p:Version="$version"
gpu_nupkg="$feed/NnGen.Gpu.$version.nupkg"
[ -f "$gpu_nupkg" ] || fail "no $gpu_nupkg"
[ -f "$feed/NnGen.Gpu.$version.snupkg" ] || fail "no symbols package NnGen.Gpu.$version.snupkg"
gpu_entries=$(unzip -Z1 "$gpu_nupkg")
for expected in lib/net10.0/NnGen.Gpu.dll lib/net10.0/NnGen.Gpu.xml README.md; do
  grep -qx "$expected" <<<"$gpu_entries" || fail "NnGen.Gpu lacks $expected"
done
# One assembly: NnGen.Gpu itself; the runtime, the generator and ILGPU come as dependencies.
gpu_dlls=$(grep -c '\.dll$' <<<"$gpu_entries" || true)
[ "$gpu_dlls" -eq 1 ] || fail "NnGen.Gpu holds $gpu_dlls assemblies, expected 1: $(grep '\.dll$' <<<"$gpu_entries" | tr '\n' ' ')"
gpu_nuspec=$(unzip -p "$gpu_nupkg" NnGen.Gpu.nuspec)
# It depends on this very NnGen, analyzers included (so that adding NnGen.Gpu alone brings the generator), and on ILGPU.
grep -Eq "<dependency id=\"NnGen\" version=\"$version\" include=\"All\" */>" <<<"$gpu_nuspec" \
  || fail "NnGen.Gpu does not depend on NnGen $version with all its assets: $(grep '<dependency ' <<<"$gpu_nuspec")"
grep -q '<dependency id="ILGPU" version="1\.' <<<"$gpu_nuspec" || fail "NnGen.Gpu does not depend on ILGPU 1.x"
grep -q '<license type="expression">MIT</license>' <<<"$gpu_nuspec" || fail "the NnGen.Gpu nuspec has no MIT license expression"
echo "NnGen.Gpu package ok: $(wc -c <"$gpu_nupkg") bytes, $(grep -c '<dependency ' <<<"$gpu_nuspec") dependencies"

step "dotnet pack NnGen.Onnx $version"
dotnet pack NnGen.Onnx/NnGen.Onnx.csproj -c Release -o "$feed" -p:Version="$version"
onnx_nupkg="$feed/NnGen.Onnx.$version.nupkg"
[ -f "$onnx_nupkg" ] || fail "no $onnx_nupkg"
onnx_entries=$(unzip -Z1 "$onnx_nupkg")
for expected in lib/net10.0/NnGen.Onnx.dll lib/net10.0/NnGen.Onnx.xml README.md; do
  grep -qx "$expected" <<<"$onnx_entries" || fail "NnGen.Onnx lacks $expected"
done
onnx_dlls=$(grep -c '\.dll$' <<<"$onnx_entries" || true)
[ "$onnx_dlls" -eq 1 ] || fail "NnGen.Onnx holds $onnx_dlls assemblies, expected 1: $(grep '\.dll$' <<<"$onnx_entries" | tr '\n' ' ')"
onnx_nuspec=$(unzip -p "$onnx_nupkg" NnGen.Onnx.nuspec)
grep -Eq "<dependency id=\"NnGen\" version=\"$version\" include=\"All\" */>" <<<"$onnx_nuspec" \
  || fail "NnGen.Onnx does not depend on NnGen $version with all its assets: $(grep '<dependency ' <<<"$onnx_nuspec")"
grep -q '<dependency id="Google.Protobuf" version="3\.' <<<"$onnx_nuspec" || fail "NnGen.Onnx does not depend on Google.Protobuf 3.x"
if grep -q 'Grpc.Tools' <<<"$onnx_nuspec"; then fail "NnGen.Onnx passes Grpc.Tools (build only) on to its consumers"; fi
echo "NnGen.Onnx package ok: $(wc -c <"$onnx_nupkg") bytes, $(grep -c '<dependency ' <<<"$onnx_nuspec") dependencies"

# --- 2. a fresh consumer, from the folder feed -----------------------------------------------------------------------
step "fresh console project from the folder feed"
dotnet new console -o "$app" --no-restore >/dev/null
# The machine's own sources (read before our nuget.config exists), plus the folder feed; NnGen may come from the feed only.
sources=$(cd "$work" && dotnet nuget list source | awk '
  /^ *[0-9]+\. .*\[Enabled\]/ { name = $2; next }
  name != "" && NF == 1 { print name "\t" $1; name = "" }')
[ -n "$sources" ] || sources=$'nuget.org\thttps://api.nuget.org/v3/index.json'
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"nngen-local\" value=\"$feed\" />"
  while IFS=$'\t' read -r name url; do echo "    <add key=\"$name\" value=\"$url\" />"; done <<<"$sources"
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="nngen-local"><package pattern="NnGen" /><package pattern="NnGen.Gpu" /><package pattern="NnGen.Onnx" /></packageSource>'
  while IFS=$'\t' read -r name url; do echo "    <packageSource key=\"$name\"><package pattern=\"*\" /></packageSource>"; done <<<"$sources"
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$app/nuget.config"
cat "$app/nuget.config"
dotnet add "$app" package NnGen --version "$version"
grep -q "Include=\"NnGen\" Version=\"$version\"" "$app/HelloNnGen.csproj" || fail "dotnet add package did not reference NnGen $version"
bin="$app/bin/Release/net10.0"
generated="$app/obj/Release/net10.0/generated/NnGen.Generator/NnGen.Generator.NetworkGenerator"

step "the README's Getting started program"
awk '/^<!-- \.ci\/package-and-aot\.sh builds and runs the next code block/ { armed = 1; next }
     armed && /^```csharp$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside { print }' README.md >"$app/Program.cs"
[ -s "$app/Program.cs" ] || fail "README.md has no code block marked for .ci/package-and-aot.sh (Getting started)"
dotnet build "$app" -c Release -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true
# The README says where EmitCompilerGeneratedFiles puts the generated file.
[ -f "$generated/Regression.g.cs" ] || fail "no ${generated#"$app/"}/Regression.g.cs, where the README says it is"
(cd "$app" && dotnet bin/Release/net10.0/HelloNnGen.dll) | tee "$work/readme.txt"
mse=$(sed -n 's/^test MSE: //p' "$work/readme.txt")
[ -n "$mse" ] && awk -v m="$mse" 'BEGIN { exit !(m < 0.01) }' || fail "the README program's test MSE is '$mse', not below 0.01"
grep -q 'the reloaded network says' "$work/readme.txt" || fail "the README program did not reload its model"

step "JIT build and training"
cp .ci/consumer/Program.cs "$app/Program.cs"
# EmbeddedXorNet's weights, built into the binary: the model file is an AdditionalFiles item of the project.
cp .ci/consumer/embedded-xor.nngen "$app/embedded-xor.nngen"
sed -i 's#</Project>#  <ItemGroup>\n    <AdditionalFiles Include="embedded-xor.nngen" />\n  </ItemGroup>\n</Project>#' "$app/HelloNnGen.csproj"
grep -q '<AdditionalFiles Include="embedded-xor.nngen" />' "$app/HelloNnGen.csproj" || fail "could not list embedded-xor.nngen as AdditionalFiles"
dotnet build "$app" -c Release -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true
[ -f "$generated/XorNet.g.cs" ] || fail "EmitCompilerGeneratedFiles wrote no XorNet.g.cs"
[ -f "$generated/EmbeddedXorNet.Weights.g.cs" ] || fail "no EmbeddedXorNet.Weights.g.cs: the weights were not embedded"
# Without NnGen.Gpu the generator emits no GPU code, and nothing pulls NnGen.Gpu or ILGPU in.
if compgen -G "$generated/*.Gpu.g.cs" >/dev/null; then fail "a consumer without NnGen.Gpu got GPU code: $(ls "$generated")"; fi
for leaked in Microsoft.CodeAnalysis NnGen.Generator NnGen.Gpu ILGPU; do
  if compgen -G "$bin/$leaked*.dll" >/dev/null || grep -q "$leaked" "$bin/HelloNnGen.deps.json"; then
    fail "$leaked reached the consumer's output"
  fi
done
dotnet "$bin/HelloNnGen.dll" train "$work/xor.nngen" | tee "$work/jit-train.txt"
grep -qx 'consumer ok' "$work/jit-train.txt" || fail "the JIT consumer did not finish"

# --- 3. NativeAOT ----------------------------------------------------------------------------------------------------
step "NativeAOT publish"
status=0
dotnet publish "$app" -c Release --use-current-runtime -o "$work/aot" \
  -p:PublishAot=true -p:TreatWarningsAsErrors=true -p:TrimmerSingleWarn=false >"$work/publish.log" 2>&1 || status=$?
cat "$work/publish.log"
[ "$status" -eq 0 ] || fail "dotnet publish -p:PublishAot=true exited $status"
if grep -E '(warning|error) IL[23][0-9]{3}' "$work/publish.log"; then fail "trim/AOT warnings (above)"; fi
if grep -E ': warning [A-Z]+[0-9]+' "$work/publish.log"; then fail "warnings in the AOT publish (above)"; fi
native="$work/aot/HelloNnGen"
[ -x "$native" ] || fail "no native executable $native"
[ ! -e "$work/aot/HelloNnGen.dll" ] || fail "the publish folder holds a managed HelloNnGen.dll: not a NativeAOT build"
echo "native executable: $(wc -c <"$native") bytes, 0 trim/AOT warnings"

step "NativeAOT: load the JIT's model and predict"
"$native" predict "$work/xor.nngen" | tee "$work/aot-predict.txt"
grep -qx 'consumer ok' "$work/aot-predict.txt" || fail "the NativeAOT consumer did not finish"
grep -q '^embedded weights: ' "$work/aot-predict.txt" || fail "the NativeAOT consumer did not check its embedded weights"
[ ! -e "$work/aot/embedded-xor.nngen" ] || fail "the embedded model file was copied beside the binary: it must be in it"
grep -q '^NnGen consumer (NativeAOT)' "$work/aot-predict.txt" || fail "the published binary does not run as NativeAOT"
diff <(grep '^prediction' "$work/jit-train.txt") <(grep '^prediction' "$work/aot-predict.txt") \
  || fail "the NativeAOT binary predicts differently from the JIT build on the same model file"

step "NativeAOT: train, save and reload"
"$native" train "$work/xor-aot.nngen" | tee "$work/aot-train.txt"
grep -qx 'consumer ok' "$work/aot-train.txt" || fail "NativeAOT training did not finish"
# One seed, one result: the native binary trains to the very parameters the JIT build trained to.
cmp "$work/xor.nngen" "$work/xor-aot.nngen" || fail "NativeAOT training saved another model than JIT training"

# --- 4. a GPU consumer (JIT), from the folder feed ------------------------------------------------------------------
step "fresh console project with NnGen and NnGen.Gpu"
dotnet new console -o "$gpu_app" --no-restore >/dev/null
cp "$app/nuget.config" "$gpu_app/nuget.config"
dotnet add "$gpu_app" package NnGen --version "$version"
dotnet add "$gpu_app" package NnGen.Gpu --version "$version"
grep -q "Include=\"NnGen.Gpu\" Version=\"$version\"" "$gpu_app/HelloNnGenGpu.csproj" || fail "dotnet add package did not reference NnGen.Gpu $version"
cp .ci/gpu-consumer/Program.cs "$gpu_app/Program.cs"
dotnet build "$gpu_app" -c Release -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true
gpu_bin="$gpu_app/bin/Release/net10.0"
gpu_generated="$gpu_app/obj/Release/net10.0/generated/NnGen.Generator/NnGen.Generator.NetworkGenerator"
for network in TinyGpuNet WideGpuNet; do
  [ -f "$gpu_generated/$network.g.cs" ] || fail "no $network.g.cs in the GPU consumer"
  [ -f "$gpu_generated/$network.Gpu.g.cs" ] || fail "the GPU consumer got no $network.Gpu.g.cs: $(ls "$gpu_generated")"
  grep -q 'public sealed class Gpu : global::NnGen.Gpu.GpuNetwork' "$gpu_generated/$network.Gpu.g.cs" || fail "$network.Gpu does not derive from NnGen.Gpu.GpuNetwork"
done
for assembly in NnGen.Runtime NnGen.Gpu ILGPU; do
  [ -f "$gpu_bin/$assembly.dll" ] || fail "$assembly.dll is not in the GPU consumer's output"
done
for leaked in Microsoft.CodeAnalysis NnGen.Generator; do
  if compgen -G "$gpu_bin/$leaked*.dll" >/dev/null; then fail "$leaked reached the GPU consumer's output"; fi
done
step "GPU consumer on ILGPU's CPU accelerator"
dotnet "$gpu_bin/HelloNnGenGpu.dll" | tee "$work/gpu.txt"
grep -qx 'gpu consumer ok' "$work/gpu.txt" || fail "the GPU consumer did not finish"

# --- 5. an ONNX consumer (JIT), from the folder feed -----------------------------------------------------------------
step "fresh console project with NnGen and NnGen.Onnx"
onnx_app="$work/HelloNnGenOnnx"
dotnet new console -o "$onnx_app" --no-restore >/dev/null
cp "$app/nuget.config" "$onnx_app/nuget.config"
dotnet add "$onnx_app" package NnGen --version "$version"
dotnet add "$onnx_app" package NnGen.Onnx --version "$version"
cp .ci/onnx-consumer/Program.cs "$onnx_app/Program.cs"
cp .ci/onnx-consumer/sigmoid231.onnx "$onnx_app/sigmoid231.onnx"
# the model is built in at compile time (AdditionalFiles) and also copied beside the program for LoadOnnx at run time
sed -i 's#</Project>#  <ItemGroup>\n    <AdditionalFiles Include="sigmoid231.onnx" />\n    <None Include="sigmoid231.onnx" CopyToOutputDirectory="PreserveNewest" />\n  </ItemGroup>\n</Project>#' "$onnx_app/HelloNnGenOnnx.csproj"
dotnet build "$onnx_app" -c Release -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true
onnx_generated="$onnx_app/obj/Release/net10.0/generated/NnGen.Generator/NnGen.Generator.NetworkGenerator"
for file in Torch231.Weights.g.cs Torch231.Onnx.g.cs Plain231.Onnx.g.cs; do
  [ -f "$onnx_generated/$file" ] || fail "the ONNX consumer got no $file: $(ls "$onnx_generated")"
done
step "ONNX consumer"
dotnet "$onnx_app/bin/Release/net10.0/HelloNnGenOnnx.dll" | tee "$work/onnx.txt"
grep -qx 'onnx consumer ok' "$work/onnx.txt" || fail "the ONNX consumer did not finish"

echo "package-and-aot: NnGen, NnGen.Gpu and NnGen.Onnx $version packed, consumed from a folder feed, JIT, NativeAOT, GPU and ONNX consumers passed"
