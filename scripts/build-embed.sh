#!/usr/bin/env bash
# Builds the embed artifacts into OUT (default dist-embed/): unhashed
# oms-progress.js (module; registers <oms-sync-progress>, exports mount) and
# oms-progress_bg.wasm (styles inside). Copy both anywhere, side by side.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="${1:-$REPO/dist-embed}"
target_dir="${CARGO_TARGET_DIR:-$REPO/target}"
cd "$REPO"
cargo build --lib --release --target wasm32-unknown-unknown --features embed
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-name oms-progress --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/release/oms_progress.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  -o "$out/oms-progress_bg.wasm" "$out/oms-progress_bg.wasm"
# wasm-bindgen's module exports an init function; the element's half starts it.
grep -q '^export { initSync, __wbg_init as default };' "$out/oms-progress.js" \
  || { echo "wasm-bindgen's output changed: no __wbg_init export" >&2; exit 1; }
cat embed/element.js >> "$out/oms-progress.js"
cp -r "$REPO/examples" "$out/"
