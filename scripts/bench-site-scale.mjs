// A pack site the size of the whole FRUS series, in Chromium: the twelve corpus volumes
// packed 62 times under new ids (744 volumes, 302,126 documents; `letterbook pack
// --copies`, zstd level 3 to pack it quickly), served as a static folder. Measured from a
// cold start (a fresh profile, nothing cached or kept): the time from navigation to the
// library listing every volume, and to the timeline drawn over every document from the
// summary (its count final and its marks on screen); the bytes of collection.json and of
// the summary; the page's memory once the timeline is drawn (JS heap and wasm memory).
// Usage: node scripts/bench-site-scale.mjs [runs]  (after a release build of the app and
// of the CLI: trunk build --release && cargo build --release -p letterbook-cli)
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = process.env.LETTERBOOK_CORPUS ?? join(ROOT, "..", "shared", "corpus");
const SITE = join(ROOT, "target", "site-scale");
const COPIES = 62;
const runs = Number(process.argv[2] ?? 3);

const volumes = readdirSync(join(CORPUS, "tei-volumes"))
  .filter((f) => f.endsWith(".xml"))
  .sort()
  .map((f) => join(CORPUS, "tei-volumes", f));
rmSync(SITE, { recursive: true, force: true });
execFileSync(
  join(ROOT, "target", "release", "letterbook"),
  ["pack", "--out", SITE, "--title", "A whole series", "--level", "3", "--copies", String(COPIES), "--app", join(ROOT, "dist"), ...volumes],
  { stdio: "inherit" },
);
const manifest = JSON.parse(readFileSync(join(SITE, "collection.json"), "utf8"));
const summaryBytes = statSync(join(SITE, manifest.summary.path)).size;
const expected = manifest.volumes.length;
const server = await startServer(SITE, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
});

// When each mark first holds, as the page saw it (a MutationObserver in the page).
const WATCH = ({ volumes, documents }) => {
  window.__at = {};
  const total = new RegExp(`of ${documents.toLocaleString("en-US")} documents`);
  const marks = {
    listed: () => document.querySelectorAll(".site-list .volume-card").length >= volumes,
    timeline: () => total.test(document.querySelector("#tl-count")?.textContent ?? "") && !!document.querySelector(".tl-lanes .tl-mark"),
  };
  new MutationObserver(() => {
    for (const [k, f] of Object.entries(marks)) if (!(k in window.__at) && f()) window.__at[k] = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // The wasm module's memory, as Trunk's loader hands it over.
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail?.wasm));
};
const mark = async (page, k) => {
  await page.waitForFunction((k) => k in (window.__at ?? {}), k, { timeout: 300_000, polling: 100 });
  return page.evaluate((k) => window.__at[k], k);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = { listed: [], timeline: [], heap: [], wasm: [] };
for (let i = 0; i < runs; i++) {
  for (const [path, k] of [["/", "listed"], ["/timeline", "timeline"]]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(WATCH, { volumes: expected, documents: manifest.documents });
    const page = await context.newPage();
    await page.goto(base + path);
    rows[k].push(await mark(page, k));
    if (k === "timeline") {
      const mem = await page.evaluate(() => ({
        heap: performance.memory?.usedJSHeapSize ?? 0,
        wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0,
      }));
      rows.heap.push(mem.heap);
      rows.wasm.push(mem.wasm);
    }
    await context.close();
  }
}
await browser.close();
server.close();

const mb = (n) => (n / 1e6).toFixed(1) + " MB";
console.log(`${manifest.volumes.length} volumes, ${manifest.documents.toLocaleString("en-US")} documents (medians of ${runs} cold loads, Chromium)`);
console.log(`collection.json           ${statSync(join(SITE, "collection.json")).size.toLocaleString("en-US")} bytes`);
console.log(`summary                   ${summaryBytes.toLocaleString("en-US")} bytes (copies compress better than 300,000 distinct documents would)`);
console.log(`library listed            ${median(rows.listed).toFixed(0)} ms   (all: ${rows.listed.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`timeline drawn            ${median(rows.timeline).toFixed(0)} ms   (all: ${rows.timeline.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`memory, timeline drawn    JS heap ${mb(median(rows.heap))}, wasm ${mb(median(rows.wasm))}`);
if (!existsSync(join(ROOT, "dist", "index.html"))) console.log("(no dist/: build the app first)");
