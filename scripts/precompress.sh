#!/usr/bin/env bash
# Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside each .wasm,
# .js and .css file in the folders given, for nginx's gzip_static and
# brotli_static (deploy/nginx.conf): the best compression once at build time
# instead of level 6 on every request. Usage: precompress.sh DIR…
set -euo pipefail
for dir in "$@"; do
  for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
    [ -f "$file" ] || continue
    gzip -9 -n -k -f "$file"
    # Node's zlib has brotli; no other tool to install.
    node -e '
const { readFileSync, writeFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const file = process.argv[1];
const bytes = readFileSync(file);
writeFileSync(file + ".br", brotliCompressSync(bytes, { params: {
  [constants.BROTLI_PARAM_QUALITY]: 11,
  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
} }));' "$file"
  done
done
