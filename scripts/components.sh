#!/usr/bin/env bash
# Component tests in headless Chromium (wasm-bindgen-test) against a real
# oms-sim: the simulator on a loopback port, allowing the test page's
# origin, named to the tests at compile time (OMS_SIM_URL); stopped
# afterwards, also when a test fails. Arguments go to the test binary
# (a test name filters). scripts/test.sh runs it as one of its steps.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"

# The preferred port when it is free, else any free one. The same ports
# each run keep the test build, which embeds the simulator's URL, from
# compiling again; never the demo's ports (8080, 8088-8090).
free_port() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
}
SIM_PORT="$(free_port "${OMS_COMPONENTS_SIM_PORT:-18471}")"
RUNNER_PORT="$(free_port "${OMS_COMPONENTS_RUNNER_PORT:-18472}")"
[ "$SIM_PORT" != "$RUNNER_PORT" ] || RUNNER_PORT="$(free_port 0)"

cargo build -q -p oms-sim
SIM_BIN="${CARGO_TARGET_DIR:-$REPO/target}/debug/oms-sim"
SIM_LOG="$(mktemp)"
"$SIM_BIN" --listen "127.0.0.1:$SIM_PORT" --no-auth \
  --cors-origin "http://127.0.0.1:$RUNNER_PORT" >"$SIM_LOG" 2>&1 &
SIM_PID=$!
stop_sim() {
  kill "$SIM_PID" 2>/dev/null || true
  wait "$SIM_PID" 2>/dev/null || true
  rm -f "$SIM_LOG"
}
trap stop_sim EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$SIM_PORT/oms/health" >/dev/null && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$SIM_LOG" >&2; echo "oms-sim did not start" >&2; exit 1; }
  sleep 0.1
done

# The runner gives the whole suite 20 s by default; the memory tests need more.
OMS_SIM_URL="http://127.0.0.1:$SIM_PORT" \
  WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$RUNNER_PORT" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test -p oms-progress --target wasm32-unknown-unknown --test components -- "$@"
