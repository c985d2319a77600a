// The timeline in Chromium: builds bench/timeline.html with Trunk (the real app's timeline
// and vis-timeline, not in the app's bundle), serves it with the corpus, and for the twelve
// volumes and a synthetic 100,000-document set (the volumes replicated 21 times, each copy
// 200 years later) prints the time to first render and the median / 95th percentile of a
// zoom step and a pan step, ours and vis-timeline's, and their ratio.
// Usage: node scripts/bench-timeline.mjs [steps]     (after scripts/setup.sh)
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CORPUS, buildAndServe } from "./bench-server.mjs";

const steps = Number(process.argv[2] ?? 40);
const { base, server } = await buildAndServe("bench/timeline.html", "bench-timeline-dist");
const volumes = readdirSync(join(CORPUS, "tei-volumes")).filter((f) => f.endsWith(".xml")).map((f) => f.slice(0, -4)).sort();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
for (const set of ["12", "100k"]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`${base}/?set=${set}&steps=${steps}&volumes=${volumes.join(",")}`);
  // Progress on stderr: the page's status line while it works.
  const progress = setInterval(async () => {
    const t = await page.locator("#status").innerText().catch(() => "");
    process.stderr.write(`  [${set}] ${t}\n`);
  }, 15_000);
  await page.waitForFunction(() => window.__benchResult, null, { timeout: 1_800_000, polling: 500 });
  clearInterval(progress);
  const r = await page.evaluate(() => window.__benchResult);
  if (r.error) {
    console.error(r.error);
    process.exit(1);
  }
  results.push({ set, ...r });
  await page.close();
}
await browser.close();
server.close();

const version = execFileSync(process.env.CHROMIUM ?? "/usr/bin/chromium", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
const f = (x) => (x === undefined ? "—" : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (a / b >= 0.01 ? (a / b).toFixed(2) : `1/${Math.round(b / a)}`);
console.log(`Timeline in ${version}, 1280×900; ${steps} zoom steps (in, then out) and ${steps} pan steps.`);
console.log("latency: ms from the input event to the next painted frame (median / p95); work: main-thread ms the step costs (median / p95)");
const cols = ["set", "documents", "who", "first render", "zoom latency", "zoom work", "pan latency", "pan work", "steps"];
const widths = [5, 10, 13, 13, 15, 13, 15, 13, 7];
const row = (cells) => console.log(cells.map((c, i) => String(c).padStart(widths[i])).join(" "));
row(cols);
for (const r of results) {
  for (const [who, x] of [["Letterbook", r.ours], ["vis-timeline", r.vis]]) {
    if (x.error) {
      row([r.set, "", who, x.error, "", "", "", "", ""]);
      continue;
    }
    row([
      r.set, x.documents, who, f(x.first),
      `${f(x.zoom.median)} / ${f(x.zoom.p95)}`, `${f(x.zoom.work.median)} / ${f(x.zoom.work.p95)}`,
      `${f(x.pan.median)} / ${f(x.pan.p95)}`, `${f(x.pan.work.median)} / ${f(x.pan.work.p95)}`,
      `${x.zoom.n}+${x.pan.n}`,
    ]);
  }
  if (!r.vis.error) {
    const o = r.ours, v = r.vis;
    row([r.set, "", "ratio", ratio(o.first, v.first),
      `${ratio(o.zoom.median, v.zoom.median)} / ${ratio(o.zoom.p95, v.zoom.p95)}`,
      `${ratio(o.zoom.work.median, v.zoom.work.median)} / ${ratio(o.zoom.work.p95, v.zoom.work.p95)}`,
      `${ratio(o.pan.median, v.pan.median)} / ${ratio(o.pan.p95, v.pan.p95)}`,
      `${ratio(o.pan.work.median, v.pan.work.median)} / ${ratio(o.pan.work.p95, v.pan.work.p95)}`, ""]);
  }
  row([r.set, "", "frame floor", "", `${f(r.ours.floor.median)} / ${f(r.ours.floor.p95)}`, "", "", "", ""]);
}
console.log("documents: Letterbook counts all (undated ones go to its tray), vis-timeline gets the dated ones (the same marks).");
console.log("frame floor: the latency of an event nothing handles (the wait for the next frame).");
console.log("steps = zoom + pan steps timed (a peer needing seconds per step stops after a minute of each).");
console.log("ratio = Letterbook / vis-timeline (lower is faster). Letterbook's first render includes building the correspondence model (dates, parties, threads).");
