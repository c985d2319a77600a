// End-to-end: offline and installable (issue 14). After one visit the service worker has
// the app: the server stopped and the browser offline, the app, its sample, a kept volume,
// a deep link and search all work. Chromium finds nothing in the way of installing it. A
// new build is offered, never forced, and Reload takes it. The page's policy lets no
// script of a hostile volume run.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, CORPUS, DIST, ROOT, collectErrors } from "./helpers.mjs";
import { hostileVolume, whatCouldRun } from "./hostile.mjs";
import { buildOf, controlled, nextBuild } from "./service-worker.mjs";

let browser;
const tmp = mkdtempSync(join(tmpdir(), "letterbook-offline-"));

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the build to serve (and change) on its own. */
function copyOfBuild(name) {
  const dir = join(tmp, name);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

async function serve(dir) {
  const server = await startServer(dir, 0);
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

function stop(server) {
  server.closeAllConnections();
  server.close();
}

// Going offline makes the browser say so for what it can no longer fetch: expected here.
const offlineNoise = (e) => /ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED/.test(e);

describe("offline and installable", () => {
  test("installable; after one visit everything works with the server gone and no network", async () => {
    const { server, base } = await serve(copyOfBuild("offline"));
    // A profile of its own: Chromium does not install from an incognito context.
    const context = await chromium.launchPersistentContext(join(tmp, "profile"), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    collectErrors(page, errors);
    try {
      await page.goto(base + "/");
      await page.locator("#library-title").waitFor();
      await controlled(page);

      // Installable, and the manifest's icons are what it says.
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      await cdp.detach();
      assert.deepEqual(installabilityErrors, [], "Chromium's installability errors");
      const icons = await page.evaluate(async () => {
        const href = document.querySelector('link[rel="manifest"]').href;
        const manifest = await (await fetch(href)).json();
        const out = [];
        for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
          const img = new Image();
          img.src = icon.src;
          await img.decode();
          out.push([icon.sizes, `${img.naturalWidth}x${img.naturalHeight}`, icon.purpose]);
        }
        return { out, display: manifest.display, start: manifest.start_url, scope: manifest.scope };
      });
      assert.deepEqual(icons.out.map(([s, n]) => [s, n]), icons.out.map(([s]) => [s, s]));
      assert.ok(icons.out.some(([s, , p]) => s === "512x512" && p === "maskable"), "a maskable icon");
      assert.deepEqual([icons.display, icons.start, icons.scope], ["standalone", "/", "/"]);

      // A volume opened and kept while online.
      await page.setInputFiles("#open-files-input", [join(CORPUS, "tei-volumes", "frus1894Nicaragua.xml")]);
      await page.locator(".volume-state.kept").first().waitFor({ timeout: 60_000 });

      stop(server);
      await context.setOffline(true);
      await page.reload();
      await page.locator("#library-title").waitFor();
      await page.locator(".connection-offline").waitFor();
      assert.match(await page.locator(".connection-offline").innerText(), /Offline/);
      await page.locator(".volume-link", { hasText: "Nicaragua" }).first().waitFor({ timeout: 30_000 });

      // The sample and a kept volume's document, by deep links typed into the address bar.
      await page.goto(base + "/read/frus1981-88v03-d74");
      await page.locator("main h1").waitFor();
      assert.match(await page.locator("main").innerText(), /Gromyko/);
      await page.goto(base + "/read/frus1894Nicaragua-d40#fn1");
      await page.locator("main h1").waitFor({ timeout: 30_000 });
      assert.match(await page.locator("main h1").innerText(), /Gresham|Bayard|Nicaragua|Secretary/i);

      // Search over what is kept.
      await page.goto(base + "/search?q=Bluefields");
      await page.waitForFunction(
        () => {
          const said = document.querySelector("#search-count")?.textContent ?? "";
          return /\d/.test(said) && !/being opened/.test(said);
        },
        null,
        { timeout: 30_000 },
      );
      const count = await page.locator("#search-count").innerText();
      assert.ok(!/\b0 (results|documents)|no document/i.test(count), `search found something offline: ${count}`);
      assert.ok((await page.locator(".results .result-title a[href^='/read/frus1894Nicaragua']").count()) > 0);

      // A link out says it needs a connection and stays in the app.
      const before = page.url();
      await page.locator('footer a[href^="https://history.state.gov"]').click();
      await page.locator(".connection-notice").waitFor();
      assert.match(await page.locator(".connection-notice").innerText(), /needs a connection/);
      assert.equal(page.url(), before);
      await page.screenshot({ path: join(ARTIFACTS, "offline-search-1280.png") });

      await context.setOffline(false);
      await page.evaluate(() => dispatchEvent(new Event("online")));
      await page.locator(".connection-offline").waitFor({ state: "detached" });
      assert.deepEqual(errors.filter((e) => !offlineNoise(e)), []);
    } finally {
      await context.close();
      stop(server);
    }
  });

  test("a new build is offered, never forced; Reload takes it and drops the old one", async () => {
    const dir = copyOfBuild("update");
    const { server, base } = await serve(dir);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    collectErrors(page, errors);
    try {
      await page.goto(base + "/read/frus1981-88v03-d74");
      await page.locator("main h1").waitFor();
      await controlled(page);
      const a = await buildOf(page);
      assert.match(a, /^[0-9a-f]{16}$/, "the build id is filled in after the build");

      // Build B: any change of the build is a new worker.
      const b = nextBuild(dir, a);
      await page.evaluate(() => {
        window.__sameVisit = true;
      });
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const prompt = page.locator(".connection-update");
      await prompt.waitFor({ timeout: 30_000 });
      assert.match(await prompt.innerText(), /A new version of Letterbook is ready/);
      // It waits for the reader: no reload on its own.
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.__sameVisit), true);
      assert.equal(await buildOf(page), a);
      await page.screenshot({ path: join(ARTIFACTS, "update-prompt-1280.png") });

      await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
      await page.locator("main h1").waitFor();
      assert.equal(await page.evaluate(() => window.__sameVisit), undefined, "the page reloaded");
      assert.equal(await buildOf(page), b);
      assert.equal(await page.locator(".connection-update").count(), 0);
      const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("letterbook-shell-")));
      assert.deepEqual(shells, [`letterbook-shell-${b}`]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      stop(server);
    }
  });

  test("a hostile volume runs nothing: scripts, javascript: targets, on* attributes, SVG, iframes", async () => {
    const { server, base } = await serve(DIST);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    collectErrors(page, errors);
    try {
      const policy = await (async () => {
        await page.goto(base + "/");
        await page.locator("#library-title").waitFor();
        return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      })();
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:/);
      await page.evaluate(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
      });

      const excerpt = readFileSync(join(CORPUS, "tei-modern", "frus1981-88v03-d72-d75.xml"), "utf8");
      const xml = hostileVolume(excerpt);
      const file = join(tmp, "frus1999v99.xml");
      writeFileSync(file, xml);
      await page.setInputFiles("#open-files-input", [file]);
      await page.locator(".volume-link", { hasText: "1981" }).first().waitFor({ timeout: 30_000 });
      await page.evaluate(() => {
        history.pushState(null, "", "/read/frus1999v99-d74");
        dispatchEvent(new PopStateEvent("popstate"));
      });
      await page.locator("main h1").waitFor();
      await page.getByText("hover me").first().waitFor();
      // Everything the document shows, hovered and clicked.
      for (const el of await page.locator("main article *").all()) {
        await el.hover({ timeout: 200 }).catch(() => {});
      }
      await page.getByText("hover me").first().click();
      await page.getByText("a reference").first().click().catch(() => {});
      await page.keyboard.press("Escape");
      const found = await page.evaluate(whatCouldRun);
      assert.deepEqual(found, { pwned: undefined, active: 0, handlers: [], hrefs: [] });

      // And were a renderer ever to let markup through, the policy stops its scripts.
      await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/nothing.png" onerror="window.__pwned='onerror'">`));
      await page.waitForFunction(() => window.__violations.length > 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.ok((await page.evaluate(() => window.__violations)).includes("script-src-attr"));
      assert.deepEqual(errors.filter((e) => !/Content Security Policy|nothing\.png|404/.test(e)), []);
    } finally {
      await context.close();
      stop(server);
    }
  });
  test("a pack site kept offline: what it needs said first, one progress bar, on after a reload, every volume and search offline", async () => {
    const bin = join(ROOT, "target", "debug", "letterbook");
    if (!existsSync(bin)) execFileSync("cargo", ["build", "-q", "-p", "letterbook-cli"], { cwd: ROOT, stdio: "inherit" });
    const site = join(tmp, "site");
    const names = ["frus1894Nicaragua", "frus1901China", "frus1934v05"];
    execFileSync(bin, ["pack", "--level", "3", "--out", site, "--title", "Three volumes", "--app", DIST, ...names.map((n) => join(CORPUS, "tei-volumes", `${n}.xml`))], { stdio: "ignore" });
    const manifest = JSON.parse(readFileSync(join(site, "collection.json"), "utf8"));
    const { server, base } = await serve(site);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    collectErrors(page, errors);
    try {
      // Too little room: said before anything is downloaded (the browser's answer made
      // small; Chromium's quota override does not reach navigator.storage.estimate).
      const small = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await small.addInitScript(() => {
        navigator.storage.estimate = async () => ({ usage: 100_000, quota: 400_000 });
      });
      const tight = await small.newPage();
      await tight.goto(base + "/");
      const cramped = tight.locator(".keep-offline");
      await cramped.locator(".keep-start").waitFor();
      assert.match(await cramped.innerText(), /needs .* more; this browser has room for 300 KB/);
      assert.equal(await cramped.locator(".keep-start").isDisabled(), true);
      await small.close();

      await page.goto(base + "/");
      await controlled(page);
      const panel = page.locator(".keep-offline");
      await panel.locator(".keep-start:not([disabled])").waitFor();
      assert.match(await panel.innerText(), /needs [\d.]+ MB \(/);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, "keep-offline-1280.png") });
      // Started, then the page reloaded at once: it goes on by itself.
      await panel.locator(".keep-start").click();
      await page.reload();
      await panel.locator(".keep-done").waitFor({ timeout: 60_000 });
      const kept = await page.evaluate(async () => (await (await caches.open("letterbook-packs")).keys()).map((r) => new URL(r.url).pathname));
      for (const v of manifest.volumes) assert.ok(kept.includes("/" + v.pack.path), v.id);
      assert.ok(kept.includes("/" + manifest.search.path) && kept.includes("/" + manifest.summary.path));
      assert.equal(await page.locator(".site-list .volume-state", { hasText: "and offline" }).count(), names.length);

      // Offline, with the server gone: every volume opens, and search answers.
      stop(server);
      await context.setOffline(true);
      for (const n of names) {
        await page.goto(`${base}/volume/${n}`);
        await page.locator(".toc a.toc-doc").first().waitFor({ state: "attached", timeout: 30_000 });
      }
      await page.goto(base + "/search?q=gresham");
      await page.waitForFunction(() => /^[1-9][\d,]* documents? for/.test(document.querySelector("#search-count")?.textContent ?? ""), null, { timeout: 30_000 });
      await page.locator(".results li .result-lines mark").first().waitFor();
      assert.deepEqual(errors.filter((e) => !offlineNoise(e)), []);
    } finally {
      await context.close();
      stop(server);
    }
  });
});
