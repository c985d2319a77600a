#!/usr/bin/env bash
# Fuzzes the parsers: `scripts/fuzz.sh [minutes per target] [target...]` (default 15
# minutes; targets page_text, tei_volume, tei_document, pack_record). Not part of CI. Installs
# cargo-fuzz from the Rust package registry when missing; seeds each target from
# ../shared/corpus into target/fuzz/seeds/ (never committed). Runs on the stable toolchain
# (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its nightly flags), with the address sanitizer.
# Findings land in fuzz/artifacts/<target>/; each run's summary in target/fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
minutes=${1:-15}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(page_text tei_volume tei_document pack_record)
corpus=${LETTERBOOK_CORPUS:-../shared/corpus}

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

seeds=target/fuzz/seeds
mkdir -p "$seeds"
python3 - "$corpus" "$seeds" <<'PY'
# Seeds: every page text of the corpus; the modern TEI and each volume's first 256 KB
# (a cut volume is a case of its own); each document's body of the modern TEI and of
# two volumes, as the tei_document target wraps it.
import os, sys, glob, xml.etree.ElementTree as ET
corpus, out = sys.argv[1], sys.argv[2]
TEI = 'http://www.tei-c.org/ns/1.0'
ET.register_namespace('', TEI)
ET.register_namespace('frus', 'http://history.state.gov/frus/ns/1.0')
def put(target, name, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f: f.write(data)
for p in glob.glob(os.path.join(corpus, 'seed', '*.txt')) + glob.glob(os.path.join(corpus, 'txt-*', '*.txt')):
    put('page_text', os.path.basename(p), open(p, 'rb').read())
vols = sorted(glob.glob(os.path.join(corpus, 'tei-volumes', '*.xml')))
modern = sorted(glob.glob(os.path.join(corpus, 'tei-modern', '*.xml')))
for p in modern: put('tei_volume', os.path.basename(p), open(p, 'rb').read())
os.makedirs(os.path.join(out, 'pack_record'), exist_ok=True)  # grows from nothing
for p in vols: put('tei_volume', os.path.basename(p), open(p, 'rb').read()[:262144])
for p in modern + vols[::6]:
    root = ET.parse(p).getroot()
    for div in root.iter('{%s}div' % TEI):
        if div.get('type') != 'document': continue
        body = (div.text or '').encode() + b''.join(ET.tostring(c) for c in div)
        if len(body) <= 65536:
            put('tei_document', '%s-%s' % (os.path.basename(p)[:-4], div.get('{http://www.w3.org/XML/1998/namespace}id')), body)
PY

max_len() { case $1 in tei_volume) echo 262144 ;; *) echo 65536 ;; esac; }
cd fuzz
for t in "${targets[@]}"; do
  mkdir -p "../target/fuzz/corpus/$t"
  echo "== fuzz $t for $minutes min (seeds: $(ls "../$seeds/$t" | wc -l))"
  cargo fuzz run -O "$t" "../target/fuzz/corpus/$t" "../$seeds/$t" -- \
    -max_len="$(max_len "$t")" -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 \
    -timeout=20 -print_final_stats=1 2>&1 | tee "../target/fuzz/$t.log" | grep -E "^#[0-9]+ *(DONE|INITED)|ERROR|SUMMARY|stat::number_of_executed_units|crash-|timeout-|oom-" || true
done
