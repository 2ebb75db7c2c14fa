#!/usr/bin/env bash
# Prints the gzipped size of a built page's wasm, JS and CSS (default: dist/).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir="${1:-$REPO/dist}"
total=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -e "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-48s %8d bytes  %8d gzipped\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-48s %8s        %8d gzipped\n' "total" "" "$total"
