// End-to-end in a second browser: Debian's Firefox ESR, driven over WebDriver BiDi by
// puppeteer-core (Playwright drives only its own build of Firefox). What a reader does
// first, as in Chromium: the library, the sample letter, a footnote opened and closed
// from the keyboard, a page mark, search with its snippets, the timeline, a file opened
// and kept across a reload, the service worker and the page's policy, axe-core.
// FIREFOX (default /usr/bin/firefox-esr) can be set.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer from "puppeteer-core";
import { startServer } from "../../scripts/serve.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, "../..");
const DIST = resolve(ROOT, process.env.LETTERBOOK_DIST ?? "dist");
const CORPUS = resolve(ROOT, process.env.LETTERBOOK_CORPUS ?? "../shared/corpus");
const ARTIFACTS = join(ROOT, "target", "e2e");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server;
let base;
let browser;
const profile = mkdtempSync(join(tmpdir(), "letterbook-firefox-"));

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(DIST, 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { "dom.serviceWorkers.testing.enabled": true },
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function newPage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e.message ?? e)));
  page.on("console", (m) => {
    const expected = /collection\.json|no site collection/.test(m.text());
    if (m.type() === "error" && !expected) errors.push(m.text());
  });
  return { page, errors };
}

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const text = (page, sel) => page.$eval(sel, (e) => e.innerText);

describe("in Firefox", () => {
  test("the sample letter: a footnote from the keyboard, a page mark, the thread, axe", async () => {
    const { page, errors } = await newPage();
    await page.goto(base + "/");
    await page.waitForSelector("#library-title");
    const version = await browser.version();
    assert.match(version, /firefox/i, version);
    await page.click(".start-here a");
    await page.waitForSelector("#doc-title");
    assert.match(await text(page, "#doc-title"), /Gromyko to Secretary of State Haig/);
    assert.equal(await page.$$eval(".fn-marker", (m) => m.length), 3);
    // The first marker from the keyboard: Enter opens its note, Escape closes it and the
    // focus goes back to the marker.
    await page.focus(".fn-marker");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".fn-popover");
    assert.match(await text(page, ".fn-popover"), /Source:/);
    await page.keyboard.press("Escape");
    await page.waitForSelector(".fn-popover", { hidden: true });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("fn-marker")), true);
    assert.ok((await page.$$("#pg_222")).length === 1, "the page mark of printed page 222");
    assert.match(await text(page, "main"), /Thread/);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "firefox-reader-1280.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("search and the timeline", async () => {
    const { page, errors } = await newPage();
    await page.goto(base + "/search?q=" + encodeURIComponent('"your letter"'));
    await page.waitForFunction(() => /^[1-9]\d* documents? for/.test(document.querySelector("#search-count")?.textContent ?? ""));
    await page.waitForSelector(".results li .result-lines mark");
    assert.match(await text(page, ".results li .result-lines mark"), /your letter/i);
    await page.goto(base + "/timeline");
    await page.waitForSelector(".tl-lanes .tl-mark");
    assert.match(await text(page, "#tl-count"), /of 4 documents/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a volume opened from a file is kept across a reload; the worker and the policy are in place", async () => {
    const { page, errors } = await newPage();
    await page.goto(base + "/");
    await page.waitForSelector("#library-title");
    const input = await page.$("#open-files-input");
    await input.uploadFile(join(CORPUS, "tei-volumes", "frus1894Nicaragua.xml"));
    await page.waitForSelector(".volume-state.kept", { timeout: 60_000 });
    await page.reload();
    await page.waitForSelector("a.volume-link[href='/volume/frus1894Nicaragua']", { timeout: 60_000 });
    await page.goto(base + "/read/frus1894Nicaragua-d40");
    await page.waitForSelector("#doc-title", { timeout: 60_000 });
    assert.match(await text(page, "#doc-title"), /Gresham/);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return {
        worker: reg.active?.scriptURL ?? "",
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? "",
      };
    });
    assert.match(state.worker, /\/sw\.js$/);
    assert.match(state.policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
