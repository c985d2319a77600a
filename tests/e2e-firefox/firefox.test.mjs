// End-to-end in a second browser: Debian's Firefox ESR, driven over WebDriver BiDi by
// puppeteer-core (Playwright drives only its own build of Firefox). What a reader does
// first, as in Chromium: the library, the sample letter, a footnote opened and closed
// from the keyboard, a page mark, search with its snippets, the timeline, a file opened
// and kept across a reload, the service worker and the page's policy, axe-core, the
// light shell before the wasm, kiosk mode, the app offline with its server gone, a new
// build offered and taken, the timeline from the keyboard, two tabs sharing the store,
// a hostile volume that runs nothing under Firefox's own policy enforcement, and search:
// the header's suggestions, a facet, the order, and a result opened at its hits; a kiosk
// site's idle reset and staff exit in real time.
// FIREFOX (default /usr/bin/firefox-esr) can be set.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer from "puppeteer-core";
import { startServer } from "../../scripts/serve.mjs";
import { hostileVolume, whatCouldRun } from "../e2e/hostile.mjs";
import { buildOf, controlled, nextBuild } from "../e2e/service-worker.mjs";

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

/** A page whose errors (uncaught, or said on the console) are collected in `errors`. */
async function newPage({ context = browser, viewport = { width: 1280, height: 900 }, errors = [] } = {}) {
  const page = await context.newPage();
  await page.setViewport(viewport);
  page.on("pageerror", (e) => errors.push(String(e.message ?? e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, errors };
}

/** A page in a browser context of its own: no store, worker or kiosk mode of another test. */
async function isolated(viewport) {
  const context = await browser.createBrowserContext();
  return { context, ...(await newPage({ context, viewport })) };
}

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const text = (page, sel) => page.$eval(sel, (e) => e.innerText);

/** Clicks the first element of `sel` whose text matches `re`, as a reader would. */
async function clickText(page, sel, re) {
  for (const el of await page.$$(sel)) {
    if (re.test(await el.evaluate((e) => e.innerText))) return el.click();
  }
  assert.fail(`nothing of ${sel} says ${re}`);
}

/** The search page's count, once it has an answer. */
async function answered(page) {
  await page.waitForFunction(() => {
    const t = document.querySelector("#search-count")?.textContent ?? "";
    return /documents? for|^\d[\d,]* documents?, /.test(t) && !/being opened/.test(t);
  }, { timeout: 60_000 });
  return text(page, "#search-count");
}

const until = (page, fn) => page.waitForFunction(fn, { timeout: 30_000 });

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

  test("the light shell: the letter readable before the wasm, inert; the app takes over", async () => {
    // A context of its own: no service worker from another test answers for the wasm.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823 });
    await page.setRequestInterception(true);
    page.on("request", (r) => (/_bg\.wasm$/.test(new URL(r.url()).pathname) ? r.abort() : r.continue()));
    await page.goto(base + "/read/frus1981-88v03-d74");
    await page.waitForSelector("#shell main p");
    const shell = await page.evaluate(() => ({
      text: document.querySelector("#shell main").innerText,
      inert: document.querySelector("#shell").inert,
      height: document.querySelector("#shell h1").getBoundingClientRect().height,
    }));
    assert.match(shell.text, /I gave careful attention to your letter of July 10, 1981/);
    assert.equal(shell.inert, true);
    assert.ok(shell.height > 0);
    await page.screenshot({ path: join(ARTIFACTS, "firefox-shell-412.png") });
    await page.close();
    const { page: app, errors } = await newPage();
    await app.goto(base + "/read/frus1981-88v03-d74");
    await app.waitForSelector("main#main #doc-title");
    assert.deepEqual(await app.evaluate(() => [document.querySelectorAll("#shell, template[data-route]").length, document.querySelectorAll("main").length]), [0, 1]);
    assert.deepEqual(errors, []);
    await app.close();
    await context.close();
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
  test("kiosk mode: the attract screen, every target 48 px, a link out is a QR code", async () => {
    // A context of its own: kiosk mode is remembered by the browser until staff leave it.
    const { context, page, errors } = await isolated();
    await page.goto(base + "/?kiosk");
    await page.waitForSelector(".kiosk-attract");
    assert.match(await text(page, ".kiosk-attract"), /Touch to begin/);
    await page.click(".kiosk-begin");
    await page.waitForSelector(".kiosk-attract", { hidden: true });
    await page.click(".start-here a");
    await page.waitForSelector("#doc-title");
    const small = await page.evaluate(() => {
      const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex='0']";
      return [...document.querySelectorAll(sel)]
        .map((e) => [e, e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
        .filter(([, r]) => r.width < 47.5 || r.height < 47.5)
        .map(([e, r]) => `${e.tagName} ${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`);
    });
    assert.deepEqual(small, []);
    const here = page.url();
    await page.click('a[href^="https://history.state.gov/historicaldocuments"]');
    await page.waitForSelector(".kiosk-qr svg path");
    assert.equal(page.url(), here);
    assert.equal(await page.$$eval("input[type=file]", (x) => x.length), 0);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("offline: after one visit, with the server gone, the sample, a deep link and search open", async () => {
    // A server (an origin) of its own, stopped halfway.
    const own = await startServer(DIST, 0);
    const at = `http://127.0.0.1:${own.address().port}`;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(at + "/");
    await page.waitForSelector("#library-title");
    await controlled(page);
    own.closeAllConnections();
    await new Promise((ok) => own.close(ok));
    await page.goto(at + "/read/frus1981-88v03-d74");
    await page.waitForSelector("main#main #doc-title");
    assert.match(await text(page, "#doc-title"), /Gromyko to Secretary of State Haig/);
    await page.goto(at + "/search?q=Gromyko");
    await page.waitForFunction(() => /^[1-9]\d* documents? for/.test(document.querySelector("#search-count")?.textContent ?? ""));
    await context.close();
  });
  test("a new build is offered, never forced; Reload takes it and drops the old one", async () => {
    const dir = join(profile, "..", `letterbook-firefox-update-${process.pid}`);
    cpSync(DIST, dir, { recursive: true });
    const own = await startServer(dir, 0);
    const at = `http://127.0.0.1:${own.address().port}`;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    try {
      await page.goto(at + "/read/frus1981-88v03-d74");
      await page.waitForSelector("main#main #doc-title");
      await controlled(page);
      const a = await buildOf(page);
      assert.match(a, /^[0-9a-f]{16}$/);
      const b = nextBuild(dir, a);
      await page.evaluate(() => {
        window.__sameVisit = true;
        return navigator.serviceWorker.getRegistration().then((r) => r.update());
      });
      await page.waitForSelector(".connection-update", { timeout: 30_000 });
      assert.match(await text(page, ".connection-update"), /A new version of Letterbook is ready/);
      await new Promise((ok) => setTimeout(ok, 500));
      assert.equal(await page.evaluate(() => window.__sameVisit), true, "no reload on its own");
      assert.equal(await buildOf(page), a);
      await Promise.all([page.waitForNavigation(), page.click(".connection-update button")]);
      await page.waitForSelector("main#main #doc-title");
      assert.equal(await page.evaluate(() => window.__sameVisit), undefined, "the page reloaded");
      assert.equal(await buildOf(page), b);
      const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("letterbook-shell-")));
      assert.deepEqual(shells, [`letterbook-shell-${b}`]);
    } finally {
      await context.close();
      own.closeAllConnections();
      own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("keyboard only on the timeline: Tab to the first mark, arrows in date order, Enter opens", async () => {
    // A context of its own: the volumes kept by other tests would be on this timeline.
    const { context, page, errors } = await isolated();
    await page.goto(base + "/");
    await page.waitForSelector("#library-title");
    await (await page.$("#open-files-input")).uploadFile(join(CORPUS, "tei-modern", "frus1981-88v03-d72-d75.xml"));
    await page.waitForSelector(".load.done", { timeout: 60_000 });
    await page.click("header .app-nav a[href='/timeline']");
    await page.waitForSelector(".tl-row");
    await page.focus("#tl-frame");
    await page.keyboard.press("Tab");
    const focusedOn = (re) =>
      page.waitForFunction((src) => new RegExp(src).test(document.activeElement?.getAttribute("aria-label") ?? ""), {}, re.source);
    await focusedOn(/^Document 72: Memorandum/);
    await page.keyboard.press("ArrowRight");
    await focusedOn(/^Document 73: Telegram/);
    await page.keyboard.press("ArrowRight");
    await focusedOn(/^Document 74: Letter/);
    await page.keyboard.press("ArrowLeft");
    await focusedOn(/^Document 73/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.pathname === "/read/frus1981-88v03-d73");
    // The focus goes to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.id === "doc-title");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("two tabs: a volume kept in one is listed in the other; removed there, it goes from the first", async () => {
    const { context, page: a, errors } = await isolated();
    const { page: b } = await newPage({ context, errors });
    for (const p of [a, b]) {
      await p.goto(base + "/");
      await p.waitForSelector("#library-title");
    }
    await (await a.$("#open-files-input")).uploadFile(join(CORPUS, "tei-volumes", "frus1894Nicaragua.xml"));
    await a.waitForSelector(".volume-state.kept", { timeout: 60_000 });
    // Polled by time: animation frames do not run in a tab in the background.
    await b.waitForSelector("a[href='/volume/frus1894Nicaragua']", { timeout: 30_000, polling: 100 });
    await b.waitForSelector(".volume-state.kept", { polling: 100 });
    await b.click("button.put-away[aria-label^='Remove Foreign Relations of the United States, 1894']");
    await a.waitForFunction(() => !document.querySelector('.volume-list a[href="/volume/frus1894Nicaragua"]'), { timeout: 30_000, polling: 100 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a hostile volume runs nothing: scripts, javascript: targets, on* attributes, SVG, iframes", async () => {
    const { context, page, errors } = await isolated();
    await page.goto(base + "/");
    await page.waitForSelector("#library-title");
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
    });
    const excerpt = readFileSync(join(CORPUS, "tei-modern", "frus1981-88v03-d72-d75.xml"), "utf8");
    const xml = hostileVolume(excerpt);
    const file = join(profile, "..", `frus1999v99-${process.pid}.xml`);
    writeFileSync(file, xml);
    try {
      await (await page.$("#open-files-input")).uploadFile(file);
      await page.waitForSelector(".load.done", { timeout: 60_000 });
      await page.evaluate(() => {
        history.pushState(null, "", "/read/frus1999v99-d74");
        dispatchEvent(new PopStateEvent("popstate"));
      });
      await page.waitForSelector("main h1");
      const hover = await page.waitForSelector("main article ::-p-text(hover me)");
      await hover.hover();
      await hover.click();
      const ref = await page.$("main article ::-p-text(a reference)");
      await ref?.click();
      await page.keyboard.press("Escape");
      const found = { url: await page.evaluate(() => location.pathname), ...(await page.evaluate(whatCouldRun)) };
      assert.deepEqual(found, { url: "/read/frus1999v99-d74", pwned: undefined, active: 0, handlers: [], hrefs: [] });
      // Were a renderer ever to let markup through, Firefox's policy stops its handler too.
      await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/nothing.png" onerror="window.__pwned='onerror'">`));
      await page.waitForFunction(() => window.__violations.length > 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.ok((await page.evaluate(() => window.__violations)).some((d) => /^script-src/.test(d)), "a script-src violation");
      assert.deepEqual(errors.filter((e) => !/Content.Security.Policy|nothing\.png|404/i.test(e)), []);
    } finally {
      rmSync(file, { force: true });
      await context.close();
    }
  });

  test("search from the header: a suggestion by keyboard, counts and snippets, a facet, the order", async () => {
    const { context, page, errors } = await isolated();
    await page.goto(base + "/");
    await page.waitForSelector("#library-title");
    await page.keyboard.press("/");
    await until(page, () => document.activeElement?.id === "search-input");
    await page.keyboard.type("restr");
    await until(page, () => [...document.querySelectorAll("#search-suggestions [role=option]")].some((o) => /restraint\s+2 documents/.test(o.innerText)));
    assert.equal(await page.$eval("#search-input", (e) => e.getAttribute("aria-expanded")), "true");
    await page.keyboard.press("ArrowDown");
    const active = await page.$eval("#search-input", (e) => e.getAttribute("aria-activedescendant"));
    assert.equal(await page.$eval(`#${active}`, (e) => e.getAttribute("aria-selected")), "true");
    await page.keyboard.press("Enter");
    assert.equal(await page.$eval("#search-input", (e) => e.value), "restraint ");
    await page.keyboard.press("Enter");
    await until(page, () => location.pathname === "/search" && /q=restraint/.test(location.search));
    assert.equal(await answered(page), "2 documents for “restraint”, best first");
    const titles = await page.$$eval(".results li .result-title", (t) => t.map((e) => e.innerText));
    assert.match(titles[0], /^Letter From Soviet Foreign Minister Gromyko/);
    assert.deepEqual(await page.$$eval(".results li:first-child .result-lines mark", (m) => m.map((e) => e.innerText)), ["restraint", "restraint"]);
    assert.deepEqual(await axe(page), []);
    // A facet narrows, and chosen again, widens.
    await clickText(page, ".facet a", /Telegram/);
    await until(page, () => location.search.includes("kind=telegram"));
    assert.equal(await answered(page), "1 document for “restraint”, best first");
    await page.click(".facet a.chosen");
    await until(page, () => !location.search.includes("kind="));
    assert.equal(await answered(page), "2 documents for “restraint”, best first");
    await clickText(page, ".search-sort a", /Oldest first/);
    await until(page, () => location.search.includes("sort=date"));
    assert.equal(await answered(page), "2 documents for “restraint”, oldest first");
    assert.match(await text(page, ".results li .result-meta"), /No\. 73/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a result opens at its hits: n and N go through them, and a hit in a note opens it", async () => {
    const { context, page, errors } = await isolated();
    await page.goto(base + "/search?q=" + encodeURIComponent('"typed signature" OR restraint'));
    assert.equal(await answered(page), "2 documents for “\"typed signature\" OR restraint”, best first");
    await page.click(".results li .result-title a");
    await page.waitForSelector(".hit-bar");
    assert.equal(await page.$$eval("mark.hit[id]", (m) => m.length), 6);
    await page.keyboard.press("n");
    await until(page, () => document.querySelector(".hit-status")?.innerText === "Hit 1 of 6");
    assert.equal(await text(page, "mark.hit-current"), "restraint");
    await page.keyboard.down("Shift");
    await page.keyboard.press("N");
    await page.keyboard.up("Shift");
    await until(page, () => document.querySelector(".hit-status")?.innerText === "Hit 6 of 6, in note 3");
    await page.waitForSelector("#fn-popover mark.hit");
    assert.equal(await text(page, "#fn-popover mark.hit"), "typed signature");
    assert.equal(await page.evaluate(() => location.hash), "#fn3");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#fn-popover", { hidden: true });
    await page.click(".hit-clear");
    await until(page, () => location.search === "" && document.querySelectorAll("mark.hit").length === 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a kiosk site in real time: idle question, a tap continues, silence resets; the staff's corner and PIN", async () => {
    // The shortest idle time a site may set (10 s) and the 20 s countdown, on the
    // browser's own clock: about 45 s of waiting.
    const bin = join(ROOT, "target", "debug", "letterbook");
    if (!existsSync(bin)) execFileSync("cargo", ["build", "-q", "-p", "letterbook-cli"], { cwd: ROOT, stdio: "inherit" });
    const dir = mkdtempSync(join(tmpdir(), "letterbook-firefox-kiosk-"));
    const settings = join(dir, "kiosk.toml");
    writeFileSync(settings, 'pin = "2718"\nfeatured = ["frus1894Nicaragua-d40"]\nidle_browse_secs = 10\n');
    execFileSync(bin, ["pack", "--level", "3", "--out", join(dir, "site"), "--title", "Nicaragua, 1894", "--app", DIST, "--kiosk", settings, join(CORPUS, "tei-volumes", "frus1894Nicaragua.xml")], { stdio: "ignore" });
    const own = await startServer(join(dir, "site"), 0);
    const { context, page, errors } = await isolated({ width: 1080, height: 1920 });
    const key = async (name) => (await page.waitForSelector(`.kiosk-keyboard button[aria-label="${name}"]`)).click();
    try {
      await page.goto(`http://127.0.0.1:${own.address().port}/`);
      await page.waitForSelector(".kiosk-attract-title ::-p-text(Nicaragua, 1894)", { timeout: 30_000 });
      await page.waitForSelector(".kiosk-card-title", { timeout: 30_000 });
      assert.match(await text(page, ".kiosk-card"), /Gresham/);
      await page.click(".kiosk-begin");
      await page.waitForSelector(".kiosk-attract", { hidden: true });
      // A visitor searches with the on-screen keyboard.
      await page.click("#search-input");
      for (const k of "gresham") await key(k);
      assert.equal(await page.$eval("#search-input", (e) => e.value), "gresham");
      await key("Search");
      await until(page, () => location.pathname === "/search");
      await answered(page);
      // Ten seconds without input: the question. A tap continues.
      await page.waitForSelector(".kiosk-still", { timeout: 15_000 });
      assert.match(await text(page, ".kiosk-still"), /Are you still reading\?[\s\S]*starts again in \d+ seconds/);
      assert.deepEqual(await axe(page), []);
      await page.click(".kiosk-continue");
      await page.waitForSelector(".kiosk-still", { hidden: true });
      assert.equal(await page.evaluate(() => location.pathname), "/search");
      // Silence: the question again, then the attract screen, and the visitor forgotten.
      await page.waitForSelector(".kiosk-still", { timeout: 15_000 });
      await page.waitForSelector(".kiosk-attract", { timeout: 30_000 });
      assert.equal(await page.evaluate(() => location.pathname), "/");
      await page.click(".kiosk-begin");
      await page.waitForSelector(".kiosk-attract", { hidden: true });
      assert.equal(await page.$eval("#search-input", (e) => e.value), "");
      // Staff: the top-left corner held for 3 s, then the PIN; a wrong one is refused.
      await page.mouse.move(8, 8);
      await page.mouse.down();
      await new Promise((ok) => setTimeout(ok, 3300));
      await page.mouse.up();
      await page.waitForSelector(".kiosk-pin");
      const digit = async (d) => clickText(page, ".kiosk-keypad button", new RegExp(`^${d}$`));
      for (const d of "0000") await digit(d);
      await page.waitForSelector(".kiosk-pin-wrong");
      for (const d of "2718") await digit(d);
      await page.waitForSelector(".kiosk-staff");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      own.closeAllConnections();
      own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
