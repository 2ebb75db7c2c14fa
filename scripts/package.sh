#!/usr/bin/env bash
# Turns the embed artifacts (scripts/build-embed.sh) into the npm package:
# a folder with package.json (version = the crate's), the two modules and their wasm,
# the types and docs/embedding.md as its README, packed by `npm pack` into
# dist-pkg/oms-progress-VERSION.tgz. Usage: package.sh [EMBED_DIR] [OUT] [WALL_EMBED_DIR].
set -euo pipefail
source "$(dirname "$0")/lib.sh"
embed="${1:-$EMBED_DIST}"
out="${2:-$PKG_DIST}"
wall="${3:-$WALL_EMBED_DIST}"
cd "$REPO"
version="$(crate_version)"
pkg="$out/package"
rm -rf "$out"
mkdir -p "$pkg"
cp "$embed/oms-progress.js" "$embed/oms-progress_bg.wasm" "$wall/oms-wallboard.js" "$wall/oms-wallboard_bg.wasm" "$pkg/"
cp embed/oms-progress.d.ts embed/oms-wallboard.d.ts embed/react.d.ts embed/vue.d.ts "$pkg/"
sed "s/@VERSION@/$version/" embed/package.json > "$pkg/package.json"
# The package's README is docs/embedding.md under the package's name.
{
  echo "# oms-progress"
  tail -n +2 docs/embedding.md
} > "$pkg/README.md"
grep -q 'npm install' "$pkg/README.md" || { echo "docs/embedding.md lost its npm section" >&2; exit 1; }
(cd "$out" && npm pack ./package --silent >/dev/null)
tarball="$out/oms-progress-$version.tgz"
[ -f "$tarball" ] || { echo "npm pack made no $tarball" >&2; exit 1; }
echo "$tarball"
