#!/usr/bin/env bash
# Prints the gzipped size of a built bundle's wasm, JS and CSS (default:
# dist/). With a NAME from scripts/size-budget, fails when the total is
# over that budget.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir="${1:-$REPO/dist}"
budget_name="${2:-}"
total=0
# A build that failed leaves no wasm: 0 bytes would pass any budget.
compgen -G "$dir/*.wasm" > /dev/null || { echo "no .wasm in $dir: nothing to measure" >&2; exit 1; }
# The snippets: JS the glue imports (the page's inline JS from the crate).
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/snippets/*/*.js; do
  [ -e "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-48s %8d bytes  %8d gzipped\n' "${f#"$dir"/}" "$raw" "$gz"
done
printf '%-48s %8s        %8d gzipped\n' "total" "" "$total"
[ -n "$budget_name" ] || exit 0
budget=$(awk -v name="$budget_name" '$1 == name { print $2 }' "$REPO/scripts/size-budget")
[ -n "$budget" ] || { echo "no budget named $budget_name in scripts/size-budget" >&2; exit 1; }
if [ "$total" -gt "$budget" ]; then
  echo "the $budget_name bundle is $total bytes gzipped, over its budget of $budget (scripts/size-budget)" >&2
  exit 1
fi
echo "within the $budget_name budget: $total of $budget bytes gzipped"
