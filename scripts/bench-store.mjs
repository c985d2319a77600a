// The browser store against parsing again, in Chromium, on the built app (dist/, from
// `trunk build --release`): the twelve corpus volumes are opened through the file input
// and kept; then a visit to the library and a deep link are timed twice: with the store
// (a reload: the volumes come back from their records) and without it (a fresh profile:
// the same files chosen again and parsed). Prints medians and the ratio store / parse.
// Usage: node scripts/bench-store.mjs [runs]     (after scripts/setup.sh and a release build)
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const ROOT = join(import.meta.dirname, "..");
const CORPUS = process.env.LETTERBOOK_CORPUS ?? join(ROOT, "..", "shared", "corpus");
const runs = Number(process.argv[2] ?? 5);
const files = readdirSync(join(CORPUS, "tei-volumes"))
  .filter((f) => f.endsWith(".xml"))
  .sort()
  .map((f) => join(CORPUS, "tei-volumes", f));
const server = await startServer(join(ROOT, "dist"), 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const DEEP = "/read/frus1934v05-d127#fn2";
// Times in ms since the page's navigation began (the store path) or since the files were
// chosen (the parse path: the person's own time at the picker is not counted).
const at = (page) => page.evaluate(() => performance.now());

// When each mark first holds, as the page saw it (a MutationObserver in the page: the
// test's own polling would wait for a busy page's next free turn).
const WATCH = () => {
  window.__at = {};
  const marks = {
    listed: () => document.querySelectorAll(".volume-list .volume-card").length >= 13,
    opened: () => document.querySelectorAll(".volume-list .volume-card:not(.restoring)").length >= 13,
    doc: () => !!document.querySelector("#doc-title"),
  };
  new MutationObserver(() => {
    for (const [k, f] of Object.entries(marks)) if (!(k in window.__at) && f()) window.__at[k] = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
};
const mark = async (page, k, t0 = 0) => {
  await page.waitForFunction((k) => k in (window.__at ?? {}), k, { timeout: 300_000 });
  return (await page.evaluate((k) => window.__at[k], k)) - t0;
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = { storeListed: [], storeAll: [], storeDeep: [], parseListed: [], parseDeep: [] };

const kept = await browser.newContext();
await kept.addInitScript(WATCH);
{
  const page = await kept.newPage();
  await page.goto(base + "/");
  await page.setInputFiles("#open-files-input", files);
  await page.waitForFunction(() => document.querySelectorAll(".volume-state.kept").length === 12, null, { timeout: 300_000 });
}
for (let i = 0; i < runs; i++) {
  // With the store: a visit to the library, and a deep link.
  let page = await kept.newPage();
  await page.goto(base + "/", { waitUntil: "commit" });
  rows.storeListed.push(await mark(page, "listed"));
  rows.storeAll.push(await mark(page, "opened"));
  await page.close();
  page = await kept.newPage();
  await page.goto(base + DEEP, { waitUntil: "commit" });
  rows.storeDeep.push(await mark(page, "doc"));
  await page.close();

  // Without it: a fresh profile, the files chosen again.
  for (const [path, key, row] of [["/", "opened", rows.parseListed], [DEEP, "doc", rows.parseDeep]]) {
    const fresh = await browser.newContext();
    await fresh.addInitScript(WATCH);
    page = await fresh.newPage();
    await page.goto(base + path);
    await page.locator("#open-files-input").waitFor({ state: "attached" });
    const t0 = await at(page);
    await page.setInputFiles("#open-files-input", files);
    row.push(await mark(page, key, t0));
    await fresh.close();
  }
}
await browser.close();
server.close();
const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
const f = (x) => `${x.toFixed(0)} ms`;
console.log(`twelve corpus volumes, Chromium, median of ${runs} runs`);
console.log(`library listed:       store ${f(m.storeListed)} (from navigation)   parse ${f(m.parseListed)} (all 12 parsed, from the files chosen)   ratio ${(m.storeListed / m.parseListed).toFixed(3)}`);
console.log(`all 12 open again:    store ${f(m.storeAll)}   ratio ${(m.storeAll / m.parseListed).toFixed(3)}`);
console.log(`deep link painted:    store ${f(m.storeDeep)} (from navigation)   parse ${f(m.parseDeep)} (from the files chosen)   ratio ${(m.storeDeep / m.parseDeep).toFixed(3)}`);
