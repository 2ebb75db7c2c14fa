#!/usr/bin/env bash
# The release builds every suite and report uses: the standalone page
# (dist-e2e/, by Trunk), the embed artifacts (dist-embed/, and
# dist-embed-wallboard/ with <oms-wallboard>), the npm package
# (dist-pkg/), the Leptos example app (dist-leptos-app/) and oms-sim.
# Expects the tools of `setup.sh test`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
# Trunk builds offline (it must download no tools), so first fetch what the
# rebuilt std depends on: a fresh machine's cargo has none of it.
size_build cargo fetch --target wasm32-unknown-unknown --quiet
# The size build (lib.sh); Trunk runs wasm-opt (index.html).
size_build trunk build --release --offline --dist "$PAGE_DIST"
bash scripts/build-embed.sh "$EMBED_DIST" "$WALL_EMBED_DIST"
bash scripts/package.sh "$EMBED_DIST" "$PKG_DIST" "$WALL_EMBED_DIST"
# As a library user builds it: stable, Trunk's defaults, the crate by path.
(cd tests/leptos-app && trunk build --release --offline --dist "$LEPTOS_APP_DIST")
cargo build -p oms-sim --release
