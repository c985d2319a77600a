// Search in Chromium: builds the benchmark page (bench/search.html) with Trunk, serves it
// with the corpus and the query set of the native report (target/search-queries.tsv, made
// by `cargo bench -p letterbook-search --bench report` when missing), runs it headless and
// prints ours against MiniSearch and FlexSearch: build time, index bytes, query latency
// p50/p95 by kind, phrases found.
// Usage: node scripts/bench-search.mjs [rounds]     (after scripts/setup.sh)
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CORPUS, ROOT, buildAndServe } from "./bench-server.mjs";

const rounds = Number(process.argv[2] ?? 3);
const queries = join(ROOT, "target", "search-queries.tsv");
if (!existsSync(queries)) {
  execFileSync("cargo", ["bench", "-q", "-p", "letterbook-search", "--bench", "report"], { cwd: ROOT, stdio: "inherit" });
}
const { base, server } = await buildAndServe("bench/search.html", "bench-search-dist");
copyFileSync(queries, join(ROOT, "target", "bench-search-dist", "queries.tsv"));
const volumes = readdirSync(join(CORPUS, "tei-volumes"))
  .filter((f) => f.endsWith(".xml"))
  .map((f) => f.slice(0, -4))
  .sort();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
page.on("pageerror", (e) => console.error("page error:", e.message));
await page.goto(`${base}/?rounds=${rounds}&volumes=${volumes.join(",")}`);
await page.waitForFunction(() => window.__benchResult, null, { timeout: 900_000 });
const r = await page.evaluate(() => window.__benchResult);
await browser.close();
server.close();
if (r.error) {
  console.error(r.error);
  process.exit(1);
}
const version = execFileSync(process.env.CHROMIUM ?? "/usr/bin/chromium", ["--version"]).toString().trim();
const f = (x, d = 2) => (x == null ? "—" : x.toFixed(d));
console.log(`search over ${r.volumes} volumes (${r.documents} documents; ${r.xmlBytes} bytes of XML, ${r.textBytes} of text), ${version}`);
console.log(`parsing the XML (ours, wasm): ${f(r.parseMs, 0)} ms`);
console.log("engine        build ms  build/parse  index bytes  of text   word p50/p95   phrase p50/p95  prefix p50/p95  facet p50/p95   all p50/p95    phrases found");
for (const [name, e] of Object.entries(r.engines)) {
  const l = (k) => (e.latency[k] ? `${f(e.latency[k].p50)}/${f(e.latency[k].p95)}` : "—");
  console.log(
    [
      name.padEnd(13),
      f(e.build, 0).padStart(8),
      (e.build == null ? "—" : f(e.build / r.parseMs)).padStart(11),
      (e.bytes == null ? "—" : String(e.bytes)).padStart(12),
      (e.bytes == null ? "—" : `${f((100 * e.bytes) / r.textBytes, 1)} %`).padStart(8),
      l("word").padStart(14),
      l("phrase").padStart(15),
      l("prefix").padStart(15),
      l("facet").padStart(14),
      l("all").padStart(13),
      (e.phrasesFound == null ? "—" : `${e.phrasesFound}/${e.phrases}`).padStart(15),
    ].join(" "),
  );
}
