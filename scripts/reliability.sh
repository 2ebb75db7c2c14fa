#!/usr/bin/env bash
# Regenerates docs/reliability.md from a run of the browser suites: bundle
# sizes, the fault matrix, the bad values, a soak of OMS_SOAK_POLLS polls
# (10,000 by default, about 9 minutes), 1,000 add/remove cycles of the
# custom element and the nginx micro-cache under 20 viewers.
# scripts/test.sh runs the same suites with a 1,000-poll soak and leaves
# its reports in tests/e2e/artifacts/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh test
bash scripts/build.sh
out="$(mktemp -d)"
export OMS_REPORT_DIR="$out" OMS_DIST_DIR="$PAGE_DIST" OMS_EMBED_DIR="$EMBED_DIST" OMS_SOAK_POLLS="${OMS_SOAK_POLLS:-10000}"
node --test tests/e2e/faults.test.mjs
node --test tests/e2e/soak.test.mjs
node --test tests/e2e/embed.test.mjs
node --test tests/e2e/deploy.test.mjs
{
  echo "# Reliability report"
  echo
  echo "Produced by \`scripts/reliability.sh\` on $(date -u +%Y-%m-%d) (commit $(git rev-parse --short HEAD)):"
  echo "the release-built page against \`oms-sim\` in headless Chromium, read through"
  echo "the DOM contract and the simulator's request log. Never-panic property tests"
  echo "(\`tests/never_panic.rs\`, 3,000 cases each over arbitrary bytes, JSON, options"
  echo "and page parameters) run natively in every test run."
  echo
  echo "## Bundle sizes (gzip -9)"
  echo
  echo "The embed build (\`scripts/build-embed.sh\`; CSS inside the wasm):"
  echo
  echo '<!-- figure: scripts/size.sh output, measured -->'
  echo '```'
  bash scripts/size.sh "$EMBED_DIST"
  echo '```'
  echo
  echo "The standalone page (\`trunk build --release\`):"
  echo
  echo '<!-- figure: scripts/size.sh output, measured -->'
  echo '```'
  bash scripts/size.sh "$PAGE_DIST"
  echo '```'
  echo
  cat "$out/faults.md"
  echo
  cat "$out/soak.md"
  echo
  cat "$out/embed-cycles.md"
  echo
  cat "$out/deploy.md"
} > docs/reliability.md
rm -rf "$out"
say "wrote docs/reliability.md"
