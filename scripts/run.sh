#!/usr/bin/env bash
# Sets up what is missing, builds the app in release mode and serves it at
# http://127.0.0.1:8080/ (Ctrl-C stops it).
#   scripts/run.sh                     the app with its built-in sample
#   scripts/run.sh VOLUME.xml|TEXT.txt...   packs them into a site (target/site: the app,
#                                      collection.json, the packs) and serves that site
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-browser
source scripts/env.sh
port="${PORT:-8080}"
if [ "$#" -eq 0 ]; then
  # `trunk serve --release` builds, watches and falls back to index.html for deep links.
  exec trunk serve --release --port "$port"
fi
trunk build --release
cargo build --release --locked -p letterbook-cli
site=target/site
rm -rf "$site"
# A bad source is reported and skipped; the site is served with the rest.
target/release/letterbook pack --out "$site" --app dist "$@" || [ -f "$site/collection.json" ]
exec node scripts/serve.mjs "$site" "$port"
