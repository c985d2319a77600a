// Lighthouse (npm, pinned) against Debian's Chromium on the built app, served as a static
// host serves it (scripts/serve.mjs: precompressed files, validators, _headers): the
// library, the reader and the timeline, with the mobile preset (a slow 4G network and a
// CPU slowed 4×) and the desktop one. Prints each page's four scores, LCP, TBT and bytes
// transferred; then what a first visit and a repeat visit download (compressed), and the
// time to the sample painted and to the app running, cold and warm, on "Fast 3G".
// Usage: node scripts/lighthouse.mjs [runs]   (after scripts/setup.sh and trunk build --release)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";
import * as launcher from "chrome-launcher";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";
import { controlled } from "../tests/e2e/service-worker.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 1);
const CHROME = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const server = await startServer(join(ROOT, "dist"), 0);
const base = `http://127.0.0.1:${server.address().port}`;
const pages = [
  ["library", "/"],
  ["reader", "/read/frus1981-88v03-d74"],
  ["timeline", "/timeline"],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, ${runs} run(s) each, median; served with brotli`);
console.log("preset   page       perf  a11y  best  seo   LCP ms   TBT ms   KiB");
for (const [preset, config] of [["mobile", undefined], ["desktop", desktop]]) {
  for (const [name, path] of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      // A fresh profile each run: a cold visit.
      const profile = mkdtempSync(join(tmpdir(), "letterbook-lh-"));
      const chrome = await launcher.launch({ chromePath: CHROME, chromeFlags: [...FLAGS, `--user-data-dir=${profile}`] });
      try {
        const r = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error" }, config);
        const lhr = r.lhr;
        results.push({
          perf: lhr.categories.performance.score * 100,
          a11y: lhr.categories.accessibility.score * 100,
          best: lhr.categories["best-practices"].score * 100,
          seo: lhr.categories.seo.score * 100,
          lcp: lhr.audits["largest-contentful-paint"].numericValue,
          tbt: lhr.audits["total-blocking-time"].numericValue,
          kib: lhr.audits["total-byte-weight"].numericValue / 1024,
        });
      } finally {
        await chrome.kill();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    const m = (k) => median(results.map((r) => r[k]));
    console.log(
      `${preset.padEnd(8)} ${name.padEnd(10)} ${String(Math.round(m("perf"))).padStart(4)}  ${String(Math.round(m("a11y"))).padStart(4)}  ${String(Math.round(m("best"))).padStart(4)}  ${String(Math.round(m("seo"))).padStart(4)}  ${String(Math.round(m("lcp"))).padStart(7)}  ${String(Math.round(m("tbt"))).padStart(7)}  ${String(Math.round(m("kib"))).padStart(5)}`,
    );
  }
}

// First and repeat visit: bytes on the wire (compressed), the repeat with the service
// worker and the HTTP cache of the first.
const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.filter((f) => !f.startsWith("--headless")) });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
let bytes = 0;
cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
await page.goto(base + "/read/frus1981-88v03-d74");
await page.locator("#doc-title").waitFor();
await controlled(page);
await page.waitForTimeout(1000);
const first = bytes;
bytes = 0;
await page.reload();
await page.locator("#doc-title").waitFor();
await page.waitForTimeout(1000);
console.log(`first visit ${Math.round(first / 1024)} KiB on the wire (with the worker's precache), repeat visit ${Math.round(bytes / 1024)} KiB`);
await context.close();

// Time to the sample letter painted (the page's largest paint: the shell's) and to the
// app running it (the reader's own heading in place), on DevTools' "Fast 3G" (562.5 ms
// round trip, 1.44 Mbit/s down, 675 kbit/s up) with the CPU slowed 4×: a cold visit,
// then a warm one (the worker's cache and the HTTP cache of the first).
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const timed = [];
for (let run = 0; run < runs; run++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const row = [];
  for (const visit of ["cold", "warm"]) {
    const p = await ctx.newPage();
    const c = await ctx.newCDPSession(p);
    await c.send("Network.enable");
    await c.send("Network.emulateNetworkConditions", FAST_3G);
    await c.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await p.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__lcp = e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await p.goto(base + "/read/frus1981-88v03-d74");
    await p.locator("main#main #doc-title").waitFor({ timeout: 120_000 });
    const t = await p.evaluate(() => ({ painted: window.__lcp, running: performance.now() }));
    if (visit === "cold") await controlled(p);
    row.push(t);
    await p.close();
  }
  timed.push(row);
  await ctx.close();
}
const ms = (xs) => Math.round(median(xs));
for (const [i, visit] of ["cold", "warm"].entries()) {
  console.log(
    `Fast 3G, CPU 4×, ${visit} visit: the sample painted at ${ms(timed.map((r) => r[i].painted))} ms, the app running it at ${ms(timed.map((r) => r[i].running))} ms`,
  );
}
await browser.close();
server.close();
