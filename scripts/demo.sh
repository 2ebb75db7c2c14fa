#!/usr/bin/env bash
# The demo: oms-sim with its seeded projects on 127.0.0.1:8089, and the
# standalone page served by `trunk serve` on 127.0.0.1:8080, which proxies
# the OMS paths to the simulator. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh demo

say "building the simulator"
cargo build -p oms-sim --release
sim="${CARGO_TARGET_DIR:-$REPO/target}/release/oms-sim"
# 300 generated projects beside the seeded ones, for the wallboard.
"$sim" --listen 127.0.0.1:8089 --generate 300 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT INT TERM
sleep 1
kill -0 "$sim_pid" 2>/dev/null || { echo "oms-sim could not start (is port 8089 taken?)" >&2; exit 1; }

url="http://127.0.0.1:8080/?project=$DEMO_PROJECTS"
say "open $url"
say "and the wallboard of every project: http://127.0.0.1:8080/?wall"
trunk serve --release --offline
