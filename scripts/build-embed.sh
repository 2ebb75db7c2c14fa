#!/usr/bin/env bash
# Builds the embed artifacts into OUT (default dist-embed/): unhashed
# oms-progress.js (a minified module; registers <oms-sync-progress>, exports
# mount) and oms-progress_bg.wasm (styles inside). Copy both anywhere, side
# by side. Into WALL_OUT (default dist-embed-wallboard/) goes the same with
# <oms-wallboard> too: oms-wallboard.js and oms-wallboard_bg.wasm, a module
# of its own so that portals showing only widgets never download the
# wallboard. Beside each file its .gz and .br (scripts/precompress.sh).
# OMS_KEEP_NAMES=1 keeps function names in the wasm (for twiggy).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="${1:-$EMBED_DIST}"
wall_out="${2:-$WALL_EMBED_DIST}"
cd "$REPO"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
names=()
[ "${OMS_KEEP_NAMES:-}" = 1 ] && names=(-g)

# module FEATURES NAME OUT JS…: the size build of the library with FEATURES,
# bound as NAME.js + NAME_bg.wasm in OUT, the JS files appended to the module.
module() {
  local features="$1" name="$2" dir="$3"
  shift 3
  # The size build (lib.sh): measured −18 KB gzipped against stable's.
  size_build cargo build --lib --release --target wasm32-unknown-unknown --features "$features"
  local wasm="${CARGO_TARGET_DIR:-$REPO/target}/size/wasm32-unknown-unknown/release/oms_progress.wasm"
  wasm-bindgen --target web --no-typescript --out-name "$name" --out-dir "$work" "$wasm"
  node "$REPO/scripts/drop-stream-exports.mjs" "$work/$name.js" "$work/${name}_bg.wasm"
  node "$REPO/scripts/short-import-names.mjs" "$work/$name.js" "$work/${name}_bg.wasm"
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # WASM_OPT_ARGS is a list of words (lib.sh)
  wasm-opt $WASM_OPT_ARGS "${names[@]}" -o "$dir/${name}_bg.wasm" "$work/${name}_bg.wasm"
  # Like functions side by side for gzip (it replaces the names, so not
  # when they are kept).
  if [ ${#names[@]} -eq 0 ]; then
    node "$REPO/scripts/order-functions.mjs" "$dir/${name}_bg.wasm"
  fi
  # wasm-bindgen's module exports an init function; the element's half starts it.
  # Importers never call it again, so it is not exported.
  grep -q '^export { initSync, __wbg_init as default };' "$work/$name.js" \
    || { echo "wasm-bindgen's output changed: no __wbg_init export" >&2; exit 1; }
  # Bundlers (Vite, webpack 5) rewrite `new URL('./…', import.meta.url)` to the
  # asset they emit; plain servers resolve it next to the module either way.
  grep -q "new URL('${name}_bg.wasm', import.meta.url)" "$work/$name.js" \
    || { echo "wasm-bindgen's output changed: no wasm URL relative to the module" >&2; exit 1; }
  sed -e '/^export { initSync, __wbg_init as default };$/d' \
    -e "s|new URL('${name}_bg.wasm', import.meta.url)|new URL('./${name}_bg.wasm', import.meta.url)|" \
    "$work/$name.js" | cat - "$@" > "$work/$name.module.js"
  # esbuild keeps the module's export names and its top-level await, and
  # bundles wasm-bindgen's snippets (the events' dispatcher) into the module.
  esbuild "$work/$name.module.js" --bundle --minify --format=esm --target=es2022 --log-level=warning \
    --outfile="$dir/$name.js"
}

module embed oms-progress "$out" embed/element.js
cp -r "$REPO/examples" "$out/"
module embed-wallboard oms-wallboard "$wall_out" embed/element.js embed/wallboard-element.js
# For nginx's gzip_static and brotli_static (deploy/nginx.conf).
bash "$REPO/scripts/precompress.sh" "$out" "$wall_out"
