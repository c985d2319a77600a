// Bytes on the wire: the corpus volumes' XML against their packs, raw and as a static
// host would serve them compressed (gzip -9, brotli 9).
// Usage: node scripts/bench-pack-sizes.mjs SITE   (a folder `letterbook pack` wrote from
// ../shared/corpus/tei-volumes, e.g. target/e2e-site after the end-to-end tests)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = process.env.LETTERBOOK_CORPUS ?? join(ROOT, "..", "shared", "corpus");
const site = process.argv[2] ?? join(ROOT, "target", "e2e-site");
const sizes = (dir, ext) => {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(ext))) {
    const b = readFileSync(join(dir, f));
    raw += b.length;
    gzip += zlib.gzipSync(b, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  }
  return { raw, gzip, brotli };
};
const xml = sizes(join(CORPUS, "tei-volumes"), ".xml");
const packs = sizes(join(site, "packs"), ".lbk");
const n = (x) => x.toLocaleString("en-US");
for (const k of ["raw", "gzip", "brotli"]) {
  console.log(`${k.padEnd(7)} xml ${n(xml[k]).padStart(11)}  packs ${n(packs[k]).padStart(11)}  packs/xml ${(packs[k] / xml[k]).toFixed(3)}`);
}
