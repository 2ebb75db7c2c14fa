#!/usr/bin/env bash
# Writes FILE.gz and FILE.br beside each .wasm, .js and .css file in the
# folders given, for nginx's gzip_static and brotli_static
# (deploy/nginx.conf): the best compression once at build time instead of
# level 6 on every request. The .gz is Zopfli's (any gzip reader reads it;
# 4–5 % smaller than gzip -9 on the wasm, for the clients that take no br:
# browsers send br only over HTTPS), the .br brotli at quality 11 (Node's
# zlib). Usage: precompress.sh DIR…
set -euo pipefail
source "$(dirname "$0")/lib.sh"
files=()
for dir in "$@"; do
  for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
    [ -f "$file" ] && files+=("$file")
  done
done
[ "${#files[@]}" -gt 0 ] || exit 0
ZOPFLI="$TOOLS_DIR/node_modules/@gfx/zopfli" node -e '
const { readFileSync, writeFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const { gzipAsync } = require(process.env.ZOPFLI);
(async () => {
  for (const file of process.argv.slice(1)) {
    const bytes = readFileSync(file);
    writeFileSync(file + ".gz", await gzipAsync(bytes, {}));
    writeFileSync(file + ".br", brotliCompressSync(bytes, { params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    } }));
  }
})().catch((e) => { console.error(e); process.exit(1); });' "${files[@]}"
