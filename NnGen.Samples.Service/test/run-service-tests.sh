#!/usr/bin/env bash
# The service's end-to-end check (called by .ci/run; by hand for the README's figures):
#   NnGen.Samples.Service/test/run-service-tests.sh [seconds per load level, default 20]
#   1. publishes NnGen.Samples.Service NativeAOT (dotnet publish -c Release -r linux-x64) and fails on any warning
#      (IL2xxx/IL3xxx trim and AOT warnings included); reports the executable's size;
#   2. checks that a missing model file stops start-up with a message and a non-zero exit;
#   3. measures start-up: from launch until GET /health answers, 5 launches (each figure and the median);
#   4. starts the server on 127.0.0.1, runs the page test in headless Chromium (page-test.mjs, playwright-core
#      driving Debian's /usr/bin/chromium) and the load test (NnGen.Samples.Service.LoadTest, a separate process:
#      concurrency 1, 16 and 64, good requests checked bit for bit, bad requests that must get a 400);
#   5. checks the server is still up, and stops it. Any failure fails the script.
# Needs clang and zlib1g-dev (native link), chromium, node and npm; installs the missing ones with apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
seconds=${1:-20}
port=${SERVICE_PORT:-5077}
url="http://127.0.0.1:$port"

step() { echo "== service: $* ($(date -u +%H:%M:%S))"; }
fail() { echo "service tests FAILED: $*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
installed zlib1g-dev || [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nngen-service.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- 1. NativeAOT publish, zero warnings -----------------------------------------------------------------------------
step "publishing NnGen.Samples.Service with NativeAOT"
status=0
dotnet publish NnGen.Samples.Service -c Release -r linux-x64 -o "$work/publish" \
  -p:TreatWarningsAsErrors=true -p:TrimmerSingleWarn=false >"$work/publish.log" 2>&1 || status=$?
cat "$work/publish.log"
[ "$status" -eq 0 ] || fail "dotnet publish exited $status"
if grep -E '(warning|error) IL[23][0-9]{3}' "$work/publish.log"; then fail "trim/AOT warnings (above)"; fi
if grep -E ': warning [A-Z]+[0-9]+' "$work/publish.log"; then fail "warnings in the NativeAOT publish (above)"; fi
exe="$work/publish/NnGen.Samples.Service"
[ -x "$exe" ] || fail "no native executable at $exe"
[ -f "$work/publish/digits.nngen" ] || fail "digits.nngen not published beside the executable"
bytes=$(wc -c <"$exe")
echo "native executable: $bytes bytes ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')), 0 trim/AOT warnings"

# --- 2. a missing model stops start-up --------------------------------------------------------------------------------
status=0
"$exe" --model "$work/no-such-model.nngen" --urls "$url" >"$work/missing.log" 2>&1 || status=$?
cat "$work/missing.log"
[ "$status" -ne 0 ] && grep -q "cannot start: Model file .* not found" "$work/missing.log" || fail "a missing model did not stop start-up with a message"
echo "garbage" >"$work/corrupt.nngen"
status=0
"$exe" --model "$work/corrupt.nngen" --urls "$url" >"$work/corrupt.log" 2>&1 || status=$?
cat "$work/corrupt.log"
[ "$status" -ne 0 ] && grep -q "cannot start: .*NotAModelFile" "$work/corrupt.log" || fail "a corrupt model did not stop start-up with a message"

# --- 3. start-up time -------------------------------------------------------------------------------------------------
wait_health() { # waits up to 10 s for GET /health
  for _ in $(seq 1 2000); do
    curl -sf -o /dev/null "$url/health" && return 0
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.005
  done
  return 1
}
start_server() {
  "$exe" --urls "$url" >>"$work/server.log" 2>&1 &
  server_pid=$!
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
step "start-up time (launch until /health answers), 5 launches"
times=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  start_server
  wait_health || { cat "$work/server.log"; fail "the server did not answer /health"; }
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
  stop_server
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "start-up: ${times[*]} ms (median $median ms)"

# --- 4. page test and load test -----------------------------------------------------------------------------------------
start_server
wait_health || { cat "$work/server.log"; fail "the server did not answer /health"; }

step "page test in headless Chromium ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
(cd NnGen.Samples.Service/test && npm ci --no-audit --no-fund --loglevel=error)
# A test-set digit: the first 7 of the data set's last 20 % (pixels 0..16, label last).
digit=$(zcat NnGen.Samples/Data/digits.csv.gz | awk -F, -v skip=1438 '!found && NR > skip && $65 == 7 { print; found = 1 }' | cut -d, -f1-64)
mkdir -p "$work/shots"
node NnGen.Samples.Service/test/page-test.mjs "$url" "$digit" "$work/shots" || fail "page test"
[ -z "${SERVICE_SHOTS:-}" ] || cp "$work"/shots/*.png "$SERVICE_SHOTS"/

step "load test, $seconds s per level"
dotnet build NnGen.Samples.Service.LoadTest -c Release -v q -nologo >"$work/loadtest-build.log" 2>&1 || { cat "$work/loadtest-build.log"; fail "building the load test"; }
dotnet NnGen.Samples.Service.LoadTest/bin/Release/net10.0/NnGen.Samples.Service.LoadTest.dll \
  --url "$url" --model "$work/publish/digits.nngen" --seconds "$seconds" --levels 1,16,64 || fail "load test"

# --- 5. still up ----------------------------------------------------------------------------------------------------------
kill -0 "$server_pid" 2>/dev/null || fail "the server died"
curl -sf "$url/health" >/dev/null || fail "the server stopped answering"
stop_server
echo "service tests: passed (NativeAOT $bytes bytes, 0 warnings, start-up median $median ms, page and load tests passed)"
