#!/usr/bin/env bash
# Writes docs/benchmarks.md, the latest run only (earlier runs are in git): bundle sizes, first render, and 100 widgets
# on one page (main-thread time per poll, long tasks, frame gaps, DOM writes
# of unchanged polls), 100 widgets at 5 s against a hand-written reference,
# and the wallboard with 1,000 projects, against the embed and page builds
# and oms-sim in headless Chromium. About 17 minutes (three rounds of seven 30 s measures: the widgets and the reference ticking only, polling at 5 s, the reference in step and in waves, and polling at 1 s). Memory over long runs is in docs/reliability.md
# (scripts/reliability.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh test
bash scripts/build.sh
out="$(mktemp)"
OMS_EMBED_DIR="$EMBED_DIST" OMS_DIST_DIR="$PAGE_DIST" BENCH_OUT="$out" BENCH_SECONDS="${BENCH_SECONDS:-30}" node tests/e2e/bench.mjs
{
  echo "# Benchmark"
  echo
  echo "Produced by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) (commit $(git rev-parse --short HEAD)),"
  echo "headless Chromium $(chromium --version 2>/dev/null | awk '{print $2}') on $(nproc) cores, software rendering;"
  echo "the embed build against \`oms-sim\` on 127.0.0.1. Timings vary between runs by"
  echo "10–30 %; they are recorded, not asserted."
  echo
  echo "## Bundle (gzip -9)"
  echo
  echo '<!-- figure: scripts/size.sh output, measured -->'
  echo '```'
  bash scripts/size.sh "$EMBED_DIST"
  echo '```'
  echo
  echo 'With `<oms-wallboard>` (`oms-wallboard.js`, its own module):'
  echo
  echo '<!-- figure: scripts/size.sh output, measured -->'
  echo '```'
  bash scripts/size.sh "$WALL_EMBED_DIST"
  echo '```'
  echo
  cat "$out"
} > docs/benchmarks.md
rm -f "$out"
say "wrote docs/benchmarks.md"
