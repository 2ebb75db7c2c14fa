#!/usr/bin/env bash
# Regenerates docs/poll-profile.md: where a poll's main-thread time goes,
# from CPU profiles (CDP's sampling profiler) of 100 widgets polling every
# second against the same widgets only ticking, and the same for the
# hand-written reference, on an embed build with function names kept.
# About 6 minutes after the build. Not a test.
# PROFILE_SECONDS (20), PROFILE_INTERVAL (1), PROFILE_ROUNDS (3) and
# PROFILE_TOP (25) tune it; PROFILE_SAVE=DIR keeps the raw profiles
# (.cpuprofile, which DevTools opens).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh test
cargo build --release -p oms-sim
named="$(mktemp -d)"
trap 'rm -rf "$named"' EXIT
OMS_KEEP_NAMES=1 bash scripts/build-embed.sh "$named/embed" "$named/wallboard"
OMS_EMBED_DIR="$named/embed" node tests/e2e/profile.mjs > "$named/out.md"
{
  echo "# Where a poll's time goes"
  echo
  echo "Produced by \`scripts/profile.sh\` on $(date -u +%Y-%m-%d) (commit $(git rev-parse --short HEAD)),"
  echo "headless Chromium $(chromium --version 2>/dev/null | awk '{print $2}') on $(nproc) cores,"
  echo "the embed build with names kept against \`oms-sim\` on 127.0.0.1. Figures move by 10–20 % between runs."
  echo
  cat "$named/out.md"
} > docs/poll-profile.md
say "wrote docs/poll-profile.md"
