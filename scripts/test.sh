#!/usr/bin/env bash
# Every test: formatting and lints on both targets, native tests (core and
# simulator), component tests in headless Chromium, and the end-to-end suite
# against the release-built page and oms-sim. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh test

say "cargo fmt --check"
cargo fmt --all -- --check
say "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings
say "clippy (wasm32, with and without the embed glue)"
cargo clippy -p oms-progress --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p oms-progress --lib --features embed --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p oms-progress --lib --features embed-wallboard --target wasm32-unknown-unknown -- -D warnings

say "native tests: wire parser, view model, poll policy, simulator over HTTP"
cargo test --workspace

say "component tests in headless Chromium, against oms-sim"
bash scripts/components.sh

say "release builds: the page, the embed artifacts, the simulator"
bash scripts/build.sh
say "bundle sizes against scripts/size-budget"
bash scripts/size.sh "$PAGE_DIST" page
bash scripts/size.sh "$EMBED_DIST" embed
bash scripts/size.sh "$WALL_EMBED_DIST" wallboard

say "the portal app installs the packed tarball (tests/portal)"
# Not saved: the tarball is new with every build; the lock holds the tools.
npm install --prefix tests/portal --no-save --no-audit --no-fund \
  "$PKG_DIST/oms-progress-$(crate_version).tgz"

say "end-to-end tests: page, embed, npm package, Leptos app, nginx deployment and every snippet of the docs, with oms-sim in headless Chromium"
# tests/e2e/snippets.test.mjs runs the docs' blocks as written: it needs the
# builds above, the portal's tools (tsc, React) and esbuild on PATH (lib.sh).
OMS_DIST_DIR="$PAGE_DIST" OMS_EMBED_DIR="$EMBED_DIST" OMS_WALL_EMBED_DIR="$WALL_EMBED_DIST" \
  OMS_LEPTOS_APP_DIR="$LEPTOS_APP_DIST" npm test --prefix tests/e2e

say "Firefox smoke: the page, the element in a host page, the wallboard and a configuration error in Debian's Firefox ESR"
# tests/firefox drives Firefox through geckodriver (setup.sh installs both);
# it imports tests/e2e/harness.mjs for oms-sim, so the e2e install above serves it.
OMS_DIST_DIR="$PAGE_DIST" OMS_EMBED_DIR="$EMBED_DIST" OMS_WALL_EMBED_DIR="$WALL_EMBED_DIST" \
  node --test --test-concurrency=1 tests/firefox/smoke.test.mjs
