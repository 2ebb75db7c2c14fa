#!/usr/bin/env bash
# Builds the embed artifacts into OUT (default dist-embed/): unhashed
# oms-progress.js (a minified module; registers <oms-sync-progress>, exports
# mount) and oms-progress_bg.wasm (styles inside). Copy both anywhere, side
# by side. Into WALL_OUT (default dist-embed-wallboard/) goes the same with
# <oms-wallboard> too: oms-wallboard.js and oms-wallboard_bg.wasm, a module
# of its own so that portals showing only widgets never download the
# wallboard. Beside each file its .gz and .br (scripts/precompress.sh).
# Standard tools only: cargo, wasm-bindgen, wasm-opt (binaryen), esbuild.
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

# module FEATURES NAME OUT: the size build of the library with FEATURES,
# bound by wasm-bindgen, optimised by wasm-opt into OUT/NAME_bg.wasm, and
# embed/NAME.js bundled by esbuild with the glue it imports into OUT/NAME.js.
module() {
  local features="$1" name="$2" dir="$3"
  # The size build (lib.sh).
  size_build cargo build --lib --release --target wasm32-unknown-unknown --features "$features"
  local wasm="${CARGO_TARGET_DIR:-$REPO/target}/size/wasm32-unknown-unknown/release/oms_progress.wasm"
  wasm-bindgen --target web --no-typescript --out-name "$name" --out-dir "$work/$name" "$wasm"
  mkdir -p "$dir"
  # Leptos always links server_fn's browser client, whose wasm-streams
  # exports three JS classes (IntoUnderlyingSource, …); an export keeps its
  # code alive. The widget never streams, so nothing makes one: wasm-opt's
  # remove-exports pass lets -Oz drop their code. Their
  # classes stay in the glue, never constructed.
  local unused
  unused="$(wasm-dis "$work/$name/${name}_bg.wasm" | { grep -o '(export "[^"]*intounderlying[^"]*"' || true; } | cut -d'"' -f2 | paste -sd, -)"
  # shellcheck disable=SC2086 # WASM_OPT_ARGS is a list of words (lib.sh)
  wasm-opt ${unused:+"--remove-exports=$unused"} $WASM_OPT_ARGS "${names[@]}" -o "$dir/${name}_bg.wasm" "$work/$name/${name}_bg.wasm"
  # The element's JS imports wasm-bindgen's module as `oms-progress-glue`;
  # esbuild bundles it (and its snippets) in and keeps only what is used.
  esbuild "embed/$name.js" --bundle --minify --format=esm --target=es2022 --log-level=warning \
    "--alias:oms-progress-glue=$work/$name/$name.js" --outfile="$dir/$name.js"
}

module embed oms-progress "$out"
cp -r "$REPO/examples" "$out/"
module embed-wallboard oms-wallboard "$wall_out"
# For nginx's gzip_static and brotli_static (deploy/nginx.conf).
bash "$REPO/scripts/precompress.sh" "$out" "$wall_out"
