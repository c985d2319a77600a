// End-to-end: the browser's store (issue 12). What is opened is kept in IndexedDB and is
// there again after a reload and after the browser is closed and opened on the same
// profile; a deep link opens without asking for the file; removing one and all; and the
// bad cases: a full store, no IndexedDB at all, a damaged record, two tabs.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ARTIFACTS, CORPUS, activeId, axe, collectErrors, openPage, startApp } from "./helpers.mjs";

const VOL = (name) => join(CORPUS, "tei-volumes", `${name}.xml`);
const SEED = join(CORPUS, "seed", "frus1981-88v03-d74.txt");

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.stop();
});

/** An in-app move (no reload: what is open for this visit only stays open). */
async function go(page, path) {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

async function library(page) {
  await page.goto(app.base + "/");
  await page.locator("#library-title").waitFor();
}

/** Opens files with the picker and waits until each is kept (or said not to be). */
async function openAndKeep(page, files, state = ".volume-state.kept") {
  const before = await page.locator(state).count();
  await page.setInputFiles("#open-files-input", files);
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length >= n,
    [state, before + files.length],
    { timeout: 90_000 },
  );
}

const volumeLinks = (page) =>
  page.locator(".volume-list .volume-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));

/** The store's raw contents, read with IndexedDB itself (not through the app). */
const storedKeys = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open("letterbook");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(["entries", "records", "sources"]);
          const out = {};
          let left = 3;
          for (const name of ["entries", "records", "sources"]) {
            const r = tx.objectStore(name).getAllKeys();
            r.onsuccess = () => {
              out[name] = r.result.sort();
              if (--left === 0) {
                db.close();
                resolve(out);
              }
            };
          }
        };
      }),
  );

/** Writes `value` (bytes, or `null` to delete) under `key` of store `name`. */
const rawWrite = (page, name, key, bytes) =>
  page.evaluate(
    ([name, key, bytes]) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open("letterbook");
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction([name], "readwrite");
          const store = tx.objectStore(name);
          if (bytes === null) store.delete(key);
          else store.put(new Uint8Array(bytes), key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, key, bytes],
  );

describe("the browser's store", () => {
  test("two volumes and a page text are kept: after a reload they are listed and a deep link opens without a file", async () => {
    const { page, context, errors } = await openPage(app);
    await library(page);
    await openAndKeep(page, [VOL("frus1894Nicaragua"), VOL("frus1934v05")]);
    await openAndKeep(page, [SEED]);
    assert.deepEqual((await storedKeys(page)).entries, ["frus1894Nicaragua", "frus1934v05", "frus1981-88v03-d74"]);
    const facts = await page.locator(".store-facts").innerText();
    assert.match(facts, /^Kept in this browser: 3 files, \d+(\.\d)? MB\./);
    assert.match(facts, /This site uses .* of the .* the browser allows it\./);
    assert.match(facts, /The browser (keeps them until you remove them|may clear them if it runs short of space)\./);

    // A reload at a note of a kept volume: the document, with note 2 open; no file asked.
    await page.goto(app.base + "/read/frus1934v05-d127#fn2");
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector("#fnref2")?.getAttribute("aria-expanded") === "true");
    assert.equal(await page.locator("#open-files-input").count(), 0, "no file is asked for");
    assert.equal(new URL(page.url()).hash, "#fn2");

    await library(page);
    await page.waitForFunction(() => document.querySelectorAll(".volume-state.kept").length === 3);
    assert.deepEqual(await volumeLinks(page), ["/volume/frus1981-88v03", "/volume/frus1894Nicaragua", "/volume/frus1934v05"]);
    // The kept page text is the letter read (it takes the sample's place, as when opened).
    assert.equal(await page.locator(".doc-card .volume-state.kept").count(), 1);
    // By title: 1894 Nicaragua, then 1934 ("Diplomatic Papers"), then 1981-88.
    await page.selectOption(".order select", "date");
    assert.deepEqual(await volumeLinks(page), ["/volume/frus1894Nicaragua", "/volume/frus1934v05", "/volume/frus1981-88v03"]);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "store-library.png"), fullPage: true });

    // Remove one: gone from the list, from the store, and after a reload.
    await page.click("button.put-away[aria-label^='Remove Foreign Relations of the United States, 1894']");
    assert.equal(await activeId(page), "library-title");
    await page.waitForFunction(() => !document.querySelector('.volume-list a[href="/volume/frus1894Nicaragua"]'));
    await page.waitForFunction(
      () => document.querySelector(".store-facts")?.textContent.startsWith("Kept in this browser: 2 files"),
    );
    await library(page);
    await page.waitForFunction(() => document.querySelectorAll(".volume-state.kept").length === 2);
    assert.deepEqual((await storedKeys(page)).entries, ["frus1934v05", "frus1981-88v03-d74"]);

    // Remove all, after saying yes.
    await page.click("button.remove-all");
    await page.click("button.remove-all-no");
    assert.equal((await storedKeys(page)).entries.length, 2, "'Keep them' keeps them");
    await page.click("button.remove-all");
    await page.click("button.remove-all-yes");
    await page.waitForFunction(() => document.querySelector(".store-facts")?.textContent.startsWith("Nothing is kept"));
    assert.deepEqual(await storedKeys(page), { entries: [], records: [], sources: [] });
    await library(page);
    assert.deepEqual(await volumeLinks(page), ["/volume/frus1981-88v03"], "only the built-in excerpt");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("kept volumes are there after the browser is closed and opened again on the same profile", async () => {
    const profile = mkdtempSync(join(tmpdir(), "letterbook-profile-"));
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        viewport: { width: 1280, height: 900 },
      });
    try {
      let context = await launch();
      let page = context.pages()[0] ?? (await context.newPage());
      await library(page);
      await openAndKeep(page, [VOL("frus1894Nicaragua")]);
      await context.close();

      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      const errors = [];
      collectErrors(page, errors);
      await page.goto(app.base + "/volume/frus1894Nicaragua");
      await page.locator("h1", { hasText: "1894" }).waitFor({ timeout: 30_000 });
      await page.locator(".toc a.toc-doc").first().waitFor({ state: "attached" });
      await library(page);
      await page.locator(".volume-state.kept").waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test("a full store: the volume stays open for this visit, marked not kept; what was kept stays", async () => {
    const { page, context, errors } = await openPage(app);
    // The browser's own error for a store over its quota, on demand.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    await library(page);
    await openAndKeep(page, [VOL("frus1894Nicaragua")]);
    await page.evaluate(() => (window.__full = true));
    await openAndKeep(page, [VOL("frus1901China")], ".volume-state.not-kept");
    const why = await page.locator(".volume-state.not-kept").innerText();
    assert.match(why, /^Not kept: the browser has no more room for Letterbook \(.*QuotaExceededError.*\)\. It stays open until this page is closed\.$/);
    // Open and readable.
    await page.click("a.volume-link[href='/volume/frus1901China']");
    await page.locator(".toc a.toc-doc").first().waitFor({ state: "attached" });
    await go(page, "/read/frus1901China-d5");
    await page.locator("#doc-title").waitFor();
    // The earlier volume is still kept; the refused one is not in the store.
    assert.deepEqual((await storedKeys(page)).entries, ["frus1894Nicaragua"]);
    await library(page);
    await page.locator(".volume-state.kept").waitFor();
    assert.deepEqual(await volumeLinks(page), ["/volume/frus1981-88v03", "/volume/frus1894Nicaragua"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the browser's own quota: a volume over it is not kept, and nothing of it is left in the store", async () => {
    const { page, context, errors } = await openPage(app);
    await library(page);
    // Chromium's quota for this origin, made smaller than one volume.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: app.base, quotaSize: 300_000 });
    await openAndKeep(page, [VOL("frus1894Nicaragua")], ".volume-state.not-kept");
    assert.match(await page.locator(".volume-state.not-kept").innerText(), /^Not kept: the browser has no more room for Letterbook \(.*\)\. It stays open until this page is closed\.$/);
    assert.deepEqual(await storedKeys(page), { entries: [], records: [], sources: [] }, "all of the write or none");
    await page.click("a.volume-link[href='/volume/frus1894Nicaragua']");
    await page.locator(".toc a.toc-doc").first().waitFor({ state: "attached" });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("no IndexedDB (a private window): everything works and the library says nothing will be kept", async () => {
    const { page, context, errors } = await openPage(app);
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError");
      };
    });
    await library(page);
    await page.locator(".store-off").waitFor();
    assert.match(await page.locator(".store-off").innerText(), /^This browser does not let Letterbook keep files \(.*InvalidStateError.*\)\. Everything works, but what you open stays open only until this page is closed\.$/);
    await openAndKeep(page, [VOL("frus1894Nicaragua")], ".volume-state.not-kept");
    await page.click("a.volume-link[href='/volume/frus1894Nicaragua']");
    await page.locator(".toc a.toc-doc").first().waitFor({ state: "attached" });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a damaged record is read again from its source; with no source either, it is removed with a message", async () => {
    const { page, context, errors } = await openPage(app);
    await library(page);
    await openAndKeep(page, [VOL("frus1894Nicaragua")]);
    await openAndKeep(page, [SEED]);
    // A flipped byte in the volume's record, and the letter's record and source lost.
    const flipped = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open("letterbook");
          req.onsuccess = () => {
            const r = req.result.transaction(["records"]).objectStore("records").get("frus1894Nicaragua");
            r.onsuccess = () => {
              const b = Array.from(r.result);
              b[b.length - 10] ^= 0xff;
              req.result.close();
              resolve(b);
            };
          };
        }),
    );
    await rawWrite(page, "records", "frus1894Nicaragua", flipped);
    await rawWrite(page, "records", "frus1981-88v03-d74", [1, 2, 3]);
    await rawWrite(page, "sources", "frus1981-88v03-d74", null);

    await page.goto(app.base + "/read/frus1894Nicaragua-d5");
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    // In the app (a reload would find the record written again, and nothing to say).
    await go(page, "/");
    await page.waitForFunction(() => document.querySelectorAll(".store-notices li").length >= 2);
    const notices = await page.locator(".store-notices li").allInnerTexts();
    assert.ok(
      notices.some((n) => /^The stored copy of Foreign Relations of the United States, 1894, Nicaragua \(Mosquito Territory\) could not be read \(the record is damaged: its checksum does not match\); it was read again from its file frus1894Nicaragua\.xml\.$/.test(n)),
      notices.join("\n"),
    );
    assert.ok(
      notices.some((n) => /^The stored copy of Document 74: .* could not be read \(not a Letterbook record\), nor its file \(its file is not in the store\): it was removed from this browser\. Open frus1981-88v03-d74\.txt again to keep it\.$/.test(n)),
      notices.join("\n"),
    );
    assert.deepEqual((await storedKeys(page)).entries, ["frus1894Nicaragua"]);
    await page.locator(".volume-state.kept").waitFor();
    assert.deepEqual(await axe(page), []);
    await page.click(".store-notices-dismiss");
    assert.equal(await page.locator(".store-notices").count(), 0);
    assert.equal(await activeId(page), "library-title");
    // Written again: the next visit reads the record without a message.
    await library(page);
    await page.locator(".volume-state.kept").waitFor();
    await page.locator("a[href='/volume/frus1894Nicaragua']").waitFor();
    assert.equal(await page.locator(".store-notices").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("two tabs: a volume kept in one opens in the other; removed in the other, it goes from the first", async () => {
    const { page: a, context, errors } = await openPage(app);
    const b = await context.newPage();
    collectErrors(b, errors);
    await library(a);
    await b.goto(app.base + "/");
    await b.locator("#library-title").waitFor();
    await openAndKeep(a, [VOL("frus1894Nicaragua")]);
    await b.locator("a[href='/volume/frus1894Nicaragua']").waitFor({ timeout: 30_000 });
    await b.locator(".volume-state.kept").waitFor();
    await b.click("button.put-away[aria-label^='Remove Foreign Relations of the United States, 1894']");
    // Polled by time: requestAnimationFrame does not run in a tab in the background.
    await a.waitForFunction(() => !document.querySelector('.volume-list a[href="/volume/frus1894Nicaragua"]'), null, { timeout: 30_000, polling: 100 });
    assert.deepEqual((await storedKeys(a)).entries, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("at 360 px the library's store controls fit and are reachable by keyboard", async () => {
    const { page, context, errors } = await openPage(app, { width: 360, height: 780 });
    await library(page);
    await openAndKeep(page, [VOL("frus1894Nicaragua")]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await page.focus("#library-title");
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.classList.contains("remove-all"));
    }
    assert.ok(reached, "Tab reaches 'Remove all'");
    await page.keyboard.press("Enter");
    await page.locator("button.remove-all-yes").waitFor();
    // The question takes the focus on its safe answer; "Keep them" gives it back.
    await page.waitForFunction(() => document.activeElement?.classList.contains("remove-all-no"));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.classList.contains("remove-all"));
    await page.keyboard.press("Enter");
    await page.locator("button.remove-all-yes").waitFor();
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "store-360.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
