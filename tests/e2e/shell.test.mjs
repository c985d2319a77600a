// End-to-end: the light shell (issue 14). index.html paints the first screen of the
// library, the sample letter and the timeline before the wasm has arrived; it is the
// app's own rendering (shell.html is checked against the app as it renders today), it
// can be read but not used, and it is gone once the app has rendered. The page's largest
// paint comes before the wasm does. A plain build asks for no site collection.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROUTES, VIEWPORT, shellHtml, takeAll } from "../../scripts/prerender.mjs";
import { ROOT, collectErrors, startApp } from "./helpers.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** A page whose wasm never arrives (or arrives `delay` ms late). */
async function openWithWasm(path, { block = false, delay = 0, viewport = VIEWPORT } = {}) {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  collectErrors(page, errors);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.route("**/*_bg.wasm", async (route) => {
    if (block) return route.abort();
    await new Promise((ok) => setTimeout(ok, delay));
    return route.continue();
  });
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((l) => window.__lcp.push(...l.getEntries().map((e) => e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(app.base + path);
  return { page, context, errors, requests };
}

describe("the light shell", () => {
  test("shell.html is what the app renders today (else: node scripts/prerender.mjs)", async () => {
    const now = shellHtml(await takeAll(app.browser, app.base));
    const kept = readFileSync(join(ROOT, "shell.html"), "utf8");
    if (kept !== now) {
      let at = 0;
      while (kept[at] === now[at]) at++;
      assert.fail(
        "shell.html is stale: run node scripts/prerender.mjs after trunk build --release, then build again.\n" +
          `It differs at character ${at}:\nkept: …${kept.slice(Math.max(0, at - 120), at + 160)}…\nnow:  …${now.slice(Math.max(0, at - 120), at + 160)}…`,
      );
    }
  });

  test("without the wasm, each route's first screen is there to read, and none can be used", async () => {
    const expect = {
      "/": "Start with a letter",
      "/read/frus1981-88v03-d74": "I gave careful attention to your letter of July 10, 1981.",
      "/timeline": "Timeline of the correspondence",
    };
    assert.deepEqual(ROUTES.map((r) => r.path), Object.keys(expect));
    for (const [path, text] of Object.entries(expect)) {
      const { page, context, errors } = await openWithWasm(path, { block: true });
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        main: document.querySelector("#shell main")?.innerText ?? "",
        inert: document.querySelector("#shell")?.inert,
        ids: document.querySelectorAll("#shell [id]").length,
        current: document.querySelector("#shell .app-nav a[aria-current=page]")?.textContent ?? null,
        heading: document.querySelector("#shell h1")?.getBoundingClientRect().height ?? 0,
      }));
      assert.ok(state.main.includes(text), `${path}: ${state.main.slice(0, 200)}`);
      assert.equal(state.inert, true, path);
      assert.equal(state.ids, 0, `${path}: the shell answers for no element of the app`);
      assert.equal(state.current, path === "/timeline" ? "Timeline" : path === "/" ? "Library" : null, path);
      assert.ok(state.heading > 0, `${path}: its heading is laid out`);
      // The policy refuses no part of the shell (a style attribute, an unlisted script).
      assert.deepEqual(errors.filter((e) => !/wasm|Failed to fetch|ERR_FAILED/.test(e)), [], path);
      await context.close();
    }
  });

  test("an address with no first screen, and kiosk mode, show the chrome only", async () => {
    for (const path of ["/search?q=Haig", "/volume/frus1934v05", "/?kiosk"]) {
      const { page, context } = await openWithWasm(path, { block: true });
      await page.waitForTimeout(200);
      const state = await page.evaluate(() => ({
        brand: document.querySelector("#shell .brand")?.textContent,
        main: document.querySelector("#shell main")?.childElementCount,
      }));
      assert.deepEqual(state, { brand: "Letterbook", main: 0 }, path);
      await context.close();
    }
  });

  test("the app takes over: the shell is gone, one main, the largest paint came before the wasm", async () => {
    for (const route of ROUTES) {
      const { page, context, errors, requests } = await openWithWasm(route.path, { delay: 1200 });
      await page.locator(`main#main ${route.ready}`).waitFor();
      const state = await page.evaluate(() => ({
        shell: document.querySelectorAll("#shell, template[data-route]").length,
        mains: document.querySelectorAll("main").length,
        wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm") && !r.name.includes("worker")),
        lcp: window.__lcp,
      }));
      assert.equal(state.shell, 0, route.path);
      assert.equal(state.mains, 1, route.path);
      assert.ok(state.lcp.length > 0, route.path);
      const last = state.lcp.at(-1);
      assert.ok(last < state.wasm.responseStart, `${route.path}: the largest paint (${last} ms) waited for the wasm (${state.wasm.responseStart} ms)`);
      // The plain build is no site: it asks for no collection.
      assert.ok(!requests.includes("/collection.json"), `${route.path}: asked for collection.json`);
      assert.deepEqual(errors, [], route.path);
      await context.close();
    }
  });
});
