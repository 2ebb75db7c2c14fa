#!/usr/bin/env bash
# Builds the embed artifacts into OUT (default dist-embed/): unhashed
# oms-progress.js (a minified module; registers <oms-sync-progress>, exports
# mount) and oms-progress_bg.wasm (styles inside). Copy both anywhere, side
# by side. OMS_KEEP_NAMES=1 keeps function names in the wasm (for twiggy).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="${1:-$REPO/dist-embed}"
cd "$REPO"
# The size build (lib.sh): measured −18 KB gzipped against stable's.
size_build cargo build --lib --release --target wasm32-unknown-unknown --features embed
wasm="${CARGO_TARGET_DIR:-$REPO/target}/size/wasm32-unknown-unknown/release/oms_progress.wasm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-name oms-progress --out-dir "$work" "$wasm"
mkdir -p "$out"
names=()
[ "${OMS_KEEP_NAMES:-}" = 1 ] && names=(-g)
wasm-opt -Oz "${names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int \
  -o "$out/oms-progress_bg.wasm" "$work/oms-progress_bg.wasm"
# wasm-bindgen's module exports an init function; the element's half starts it.
# Importers never call it again, so it is not exported.
grep -q '^export { initSync, __wbg_init as default };' "$work/oms-progress.js" \
  || { echo "wasm-bindgen's output changed: no __wbg_init export" >&2; exit 1; }
# Bundlers (Vite, webpack 5) rewrite `new URL('./…', import.meta.url)` to the
# asset they emit; plain servers resolve it next to the module either way.
grep -q "new URL('oms-progress_bg.wasm', import.meta.url)" "$work/oms-progress.js" \
  || { echo "wasm-bindgen's output changed: no wasm URL relative to the module" >&2; exit 1; }
sed -e '/^export { initSync, __wbg_init as default };$/d' \
  -e "s|new URL('oms-progress_bg.wasm', import.meta.url)|new URL('./oms-progress_bg.wasm', import.meta.url)|" \
  "$work/oms-progress.js" | cat - embed/element.js > "$work/module.js"
# esbuild keeps the module's export names and its top-level await.
esbuild "$work/module.js" --minify --format=esm --target=es2022 --log-level=warning \
  --outfile="$out/oms-progress.js"
cp -r "$REPO/examples" "$out/"
