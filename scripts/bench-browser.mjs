// The TEI parser in Chromium: builds the benchmark page (bench/index.html) with Trunk,
// serves it with the corpus, runs it headless and prints the table (ours vs DOMParser).
// Then opens the volumes in the built app (dist/, from `trunk build --release`) and
// measures how long the page is blocked while they parse.
// Usage: node scripts/bench-browser.mjs [runs]     (after scripts/setup.sh and a release build)
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CORPUS, ROOT, buildAndServe } from "./bench-server.mjs";

const runs = Number(process.argv[2] ?? 7);
const { base, server } = await buildAndServe("bench/index.html", "bench-dist");

const volumes = readdirSync(join(CORPUS, "tei-volumes"))
  .filter((f) => f.endsWith(".xml"))
  .map((f) => f.slice(0, -4))
  .sort();
// The corpus as a pack site would serve it (the release CLI, built if missing), beside
// the page: the decode table opens its packs.
execFileSync("cargo", ["build", "-q", "--release", "-p", "letterbook-cli"], { cwd: ROOT, stdio: "inherit" });
execFileSync(
  join(ROOT, "target", "release", "letterbook"),
  ["pack", "--out", join(ROOT, "target", "bench-dist", "site"), ...volumes.map((v) => join(CORPUS, "tei-volumes", v + ".xml"))],
  { stdio: ["ignore", "ignore", "inherit"] },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
page.on("pageerror", (e) => console.error("page error:", e.message));
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
await page.goto(`${base}/?runs=${runs}&volumes=${volumes.join(",")}`);
await page.waitForFunction(() => window.__benchResult, null, { timeout: 600_000 });
const rows = await page.evaluate(() => window.__benchResult);

// The app itself: open volumes through its file input and measure how long the page is
// blocked at most (a heartbeat posted through a MessageChannel records the longest gap
// between turns of the event loop) and how long until the volume is listed.
const appServer = (await import("./serve.mjs")).startServer(join(ROOT, "dist"), 0);
const appSrv = await appServer;
const appBase = `http://127.0.0.1:${appSrv.address().port}`;
const appRuns = [];
for (const set of [["frus1934v05"], volumes]) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(appBase + "/");
  await p.locator("#library-title").waitFor();
  await p.evaluate(() => {
    window.__gap = 0;
    const ch = new MessageChannel();
    let last = performance.now();
    ch.port1.onmessage = () => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
      if (!window.__stop) ch.port2.postMessage(0);
    };
    ch.port2.postMessage(0);
    window.__t0 = performance.now();
  });
  await p.setInputFiles("#open-files-input", set.map((v) => join(CORPUS, "tei-volumes", v + ".xml")));
  await p.locator(".load.done").nth(set.length - 1).waitFor({ timeout: 600_000 });
  const r = await p.evaluate(() => {
    window.__stop = true;
    return { ms: performance.now() - window.__t0, gap: window.__gap };
  });
  appRuns.push({ what: set.length === 1 ? set[0] : `all ${set.length} volumes`, ...r });
  await ctx.close();
}
appSrv.close();
await browser.close();
server.close();
if (rows.error) {
  console.error(rows.error);
  process.exit(1);
}

const version = execFileSync(process.env.CHROMIUM ?? "/usr/bin/chromium", ["--version"]).toString().trim();
console.log(`TEI parse in ${version}, median of ${runs} runs (ms); ours = bytes of a JS string → document model`);
const pad = (s, n) => String(s).padStart(n);
console.log(`${"volume".padEnd(20)}${pad("MB", 6)}${pad("docs", 6)}${pad("ours", 8)}${pad("bytes", 8)}${pad("DOMParser", 11)}${pad("ratio", 7)}${pad("MB/s", 6)}${pad("step", 7)}`);
let ours = 0, dom = 0, mb = 0;
for (const r of rows) {
  ours += r.ours; dom += r.dom; mb += r.mb;
  console.log(`${r.volume.padEnd(20)}${pad(r.mb.toFixed(2), 6)}${pad(r.documents, 6)}${pad(r.ours.toFixed(1), 8)}${pad(r.oursBytes.toFixed(1), 8)}${pad(r.dom.toFixed(1), 11)}${pad(r.ratio.toFixed(2), 7)}${pad(r.mbps.toFixed(0), 6)}${pad(r.longestStep.toFixed(1), 7)}`);
}
console.log(`${"all".padEnd(20)}${pad(mb.toFixed(2), 6)}${pad("", 6)}${pad(ours.toFixed(1), 8)}${pad("", 8)}${pad(dom.toFixed(1), 11)}${pad((ours / dom).toFixed(2), 7)}${pad((mb / (ours / 1000)).toFixed(0), 6)}`);
console.log("ratio = ours / DOMParser (target ≤ 0.50); step = longest single next_document() call, what one slice of the app's incremental parse can block");
console.log("");
console.log("Opening a volume again, median ms (decoded and its indexes built), against parsing its XML (ours, bytes)");
console.log(`${"volume".padEnd(20)}${pad("record", 9)}${pad("lz4 ms", 8)}${pad("pack", 9)}${pad("zstd ms", 9)}${pad("lz4/parse", 11)}${pad("zstd/parse", 12)}${pad("XML MB/s lz4", 14)}${pad("zstd", 7)}`);
let l4 = 0, zs = 0, parsed = 0;
for (const r of rows) {
  l4 += r.lz4; zs += r.zstd; parsed += r.oursBytes;
  console.log(`${r.volume.padEnd(20)}${pad(r.recordBytes, 9)}${pad(r.lz4.toFixed(1), 8)}${pad(r.packBytes, 9)}${pad(r.zstd.toFixed(1), 9)}${pad((r.lz4 / r.oursBytes).toFixed(2), 11)}${pad((r.zstd / r.oursBytes).toFixed(2), 12)}${pad((r.mb / (r.lz4 / 1000)).toFixed(0), 14)}${pad((r.mb / (r.zstd / 1000)).toFixed(0), 7)}`);
}
console.log(`${"all".padEnd(20)}${pad("", 9)}${pad(l4.toFixed(1), 8)}${pad("", 9)}${pad(zs.toFixed(1), 9)}${pad((l4 / parsed).toFixed(2), 11)}${pad((zs / parsed).toFixed(2), 12)}${pad((mb / (l4 / 1000)).toFixed(0), 14)}${pad((mb / (zs / 1000)).toFixed(0), 7)}`);
console.log("");
console.log("In the app (dist/): files chosen in the file input until listed as opened; longest time the page was blocked");
for (const r of appRuns) {
  console.log(`${r.what.padEnd(20)} opened in ${r.ms.toFixed(0)} ms, page blocked at most ${r.gap.toFixed(1)} ms`);
}
