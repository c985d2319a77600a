#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting, clippy (host and wasm32),
# native tests (core, CLI, accuracy over ../shared/corpus), in-browser component tests
# (wasm-bindgen-test in headless Chromium, then Firefox), a release build with Trunk, and
# the end-to-end tests against that build (Chromium; a reader's first steps in Firefox). Exits non-zero at the first failure; prints each
# runner's summary line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

log=$(mktemp -d)
summary=()
step() { printf '\n== test: %s\n' "$*"; }
# Sums the "test result:" lines of a cargo or wasm-bindgen-test log.
count() {
  awk '/^test result:/ { p += $4; f += $6; i += $8 } END { printf "%d passed, %d failed, %d ignored", p, f, i }' "$1"
}
started=$SECONDS

step "cargo fmt --check"
cargo fmt --all --check
summary+=("fmt: ok")

step "architecture (no import cycle, no parser in a view)"
python3 scripts/check-architecture.py --self-test
python3 scripts/check-architecture.py
summary+=("architecture: ok")

step "clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32: app and core)"
cargo clippy --target wasm32-unknown-unknown -p letterbook-core --lib --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p letterbook-app --all-targets --locked -- -D warnings
summary+=("clippy: ok (host, wasm32)")

step "native tests"
cargo test --workspace --locked 2>&1 | tee "$log/native.txt"
summary+=("native: $(count "$log/native.txt")")
step "accuracy table (plain-text parser over ../shared/corpus)"
cargo test -p letterbook-core --test accuracy --locked -- --nocapture 2>&1 | tee "$log/accuracy-run.txt"
grep -A18 "^plain-text parser accuracy" "$log/accuracy-run.txt" | grep -v "^  miss" > "$log/accuracy.txt" || true
step "accuracy over every document of the twelve corpus volumes (rendered by tei2txt.py into target/)"
cargo test -p letterbook-core --test accuracy_volumes --locked -- --nocapture 2>&1 | tee "$log/volumes-run.txt"
grep -A16 "^plain-text parser over every" "$log/volumes-run.txt" >> "$log/accuracy.txt" || true

step "TEI volumes against an independent count (roxmltree)"
cargo test -p letterbook-core --test tei --locked every_volume -- --nocapture 2>&1 | tee "$log/tei-run.txt"
grep -E "^(volume|frus)" "$log/tei-run.txt" > "$log/tei.txt" || true

step "in-browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown -p letterbook-app --locked 2>&1 | tee "$log/wasm.txt"
summary+=("wasm (in Chromium): $(count "$log/wasm.txt")")
step "in-browser component tests again in Firefox (geckodriver, headless firefox-esr)"
CHROMEDRIVER= GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown -p letterbook-app --locked 2>&1 | tee "$log/wasm-firefox.txt"
grep -q "Running headless tests in Firefox" "$log/wasm-firefox.txt"
summary+=("wasm (in Firefox): $(count "$log/wasm-firefox.txt")")

step "release build (trunk)"
trunk build --release
# The app's module and the file worker's, each with its sizes.
for wasm in dist/*_bg.wasm; do
  sizes=$(node -e '
    const z = require("zlib"), b = require("fs").readFileSync(process.argv[1]);
    const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
    console.log(`${b.length} bytes raw, ${z.gzipSync(b, { level: 9 }).length} gzip, ${br.length} brotli`);
  ' "$wasm")
  summary+=("build: $(basename "$wasm"): $sizes")
done

step "end-to-end tests (Playwright, headless Chromium, against dist/)"
node --test tests/e2e/ 2>&1 | tee "$log/e2e.txt"
summary+=("e2e: $(grep -E '^# (pass|fail)' "$log/e2e.txt" | tr '\n' ' ')")
step "end-to-end tests in Firefox (puppeteer-core over WebDriver BiDi, firefox-esr, against dist/)"
node --test tests/e2e-firefox/ 2>&1 | tee "$log/e2e-firefox.txt"
summary+=("e2e (Firefox): $(grep -E '^# (pass|fail)' "$log/e2e-firefox.txt" | tr '\n' ' ')")

printf '\n== summary (%ss)\n' "$((SECONDS - started))"
printf '  %s\n' "${summary[@]}"
cat "$log/accuracy.txt"
echo "  TEI volumes (documents, footnotes, pages, dated = roxmltree's count):"
sed 's/^/    /' "$log/tei.txt"
echo "  artifacts: target/e2e/ (screenshots at 1280 and 360 px, the timeline at 1920×1080 and 360×740, print PDF)"
