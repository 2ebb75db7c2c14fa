# Shared by the scripts: versions, tool folder, PATH. Source it; do not run it.
# shellcheck shell=bash
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ESBUILD_VERSION=0.25.12
# Zopfli (gzip at its densest, in wasm: no native build) for the .gz files.
ZOPFLI_VERSION=1.0.15
# The Firefox smoke (tests/firefox) drives Debian's Firefox ESR through
# geckodriver, built from its crate into $TOOLS_DIR/bin.
GECKODRIVER_VERSION=0.37.1
# The release size builds (page and embed) use this nightly to rebuild std
# with panics that abort at once and no file/line strings; tests never do.
NIGHTLY_DATE=2026-05-19
# The machines carry it as `nightly`; setup.sh installs it by date elsewhere.
NIGHTLY=nightly
rustc +nightly --version 2>/dev/null | grep -q "$NIGHTLY_DATE" || NIGHTLY="nightly-$NIGHTLY_DATE"
# wasm-bindgen's CLI must equal the crate version pinned in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$REPO/Cargo.lock")"
TOOLS_DIR="${OMS_TOOLS_DIR:-$HOME/.cache/oms-progress/tools}"
# Where scripts/build.sh puts the release page and the embed artifacts.
PAGE_DIST="$REPO/dist-e2e"
EMBED_DIST="$REPO/dist-embed"
# Where scripts/build-embed.sh puts the module with <oms-wallboard> too.
WALL_EMBED_DIST="$REPO/dist-embed-wallboard"
# Where scripts/package.sh puts the npm package and its tarball.
PKG_DIST="$REPO/dist-pkg"
# Where scripts/build.sh puts the Leptos example app (tests/leptos-app).
LEPTOS_APP_DIST="$REPO/dist-leptos-app"
export PATH="$TOOLS_DIR/node_modules/.bin:$TOOLS_DIR/bin:$HOME/.cargo/bin:$PATH"
# wasm-opt's arguments for the embed's wasm (build-embed.sh; index.html
# gives Trunk the same for the page): smallest, with the features Rust's
# wasm32 target emits. `--converge` repeats -Oz while it still shrinks;
# `--low-memory-unused` lets it fold `p + C` into loads' offsets: Rust's
# wasm32 puts the 1 MB stack first, so the lowest 1 KB is touched only by
# a stack about to overflow. `--one-caller-inline-max-function-size=20`
# stops -Oz from inlining every function with one caller however big:
# merged into a few huge functions, code numbers thousands of locals in
# multi-byte indices that gzip finds few repeats in. 20 was the smallest
# of the sizes tried (the commit that set it lists them).
export WASM_OPT_ARGS="-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --low-memory-unused --converge --one-caller-inline-max-function-size=20"

# Runs a cargo-driven command (cargo itself, or trunk) as the size build:
# the nightly above, std rebuilt, its own target folder beside the usual one.
# `-Zfmt-debug=none` compiles `Debug` formatting out, so `{:?}` writes
# nothing there: shipped code never uses it (tests/no_debug_text.rs).
size_build() {
  RUSTUP_TOOLCHAIN="$NIGHTLY" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}/size" \
    "$@"
}
# The seeded projects of oms-sim's default scenario, for the demo page
# (the failed one through OMS 4.x too, for its reason; one id OMS lacks).
DEMO_PROJECTS="np_4ur1zdx1v8cg,np_steady_orders,np_steady_users,p_3xj9docnames,np_lagging_audit,np_failed_billing,np_suspended_crm,np_finished_archive,np_released_legacy,np_sybase_ledger,np_ocp_inventory,np_v4_payments,v4:np_v4_payments,v4:np_reverse_orders,v4:np_store_lag_crm,v4:np_failed_billing,v4:np_catchup_reports,v4:np_rough_night_sales,v4:np_verified_ledger,v4:np_verify_mismatch,v4:np_cutover_ready,v4:np_cutover_rows_differ,v4:np_cutover_lagging,v4:np_cutover_just_caught_up,v4:np_cutover_switching,v4:np_cutover_switched,v4:np_cutover_no_way_back,migration:p_migration_dw,np_nowhere"

# The crate's version, which the npm package carries too.
crate_version() { awk -F'"' '/^version = / { print $2; exit }' "$REPO/Cargo.toml"; }

say() { printf '\033[1m== %s\033[0m\n' "$*"; }
