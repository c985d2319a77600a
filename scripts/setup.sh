#!/usr/bin/env bash
# Installs everything Letterbook needs that a fresh machine lacks; safe to run again
# (each step checks first). Everything comes from the Rust package registry, npm and Debian's packages:
#   - the wasm32 target (rustup)
#   - trunk 0.21.14 and wasm-bindgen-cli at the exact version of Cargo.lock (cargo install)
#   - geckodriver 0.36.0 (cargo install: the in-browser tests in Firefox)
#   - npm dev tools pinned in package-lock.json: binaryen 132 (wasm-opt), playwright-core,
#     puppeteer-core (Firefox over WebDriver BiDi), axe-core, and the benchmarks' peers
#     (npm ci, into node_modules/)
#   - Debian's chromium, chromium-driver and firefox-esr (apt-get), unless --no-browser
# Afterwards, in the same shell:  source scripts/env.sh
set -euo pipefail
cd "$(dirname "$0")/.."

browser=1
[ "${1:-}" = "--no-browser" ] && browser=0

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

want_trunk=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $want_trunk"; then
  step "trunk $want_trunk (several minutes on two cores)"
  cargo install trunk --version "$want_trunk" --locked
fi

# The CLI must match the wasm-bindgen crate exactly; its own lockfile pins crates the
# registry mirror does not serve, hence no --locked.
want_wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $want_wbg"; then
  step "wasm-bindgen-cli $want_wbg"
  cargo install wasm-bindgen-cli --version "$want_wbg" --force
fi

want_gecko=0.36.0
if [ "$browser" = 1 ] && ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $want_gecko"; then
  step "geckodriver $want_gecko"
  cargo install geckodriver --version "$want_gecko" --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm tools (binaryen, playwright-core, puppeteer-core, axe-core, benchmark peers)"
  npm ci --no-audit --no-fund
fi

if [ "$browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ]; }; then
  step "Debian chromium, chromium-driver and firefox-esr"
  sudo_cmd=""
  [ "$(id -u)" != 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver firefox-esr
fi

# Debian's binaryen 108 silently breaks the module: the npm one must come first.
source scripts/env.sh
found=$(wasm-opt --version)
case "$found" in
  *"version 132"*) ;;
  *) echo "setup: wrong wasm-opt on PATH: $found" >&2; exit 1 ;;
esac
step "ready: $(trunk --version), $(wasm-bindgen --version), $found"
