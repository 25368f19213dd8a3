#!/usr/bin/env bash
# SafePost build. On a fresh Debian machine with Rust, Node.js and npm it installs what is
# missing, then:
#   ./build.sh          build the extension into dist/ and pack dist/safepost-<version>.zip
#   ./build.sh test     build, then run every test (Rust, WebAssembly in Node, Chromium e2e)
#   ./build.sh demo     build, then open Chromium with SafePost on the four compose boxes
#   ./build.sh bench    benchmarks against DESIGN.md's budgets (not part of `test`)
#   ./build.sh fuzz [N] fuzz Checker::check for N runs (default 1,000,000); `test` runs a short
#                       fuzz too (FUZZ_TEST_RUNS, default 10,000)
#   ./build.sh eval     recall per category on the train, sealed and real posts, side by side
#   ./build.sh train    train the classifier (src/model/weights.bin) on tests/corpus/train
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_build_tools() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust (rustup) first" >&2; exit 2; }
  command -v npm >/dev/null || { echo "npm not found: install Node.js 20+ and npm first" >&2; exit 2; }
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || { log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(locked_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "installing wasm-bindgen-cli $want"
    # --locked first, as upstream pins; if a pinned dependency is missing from the registry
    # mirror, resolve afresh (same wasm-bindgen version either way).
    cargo install --locked wasm-bindgen-cli --version "$want" \
      || cargo install wasm-bindgen-cli --version "$want"
  fi
  command -v wasm-opt >/dev/null || apt_install binaryen
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_browser() {
  command -v chromium >/dev/null || apt_install chromium
  # Firefox end-to-end tests (tests/e2e/firefox.test.mjs) skip without it.
  command -v firefox-esr >/dev/null || apt_install firefox-esr
}

# Compiled out of the wasm only: panic locations (file:line strings) and Debug formatting
# (`{:?}` prints nothing, derived Debug impls are empty): together 67 KB less optimised wasm
# (budget 700 KB); native builds, tests and the CLI keep both. So no finding or
# error message may use `{:?}`: tests/node/wasm.test.mjs compares wasm and CLI output.
# They are -Z flags: RUSTC_BOOTSTRAP=1 lets the stable compiler accept them, as for cargo-fuzz.
WASM_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"

build_wasm() {
  log "building the core for wasm32"
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }$WASM_RUSTFLAGS" \
    cargo build --lib --target wasm32-unknown-unknown --profile wasm
  local raw=target/wasm32-unknown-unknown/wasm/safepost.wasm
  # pkg/.built marks a finished bindgen + wasm-opt run for the current raw module.
  if [ ! -f pkg/.built ] || [ "$raw" -nt pkg/.built ]; then
    wasm-bindgen --target web --out-dir pkg --out-name safepost "$raw"
    wasm-opt -Oz --strip-debug --strip-producers "${WASM_FEATURES[@]}" \
      pkg/safepost_bg.wasm -o pkg/safepost_bg.opt.wasm
    # Debian's wasm-opt (binaryen 108) points every table export at table 0: put
    # __wbindgen_externrefs back on the externref table, and prove the module instantiates.
    node scripts/fix-table-exports.mjs pkg/safepost_bg.wasm pkg/safepost_bg.opt.wasm
    mv pkg/safepost_bg.opt.wasm pkg/safepost_bg.wasm
    touch pkg/.built
  fi
}

build_extension() {
  log "bundling the extension into dist/"
  node extension/build.mjs
  local zip="dist/safepost-$VERSION.zip"
  rm -f dist/safepost-*.zip
  (cd dist && python3 - "safepost-$VERSION.zip" <<'PY'
import os, sys, zipfile
# Pack everything the browser loads; never the demo output or older zips.
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, dirs, files in os.walk("."):
        dirs[:] = sorted(d for d in dirs if d not in ("demo", "screenshots", "bench"))
        for f in sorted(files):
            if not f.endswith(".zip"):
                z.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), "."))
PY
  )
  printf 'wasm (after wasm-opt): %s bytes (budget 1500000, model included)\n' "$(stat -c %s dist/wasm/safepost_bg.wasm)"
  printf 'zip %s: %s bytes (budget 1000000)\n' "$zip" "$(stat -c %s "$zip")"
}

build() {
  ensure_build_tools
  build_wasm
  build_extension
  cargo build --bin safepost
}

# cargo-fuzz (libFuzzer) on the stable toolchain. The core is safe Rust, so by default no
# sanitizer (`-s none`): libFuzzer still catches every panic and failed assertion, and the
# build takes minutes instead of AddressSanitizer's most of an hour.
# FUZZ_SANITIZER=address for an ASan build: its -Z flags are nightly-only, and
# RUSTC_BOOTSTRAP=1 lets stable rustc accept them (stable ships the sanitizer runtimes).
# run_fuzz RUNS [libFuzzer options...]
run_fuzz() {
  local runs=${1:-1000000} sanitizer=${FUZZ_SANITIZER:-none}
  shift || true
  command -v cargo-fuzz >/dev/null || { log "installing cargo-fuzz"; cargo install --locked cargo-fuzz || cargo install cargo-fuzz; }
  log "fuzzing Checker::check for $runs runs, sanitizer $sanitizer (fuzz/fuzz_targets/check.rs)"
  # fuzz/ is its own workspace with its own target dir; a CARGO_TARGET_DIR meant for the main
  # crate must not redirect it.
  (unset CARGO_TARGET_DIR
    RUSTC_BOOTSTRAP=1 cargo fuzz run -s "$sanitizer" check -- -runs="$runs" \
      -dict="$ROOT/fuzz/check.dict" -print_final_stats=1 "$@")
}

# The classifier is fitted with scikit-learn at pinned versions, in a venv of its own.
TRAIN_VENV="$ROOT/target/train-venv"
ensure_train_tools() {
  command -v python3 >/dev/null || apt_install python3
  python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
  local stamp="$TRAIN_VENV/.requirements"
  if ! cmp -s scripts/requirements-train.txt "$stamp"; then
    log "installing the training tools (scripts/requirements-train.txt)"
    rm -rf "$TRAIN_VENV"
    python3 -m venv "$TRAIN_VENV"
    "$TRAIN_VENV/bin/pip" install -q --disable-pip-version-check -r scripts/requirements-train.txt
    cp scripts/requirements-train.txt "$stamp"
  fi
}

# train OUT.bin [REPORT.json]: features of tests/corpus/train from the release CLI, then fit.
train_model() {
  ensure_train_tools
  cargo build --release --bin safepost
  local features; features=$(mktemp)
  target/release/safepost features tests/corpus/train >"$features"
  "$TRAIN_VENV/bin/python" scripts/train.py "$features" "$@"
  rm -f "$features"
}

run_tests() {
  build
  ensure_browser
  log "Rust: format, lints, unit, property and corpus tests"
  cargo fmt --check
  cargo clippy --all-targets -- -D warnings
  cargo test
  log "Classifier: a fresh training reproduces src/model/weights.bin"
  local retrained; retrained=$(mktemp)
  train_model "$retrained" >/dev/null
  if ! cmp -s "$retrained" src/model/weights.bin; then
    echo "src/model/weights.bin is not what ./build.sh train makes from tests/corpus/train: run it and commit the result" >&2
    rm -f "$retrained"; exit 1
  fi
  rm -f "$retrained"
  log "TypeScript: type check"
  npx tsc --noEmit -p extension/tsconfig.json
  log "Extension source lint (no HTML injection, no string evaluation)"
  node tests/lint-extension.mjs
  log "Fuzz: a short libFuzzer run of Checker::check (./build.sh fuzz N for a long one)"
  # -len_control=0: inputs up to 4 KB from the start; libFuzzer otherwise grows them slowly and
  # a short run would only ever try a few bytes.
  run_fuzz "${FUZZ_TEST_RUNS:-10000}" -len_control=0
  log "WebAssembly in Node, and end-to-end in Chromium"
  SAFEPOST_BIN="$ROOT/target/debug/safepost" node --test --test-concurrency=1 tests/node/*.test.mjs tests/e2e/*.test.mjs
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  demo) build; ensure_browser; node tests/e2e/demo.mjs ;;
  eval) cargo run --release --bin safepost -- eval "${@:2}" ;;
  train) train_model src/model/weights.bin target/train-report.json; log "wrote src/model/weights.bin (report: target/train-report.json)" ;;
  bench) build; ensure_browser; node tests/bench/all.mjs ;;
  fuzz) run_fuzz "${2:-1000000}" ;;
  *) echo "usage: ./build.sh [build|test|demo|eval|train|bench|fuzz [runs]]" >&2; exit 2 ;;
esac
