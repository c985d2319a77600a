// Shared by the end-to-end tests: the built app served on 127.0.0.1, Debian's Chromium
// through playwright-core, and small helpers (focus, Tab, axe-core).
// LETTERBOOK_DIST (default dist/), CHROMIUM (default /usr/bin/chromium) and
// LETTERBOOK_CORPUS (default ../shared/corpus) can be set.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = resolve(ROOT, process.env.LETTERBOOK_DIST ?? "dist");
export const ARTIFACTS = join(ROOT, "target", "e2e");
export const CORPUS = resolve(ROOT, process.env.LETTERBOOK_CORPUS ?? "../shared/corpus");
const AXE = require.resolve("axe-core/axe.min.js");

/** Debian's Chromium, headless as root (toolchain.md). */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Serves dist/ and launches Chromium; `stop()` ends both. */
export async function startApp() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async stop() {
      await browser.close();
      server.close();
    },
  };
}

/** Page errors and console errors of `page`, pushed to `errors`. */
export function collectErrors(page, errors) {
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
}

/** A page in a fresh context, collecting page errors and console errors. */
export async function openPage(app, viewport = { width: 1280, height: 900 }, extra = {}) {
  const context = await app.browser.newContext({ viewport, ...extra });
  const page = await context.newPage();
  const errors = [];
  collectErrors(page, errors);
  return { page, context, errors };
}

export const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

export async function tabTo(page, id, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await activeId(page)) === id) return;
  }
  assert.fail(`Tab never reached #${id}`);
}

export async function axe(page) {
  // Evaluated, not added as a script element: the app's policy refuses inline scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Records in the page whether a file's progress bar is ever shown (read `window.__sawProgress`). */
export async function watchProgress(page) {
  await page.evaluate(() => {
    window.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector(".loads progress")) window.__sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
