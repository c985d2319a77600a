#!/usr/bin/env bash
# Sets up what is missing, builds the app in release mode and serves it, with its
# built-in sample letter, at http://127.0.0.1:8080/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --no-browser
source scripts/env.sh
# `trunk serve --release` builds, watches and falls back to index.html for deep links.
exec trunk serve --release --port "${PORT:-8080}"
