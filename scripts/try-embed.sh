#!/usr/bin/env bash
# Try the embed modules with the simulator behind them, on one origin as
# deploy/nginx.conf has it: oms-progress.js, oms-wallboard.js and their wasm
# side by side under /oms-progress/, the examples under
# /oms-progress/examples/, and oms-sim's API (the demo's projects: its seeded
# ones and 300 generated; no sign-in: no proxy stands in front to add one)
# at the paths the widget asks.
#
#   scripts/try-embed.sh [DIR]
#
# DIR: a folder of your own pages, served at / (its files as they are when
# this starts; a page added later needs a restart). Builds what is missing
# first: the modules (scripts/build-embed.sh) and oms-sim. Listens on
# OMS_TRY_LISTEN (default 127.0.0.1:8089, the demo's simulator's port: stop
# the demo first, or give another; port 0 picks a free one). The URLs are
# printed once it listens. Ctrl-C stops it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
pages="${1:-}"
if [ -n "$pages" ]; then
  [ -d "$pages" ] || { echo "try-embed: $pages is not a folder" >&2; exit 2; }
  pages="$(cd "$pages" && pwd)"
fi
listen="${OMS_TRY_LISTEN:-127.0.0.1:8089}"
embed="${OMS_EMBED_DIR:-$EMBED_DIST}"
wall="${OMS_WALL_EMBED_DIR:-$WALL_EMBED_DIST}"
cd "$REPO"

if [ ! -f "$embed/oms-progress_bg.wasm" ] || [ ! -f "$wall/oms-wallboard_bg.wasm" ]; then
  bash scripts/setup.sh demo
  say "building the embed modules (scripts/build-embed.sh)"
  bash scripts/build-embed.sh "$embed" "$wall"
fi
sim="${CARGO_TARGET_DIR:-$REPO/target}/release/oms-sim"
if [ ! -x "$sim" ]; then
  say "building the simulator"
  cargo build -p oms-sim --release
fi

# The site: links, not copies, so a rebuild of the modules shows at once.
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
mkdir "$site/oms-progress"
for file in "$embed"/oms-progress.js "$embed"/oms-progress_bg.wasm "$wall"/oms-wallboard.js "$wall"/oms-wallboard_bg.wasm; do
  ln -s "$file" "$site/oms-progress/"
done
ln -s "$REPO/examples" "$site/oms-progress/examples"
if [ -n "$pages" ]; then
  for entry in "$pages"/* "$pages"/.[!.]*; do
    if [ -e "$entry" ]; then ln -s "$entry" "$site/"; fi
  done
fi

# Not exec: the trap removes the site when oms-sim stops.
log="$(mktemp)"
"$sim" --listen "$listen" --static "$site" --no-auth --generate 300 > "$log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$site" "$log"' EXIT INT TERM
# The URLs once it listens (the address it took, for port 0).
base=""
for _ in $(seq 100); do
  base="$(grep -o 'listening on http://[0-9.:]*' "$log" | head -1 | sed 's/listening on //')" || true
  [ -n "$base" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$log" >&2; echo "try-embed: oms-sim could not start on $listen" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$log" >&2; echo "try-embed: oms-sim did not start" >&2; exit 1; }
say "the examples: $base/oms-progress/examples/hostile.html, fifty.html, mount.html, wallboard.html"
if [ -n "$pages" ]; then say "your pages ($pages): $base/"; fi
say "the modules: $base/oms-progress/oms-progress.js and $base/oms-progress/oms-wallboard.js"
say "Ctrl-C stops it"
# What oms-sim says from here on (its "listening on" line included).
tail -f -n +1 --pid="$sim_pid" "$log" &
wait "$sim_pid"
