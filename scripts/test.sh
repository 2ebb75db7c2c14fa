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
say "clippy (wasm32)"
cargo clippy -p oms-progress --all-targets --target wasm32-unknown-unknown -- -D warnings

say "native tests: wire parser, view model, poll policy, simulator over HTTP"
cargo test --workspace

say "component tests in headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test -p oms-progress --target wasm32-unknown-unknown --test components

say "release build of the page and the simulator"
dist="$REPO/dist-e2e"
trunk build --release --offline --dist "$dist"
cargo build -p oms-sim --release
bash scripts/size.sh "$dist"

say "end-to-end tests: the page and oms-sim in headless Chromium"
OMS_DIST_DIR="$dist" npm test --prefix tests/e2e
