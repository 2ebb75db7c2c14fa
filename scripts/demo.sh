#!/usr/bin/env bash
# The demo: oms-sim with its seeded projects on 127.0.0.1:8089 (region
# `bj`), a second oms-sim with its own projects and account on
# 127.0.0.1:8090 (region `hz`), and the standalone page served by
# `trunk serve` on 127.0.0.1:8080, which proxies the OMS paths to them.
# Ctrl-C stops all three.
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
# The second region: other projects (one failed), another account.
"$sim" --listen 127.0.0.1:8090 --scenario sim/scenarios/hangzhou.toml --user oms-hz --password oms-hz-sim &
hz_pid=$!
trap 'kill "$sim_pid" "$hz_pid" 2>/dev/null || true' EXIT INT TERM
sleep 1
kill -0 "$sim_pid" 2>/dev/null || { echo "oms-sim could not start (is port 8089 taken?)" >&2; exit 1; }
kill -0 "$hz_pid" 2>/dev/null || { echo "the second oms-sim could not start (is port 8090 taken?)" >&2; exit 1; }

# Trunk builds first (minutes, the first time) and then serves; the URLs
# are printed once the page answers, so they do not scroll away. Trunk.toml
# tells its watcher to ignore the other builds' folders, and Trunk stops
# when one of them does not exist (a fresh clone): make them.
mkdir -p dist-e2e dist-embed dist-embed-wallboard dist-pkg dist-leptos-app
trunk serve --release --offline &
trunk_pid=$!
trap 'kill "$sim_pid" "$hz_pid" "$trunk_pid" 2>/dev/null || true' EXIT INT TERM
until curl -sf -o /dev/null http://127.0.0.1:8080/; do
  kill -0 "$trunk_pid" 2>/dev/null || { echo "trunk serve stopped: its error is above (port 8080 taken? a build error?)" >&2; exit 1; }
  sleep 1
done
say "the seeded widgets: http://127.0.0.1:8080/?project=$DEMO_PROJECTS"
say "the wallboard of every project: http://127.0.0.1:8080/?wall"
say "both regions on one wallboard: http://127.0.0.1:8080/?wall&oms=bj:/oms-bj,hz:/oms-hz"
say "Ctrl-C stops all three"
wait "$trunk_pid"
