#!/usr/bin/env bash
# The README's screenshots: the demo page (steps and the verification's
# tables open) and the wallboard, in English, light, 1400 px wide, from the
# release-built page and oms-sim with the demo's projects, written into the
# folder given (default tests/e2e/artifacts):
#   scripts/screenshots.sh docs     # refreshes docs/screenshot.png, wallboard.png and sources.png
# The release builds are made first when missing (scripts/build.sh).
# tests/e2e/look.test.mjs takes every language, scheme and width.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
out="$(mkdir -p "${1:-tests/e2e/artifacts}" && cd "${1:-tests/e2e/artifacts}" && pwd)"
bash scripts/setup.sh test
page="${OMS_DIST_DIR:-$PAGE_DIST}"
if [ ! -f "$page/index.html" ] || [ ! -x "${CARGO_TARGET_DIR:-$REPO/target}/release/oms-sim" ]; then
  say "release builds (scripts/build.sh)"
  bash scripts/build.sh
fi
say "screenshots into $out"
OMS_DIST_DIR="$page" node tests/e2e/screenshots.mjs "$out"
