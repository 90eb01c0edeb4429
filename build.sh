#!/usr/bin/env bash
# Caveat's single entry point. Installs what is missing, builds, tests, demos.
#   ./build.sh [build]                        wasm core, native CLI, extension for Chrome and Firefox
#   ./build.sh test                           build, then cargo test, clippy, web-ext lint, browser tests
#   ./build.sh demo [--browser chromium|firefox]  build, serve www/ and sample pages, optionally open a browser
#   ./build.sh bench                          build, then `caveat bench`, jsonl against write-good, the page-to-highlights
#                                             breakdown in Chromium and Firefox, and extraction timings in Chromium
# Every step says what it does; a failing step says which one failed. Safe to re-run:
# steps whose inputs did not change are skipped.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

WASM_TARGET=wasm32-unknown-unknown
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
PKG_DIR=target/wasm-pkg          # wasm-bindgen output, copied into the extension and www/
BROWSERS=(chrome firefox)
WASM_GZIP_TARGET_KIB=300          # issue 14: the wasm's gzipped size should stay within this

# The shipped wasm's size gzipped (-9), in bytes.
wasm_gzip_bytes() { gzip -9c "$PKG_DIR/caveat_bg.wasm" | wc -c; }
# Prints the shipped wasm's size against the target: a figure, like the speed figures, not a
# pass/fail test.
wasm_size_report() {
  local gz
  gz=$(wasm_gzip_bytes)
  if [ "$gz" -le $((WASM_GZIP_TARGET_KIB * 1024)) ]; then
    note "$PKG_DIR/caveat_bg.wasm: $((gz / 1024)) KiB gzipped ($gz bytes, gzip -9), within the $WASM_GZIP_TARGET_KIB KiB target"
  else
    note "$PKG_DIR/caveat_bg.wasm: $((gz / 1024)) KiB gzipped ($gz bytes, gzip -9), OVER the $WASM_GZIP_TARGET_KIB KiB target"
  fi
}

STEP=""
step() {
  STEP=$1
  printf '\n\033[1m==> %s\033[0m\n' "$1"
}
note() { printf '    %s\n' "$*"; }
die() {
  printf '\n\033[31mbuild.sh: step "%s" failed: %s\033[0m\n' "$STEP" "$*" >&2
  STEP=""
  exit 1
}
trap 'rc=$?; [ $rc -ne 0 ] && [ -n "$STEP" ] && printf "\n\033[31mbuild.sh: step \"%s\" failed (exit %s)\033[0m\n" "$STEP" "$rc" >&2' EXIT

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

APT_UPDATED=""
# apt_install PACKAGE...: install Debian packages; refresh the lists once if the install fails.
apt_install() {
  note "apt-get install $*"
  if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; then return 0; fi
  if [ -z "$APT_UPDATED" ]; then
    note "install failed; refreshing package lists (apt-get update) and retrying"
    as_root apt-get update -q && APT_UPDATED=1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" && return 0
  fi
  die "could not install Debian packages: $*"
}

# need_command COMMAND PACKAGE: install PACKAGE when COMMAND is missing.
need_command() {
  if command -v "$1" >/dev/null; then note "$1: present"; else apt_install "$2"; fi
}

# newer TARGET SOURCE...: true when TARGET is missing or any SOURCE (file or directory tree) is newer.
newer() {
  local target=$1
  shift
  [ -e "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -print -quit 2>/dev/null)" ]
}

# ---- install -------------------------------------------------------------------------------------

install_build_tools() {
  step "Checking build tools"
  command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
  need_command zip zip
  need_command wasm-opt binaryen
  need_command node nodejs
  need_command npm npm
}

# The oldest browsers the tests (puppeteer's extension loading, WebDriver BiDi) and the manifests'
# minimum versions are known to work on. Debian's stale package lists offer older ones
# (Chromium 148: no Extensions.loadUnpacked; Firefox ESR 140: BiDi calls missing).
MIN_CHROMIUM=156
MIN_FIREFOX=153

# browser_major COMMAND: the major version COMMAND reports, or 0 when it is missing.
browser_major() {
  command -v "$1" >/dev/null || { echo 0; return; }
  "$1" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1 | cut -d. -f1 || echo 0
}

# need_browser COMMAND PACKAGE MINIMUM: install or upgrade PACKAGE until COMMAND is at least MINIMUM.
# The lists are refreshed first: an install from stale lists brings a browser the tests cannot drive.
need_browser() {
  local command=$1 package=$2 minimum=$3 have
  have=$(browser_major "$command")
  if [ "${have:-0}" -ge "$minimum" ]; then note "$command $have: present (>= $minimum)"; return; fi
  note "$command: ${have/#0/missing} (need >= $minimum); refreshing package lists, then installing $package"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -q || die "apt-get update failed"; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" || die "could not install $package"
  have=$(browser_major "$command")
  [ "${have:-0}" -ge "$minimum" ] ||
    die "$package $have is installed but Caveat's tests need $minimum or newer (apt-cache policy $package shows what the lists offer)"
  note "$command $have"
}

install_browsers() {
  step "Checking browsers for the tests and the demo"
  need_browser chromium chromium "$MIN_CHROMIUM"
  need_browser firefox-esr firefox-esr "$MIN_FIREFOX"
}

# Sets WASM_BUILD to the command that builds the wasm library.
WASM_BUILD=()
install_wasm_toolchain() {
  step "Checking the wasm toolchain"
  # CAVEAT_WASM_TOOLCHAIN=debian forces the offline route (to test it where rustup works).
  if [ "${CAVEAT_WASM_TOOLCHAIN:-}" != debian ] && command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    note "rustup has $WASM_TARGET"
    WASM_BUILD=(cargo build --lib --profile wasm-release --target "$WASM_TARGET")
    return
  fi
  if [ "${CAVEAT_WASM_TOOLCHAIN:-}" != debian ] && command -v rustup >/dev/null && rustup target add "$WASM_TARGET" >/dev/null 2>&1; then
    note "added $WASM_TARGET with rustup"
    WASM_BUILD=(cargo build --lib --profile wasm-release --target "$WASM_TARGET")
    return
  fi
  # Offline: Debian's Rust with its std sources, built for wasm with build-std.
  note "rustup cannot provide $WASM_TARGET (offline?); using Debian's rustc-web"
  if [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] &&
    [ -x /usr/bin/wasm-ld-22 ]; then
    note "rustc-web, cargo-web, rust-web-src, lld-22: present"
  else
    apt_install rustc-web cargo-web rust-web-src lld-22
  fi
  WASM_BUILD=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo build --lib --profile wasm-release
    --target "$WASM_TARGET" -Zbuild-std=std,panic_abort)
}

install_wasm_bindgen() {
  step "Checking wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  [ -n "$WASM_BINDGEN_VERSION" ] || die "no exact wasm-bindgen version (=x.y.z) pinned in Cargo.toml"
  local have
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" = "$WASM_BINDGEN_VERSION" ]; then
    note "wasm-bindgen $have: present"
  else
    note "found '${have:-none}'; cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" || die "cargo install wasm-bindgen-cli failed"
  fi
}

install_node_modules() {
  step "Checking npm packages"
  if [ -f package-lock.json ]; then
    if newer node_modules/.package-lock.json package-lock.json package.json; then
      note "npm ci"
      npm ci --no-audit --no-fund || die "npm ci failed"
    else
      note "node_modules up to date"
    fi
  elif newer node_modules/.package-lock.json package.json; then
    note "npm install (no lock file yet)"
    npm install --no-audit --no-fund || die "npm install failed"
  else
    note "node_modules up to date"
  fi
}

# ---- build ---------------------------------------------------------------------------------------

build_wasm() {
  step "Building the wasm core (profile wasm-release: opt-level z)"
  note "${WASM_BUILD[*]}"
  "${WASM_BUILD[@]}" || die "the wasm build failed (compiler output above)"
  local wasm=target/$WASM_TARGET/wasm-release/caveat.wasm
  step "Shrinking the wasm (wasm-opt -Oz) and generating the JS glue (wasm-bindgen --target web)"
  if newer "$PKG_DIR/caveat_bg.wasm" "$wasm" build.sh; then
    rm -rf "$PKG_DIR" target/wasm-opt
    mkdir -p target/wasm-opt
    local input=$wasm
    # wasm-opt runs before wasm-bindgen: Debian's binaryen breaks the externref table
    # wasm-bindgen adds (instantiation then fails with a funcref error).
    if command -v wasm-opt >/dev/null; then
      note "wasm-opt -Oz --converge"
      wasm-opt -Oz --converge --detect-features -o target/wasm-opt/caveat.wasm "$wasm" || die "wasm-opt failed"
      input=target/wasm-opt/caveat.wasm
    else
      note "wasm-opt not found: shipping the unoptimised wasm"
    fi
    wasm-bindgen --target web --no-typescript --remove-producers-section --out-dir "$PKG_DIR" "$input" || die "wasm-bindgen failed"
  else
    note "up to date"
  fi
  note "$PKG_DIR/caveat_bg.wasm: $(stat -c %s "$PKG_DIR/caveat_bg.wasm") bytes"
  wasm_size_report
  step "Checking that the wasm instantiates and answers (node tools/build/wasm-smoke.mjs)"
  node tools/build/wasm-smoke.mjs "$PKG_DIR" || die "the built wasm does not work (see above)"
}

build_cli() {
  step "Building the native CLI (cargo build --release)"
  cargo build --release || die "cargo build --release failed"
  note "target/release/caveat"
}

# manifest_for BROWSER: the one source manifest with that browser's differences applied.
manifest_for() {
  node tools/build/manifest.mjs "$1"
}

build_extension() {
  step "Assembling the extension for ${BROWSERS[*]}"
  mkdir -p dist
  local browser
  for browser in "${BROWSERS[@]}"; do
    local out=dist/$browser
    rm -rf "$out"
    cp -r extension "$out"
    # Helper scripts that make assets (e.g. icons/build-icons.sh) do not ship.
    find "$out" -name '*.sh' -delete
    rm -rf "$out/pkg"
    mkdir -p "$out/pkg"
    cp "$PKG_DIR/caveat.js" "$PKG_DIR/caveat_bg.wasm" "$out/pkg/"
    manifest_for "$browser" >"$out/manifest.json" || die "could not write the $browser manifest"
    rm -f "dist/caveat-$browser.zip"
    (cd "$out" && zip -qr -X "../caveat-$browser.zip" .) || die "could not zip $out"
    note "$out/ and dist/caveat-$browser.zip ($(stat -c %s "dist/caveat-$browser.zip") bytes)"
  done
}

# The sources addons.mozilla.org asks for with compiled code: every file git tracks, and a
# SOURCE-README.md with the tools' versions, the build steps and the wasm's SHA-256.
build_source_zip() {
  step "Packing the sources for store review (dist/caveat-source.zip)"
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    note "not a git checkout: skipping (the archive lists the files git tracks)"
    return
  fi
  local tmp=target/source-zip
  rm -rf "$tmp" dist/caveat-source.zip
  mkdir -p "$tmp"
  node tools/build/source-readme.mjs "$tmp/SOURCE-README.md" "$PKG_DIR/caveat_bg.wasm" || die "could not write SOURCE-README.md"
  local files
  # Tracked files that exist (a file deleted but not yet committed is left out).
  files=$(git ls-files | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done)
  printf '%s\n' "$files" | zip -q -X dist/caveat-source.zip -@ || die "could not zip the sources"
  (cd "$tmp" && zip -q -X ../../dist/caveat-source.zip SOURCE-README.md) || die "could not add SOURCE-README.md"
  note "dist/caveat-source.zip ($(stat -c %s dist/caveat-source.zip) bytes, $(($(printf '%s\n' "$files" | wc -l) + 1)) files)"
}

# The demo page runs the wasm in the page: it gets the glue, the wasm, the kinds and the overlay's scripts
# (www/index.html loads them in the manifest's order).
build_www() {
  step "Copying the wasm and the overlay into www/pkg/ (generated, not committed)"
  rm -rf www/pkg
  mkdir -p www/pkg
  cp "$PKG_DIR/caveat.js" "$PKG_DIR/caveat_bg.wasm" www/pkg/
  cp extension/shared/kinds.js extension/content/ui/*.js extension/content/overlay.js www/pkg/
  [ -f extension/content/highlights.css ] && cp extension/content/highlights.css www/pkg/highlights.css
  note "www/pkg/: $(cd www/pkg && echo *)"
}

build_all() {
  local started=$SECONDS
  install_build_tools
  install_wasm_toolchain
  install_wasm_bindgen
  install_node_modules
  build_wasm
  build_cli
  build_extension
  build_source_zip
  build_www
  STEP=""
  printf '\nBuilt in %ss: dist/chrome, dist/firefox, dist/caveat-chrome.zip, dist/caveat-firefox.zip, dist/caveat-source.zip, target/release/caveat\n' \
    $((SECONDS - started))
}

# ---- test ----------------------------------------------------------------------------------------

RESULTS=()
FAILED=0
# check NAME COMMAND...: run one test step, remember whether it passed; later steps still run.
check() {
  local name=$1 started=$SECONDS
  shift
  step "Test: $name"
  note "$*"
  if "$@"; then
    RESULTS+=("PASS  $name ($((SECONDS - started))s)")
  else
    RESULTS+=("FAIL  $name ($((SECONDS - started))s)")
    FAILED=$((FAILED + 1))
  fi
}

web_ext_lint() {
  # web-ext exits non-zero when it finds errors: the report says which, and decides.
  { NO_UPDATE_NOTIFIER=1 npx --no-install web-ext lint --source-dir dist/firefox --output json 2>/dev/null || true; } |
    node tools/build/lint-report.mjs
}

run_tests() {
  install_browsers
  build_all
  check "cargo test" cargo test
  check "cargo clippy" cargo clippy --all-targets -- -D warnings
  # src/wasm.rs only compiles for wasm32; lint it where rustup has that target (Debian's route has no clippy).
  if [ "${WASM_BUILD[0]}" = cargo ]; then
    check "cargo clippy (wasm32)" cargo clippy --lib --target "$WASM_TARGET" -- -D warnings
  else
    note "skipping clippy for wasm32: rustup has no $WASM_TARGET here"
  fi
  check "web-ext lint (dist/firefox)" web_ext_lint
  check "browser tests (node --test tests/e2e/)" node --test --test-concurrency=1 tests/e2e/
  STEP=""
  printf '\n\033[1mSummary\033[0m\n'
  for line in "${RESULTS[@]}"; do printf '  %s\n' "$line"; done
  local passed=$((${#RESULTS[@]} - FAILED))
  printf 'steps: %s passed, %s failed\n' "$passed" "$FAILED"
  [ "$FAILED" -eq 0 ]
}

# ---- bench --------------------------------------------------------------------------------------

# Figures only (no pass/fail on speed); fails only when a benchmark cannot run.
run_bench() {
  install_browsers
  build_all
  local failed=0
  step "Bench: native (target/release/caveat bench)"
  target/release/caveat bench || { note "caveat bench failed (exit $?)"; failed=1; }
  step "Bench: caveat jsonl against write-good, whole process (tests/bench/jsonl.mjs)"
  node tests/bench/jsonl.mjs || { note "the jsonl benchmark failed (exit $?)"; failed=1; }
  step "Bench: page to highlights, step by step, in Chromium and Firefox (tests/bench/breakdown.mjs)"
  node tests/bench/breakdown.mjs || { note "the breakdown benchmark failed (exit $?)"; failed=1; }
  step "Bench: extraction in headless Chromium (tests/bench/extract-browser.mjs)"
  node tests/bench/extract-browser.mjs || { note "the browser benchmark failed (exit $?)"; failed=1; }
  STEP="bench"
  [ "$failed" -eq 0 ] || die "a benchmark could not run (see above)"
  STEP=""
}

# ---- demo ----------------------------------------------------------------------------------------

run_demo() {
  local browser=""
  while [ $# -gt 0 ]; do
    case $1 in
      --browser) browser=${2:-}; shift 2 || die "--browser needs chromium or firefox" ;;
      --browser=*) browser=${1#--browser=}; shift ;;
      *) die "unknown demo option: $1" ;;
    esac
  done
  case $browser in "" | chromium | firefox) ;; *) die "--browser must be chromium or firefox, not '$browser'" ;; esac
  [ -n "$browser" ] && install_browsers
  build_all
  step "Serving the demo (Ctrl-C to stop)"
  STEP=""
  exec node tests/e2e/harness.mjs demo ${browser:+--browser "$browser"}
}

command=${1:-build}
[ $# -gt 0 ] && shift
case $command in
  build) build_all ;;
  test) run_tests ;;
  demo) run_demo "$@" ;;
  bench) run_bench ;;
  -h | --help | help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$command' (build, test, demo, bench)" ;;
esac
