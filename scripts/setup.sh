#!/usr/bin/env bash
# Installs what the demo (`setup.sh demo`) or the tests (`setup.sh test`)
# need, each thing only when it is missing or of the wrong version, so a
# second run installs nothing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
purpose="${1:-demo}"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The size builds: the nightly named in lib.sh, with std's source.
if ! rustc "+$NIGHTLY" --version 2>/dev/null | grep -q "$NIGHTLY_DATE"; then
  say "installing the $NIGHTLY_DATE nightly for the release size builds"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi
if ! rustup component list --installed --toolchain "$NIGHTLY" | grep -q '^rust-src'; then
  say "adding rust-src to $NIGHTLY (std is rebuilt for the size builds)"
  rustup component add rust-src --toolchain "$NIGHTLY"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if [ "$(esbuild --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild $ESBUILD_VERSION from npm into $TOOLS_DIR (minifies the embed module)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "esbuild@$ESBUILD_VERSION"
fi

zopfli_version() { node -p "require('$TOOLS_DIR/node_modules/@gfx/zopfli/package.json').version" 2>/dev/null; }
if [ "$(zopfli_version)" != "$ZOPFLI_VERSION" ]; then
  say "installing @gfx/zopfli $ZOPFLI_VERSION from npm into $TOOLS_DIR (the build's .gz files)"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "@gfx/zopfli@$ZOPFLI_VERSION"
fi

if [ "$purpose" = test ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # The Firefox smoke (tests/firefox).
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # The deployment test runs Debian's nginx itself (not as a service).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  # deploy/nginx.conf's brotli_static.
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  # A CJK font, so the screenshot test's Chinese pages show characters, not boxes.
  fc-list :lang=zh family 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d ' ' -f 1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION into $TOOLS_DIR/bin (about 2 minutes, once; drives Firefox)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force --root "$TOOLS_DIR"
  fi
  # playwright-core and axe-core, each at the version package.json pins.
  e2e_deps_current() {
    node -e "
      const dir = '$REPO/tests/e2e';
      for (const [name, want] of Object.entries(require(dir + '/package.json').dependencies)) {
        if (require(dir + '/node_modules/' + name + '/package.json').version !== want) process.exit(1);
      }" 2>/dev/null
  }
  if ! e2e_deps_current; then
    say "installing the end-to-end test dependencies (playwright-core, no browser download; axe-core)"
    npm ci --prefix "$REPO/tests/e2e" --no-audit --no-fund
  fi
  # The portal app's tools (Vite, TypeScript, vue-tsc, React, Vue): again
  # only when the installed Vite is not the locked one.
  want_vite="$(node -p "require('$REPO/tests/portal/package.json').devDependencies.vite")"
  have_vite="$(node -p "require('$REPO/tests/portal/node_modules/vite/package.json').version" 2>/dev/null || true)"
  if [ "$have_vite" != "$want_vite" ]; then
    say "installing the portal test app's tools (Vite $want_vite, TypeScript, vue-tsc, React, Vue)"
    # Not `npm ci`: Vite's optional Windows-only dependency is not served by
    # the registry here, so the lock cannot list it and `ci` calls it out of
    # sync. `install --no-save` takes the locked versions and writes nothing.
    npm install --prefix "$REPO/tests/portal" --no-save --no-audit --no-fund
  fi
fi
