// End-to-end: whole TEI volumes through the file input, in headless Chromium. Open
// frus1934v05.xml, see its 639 documents in the contents, read one with footnotes and a
// person, follow a cross-reference, reload at a deep link and reopen the volume.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, CORPUS, activeId, axe, openPage, startApp, watchProgress } from "./helpers.mjs";

const VOLUME = join(CORPUS, "tei-volumes", "frus1934v05.xml");
const MODERN = join(CORPUS, "tei-modern", "frus1981-88v03-d72-d75.xml");

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.stop();
});

const newPage = (viewport) => openPage(app, viewport);

/** Chooses files in the page's file input, as a person would with the picker. */
async function openFiles(page, files) {
  await page.setInputFiles("#open-files-input", files);
}

async function loadVolume(page) {
  await page.goto(app.base + "/");
  await page.locator("#library-title").waitFor();
  // Record whether a progress bar was shown while the volume was parsed.
  await watchProgress(page);
  await openFiles(page, VOLUME);
  await page.locator(".load.done a", { hasText: "frus1934v05.xml" }).waitFor({ timeout: 60_000 });
}

describe("a whole TEI volume", () => {
  test("opens through the file input, with progress, and lists all 639 documents", async () => {
    const { page, context, errors } = await newPage();
    await loadVolume(page);
    assert.equal(await page.evaluate(() => window.__sawProgress), true, "progress was shown");
    assert.match(await page.locator(".load.done").innerText(), /639 documents of Foreign Relations, 1934, Volume V/);
    await page.click('a.volume-link[href="/volume/frus1934v05"]');
    await page.locator("#volume-title").waitFor();
    assert.equal(new URL(page.url()).pathname, "/volume/frus1934v05");
    // Focus is on the new page's heading (not in the tab order), the title announced; the
    // next Tab starts at the top of the page, not after the contents.
    await page.waitForFunction(() => document.activeElement?.id === "volume-title");
    assert.equal(await page.locator("#volume-title").getAttribute("tabindex"), "-1");
    await page.waitForFunction(() => document.getElementById("route-announcer")?.textContent === document.title);
    await page.keyboard.press("Tab");
    const afterHeading = await page.evaluate(() => {
      const a = document.activeElement, h = document.getElementById("volume-title");
      return !!(a && h && (h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) && a.getBoundingClientRect().top < innerHeight);
    });
    assert.ok(afterHeading, "the first Tab after the heading lands on screen, below it");
    assert.match(await page.locator("#volume-title").innerText(), /1934, The American Republics, Volume V/);
    assert.equal(await page.locator(".toc a.toc-doc").count(), 639);
    const first = page.locator(".toc a.toc-doc").first();
    assert.match(await first.innerText(), /1\.\s+The Ambassador in Chile \(Sevier\) to the Acting Secretary of State\s+January 5, 1934/);
    // Collapsible from the keyboard: Enter on a chapter's summary folds it.
    const summary = page.locator(".toc summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".toc details").first().evaluate((d) => d.open), false);
    assert.equal(await first.isVisible(), false);
    await page.keyboard.press("Enter");
    assert.equal(await first.isVisible(), true);
    await page.click(".toc-toggle");
    assert.equal(await page.locator(".toc details[open]").count(), 0);
    await page.click(".toc-toggle");
    await page.screenshot({ path: join(ARTIFACTS, "volume-1280.png") });
    assert.deepEqual(await axe(page), [], "volume page");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a document: footnote, person popover, cross-reference, breadcrumbs, next", async () => {
    const { page, context, errors } = await newPage();
    await loadVolume(page);
    await page.click('a.volume-link[href="/volume/frus1934v05"]');
    await page.locator("#volume-title").waitFor();
    await page.click('.toc a[href="/read/frus1934v05-d25"]');
    await page.locator("#doc-title").waitFor();
    assert.equal(await page.locator("#doc-title").innerText(), "The Ambassador in Chile (Sevier) to the Secretary of State");
    const crumbs = await page.locator(".breadcrumbs").innerText();
    assert.match(crumbs, /^Library\s+FRUS 1934, Volume V\s+Chile\s+Efforts of the Department of State.*\s+Document 25$/);
    assert.match(await page.locator(".doc-date").innerText(), /^May 24, 1934, 5:00 p.m., from the edition.s encoding$/);

    // The person: a button in the heading with a popover about him.
    const person = page.locator("#doc-title .entity.person", { hasText: "Sevier" });
    await person.click();
    const pop = page.locator("#fn-popover");
    await pop.waitFor();
    assert.match(await pop.locator(".fn-popover-title").innerText(), /Person · Sevier/i);
    assert.match(await pop.innerText(), /Also named in \d+ other documents of this volume/);
    // The popover takes the focus once it is placed (a turn after it appears).
    await page.waitForFunction(() => document.activeElement?.id === "fn-popover");
    assert.deepEqual(await axe(page), [], "person popover open");
    await page.keyboard.press("Escape");
    await pop.waitFor({ state: "detached" });
    assert.equal(await activeId(page), await person.getAttribute("id"));
    // The people panel lists him.
    assert.match(await page.locator(".people-panel").innerText(), /Sevier/);

    // The footnote, and the page reference in it.
    await page.click("#fnref1");
    await pop.waitFor();
    const ref = pop.locator("a.ref").first();
    const href = await ref.getAttribute("href");
    assert.match(href, /^\/read\/frus1934v05-d\d+#pg_24$/);
    await ref.click();
    await page.waitForURL((u) => u.hash === "#pg_24");
    await page.waitForFunction(() => {
      const el = document.getElementById("pg_24");
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });

    // Previous and next.
    const here = new URL(page.url()).pathname;
    const n = Number(here.split("-d").pop());
    await page.click(".pager-next");
    await page.waitForURL((u) => u.pathname === `/read/frus1934v05-d${n + 1}`);
    // Not left on the off-screen pager link: on the new document's heading, at the top.
    await page.waitForFunction(() => document.activeElement?.id === "doc-title");
    assert.equal(await page.evaluate(() => scrollY), 0);
    await page.click(".pager-prev");
    await page.waitForURL((u) => u.pathname === here);
    // The same by keyboard: "]" next, "[" back.
    await page.keyboard.press("]");
    await page.waitForURL((u) => u.pathname === `/read/frus1934v05-d${n + 1}`);
    await page.waitForFunction(() => document.activeElement?.id === "doc-title");
    await page.keyboard.press("[");
    await page.waitForURL((u) => u.pathname === here);
    assert.equal(await page.locator(".pager-next").getAttribute("aria-keyshortcuts"), "]");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a deep link after reload asks for the volume, then shows the note", async () => {
    const { page, context, errors } = await newPage();
    await page.goto(app.base + "/read/frus1934v05-d127#fn2");
    await page.locator("#not-open-title").waitFor();
    assert.match(await page.locator("#not-open-title").innerText(), /Foreign Relations, 1934, Volume V, is not open/);
    // The way out while the file is not at hand: the document on history.state.gov.
    assert.equal(
      await page.locator("a.online-link").getAttribute("href"),
      "https://history.state.gov/historicaldocuments/frus1934v05/d127",
    );
    await openFiles(page, VOLUME);
    await page.locator("#doc-title").waitFor({ timeout: 60_000 });
    await page.locator("#fn-popover").waitFor();
    assert.equal(
      await page.locator("a.doc-online").getAttribute("href"),
      "https://history.state.gov/historicaldocuments/frus1934v05/d127",
    );
    assert.equal(await page.locator("#fnref2").getAttribute("aria-expanded"), "true");
    assert.equal(new URL(page.url()).hash, "#fn2");
    // A page URL leads to the document where the page begins.
    await page.evaluate(() => {
      history.pushState(null, "", "/volume/frus1934v05/page/3");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.waitForURL((u) => u.pathname === "/read/frus1934v05-d3" && u.hash === "#pg_3");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("bad files are listed with their position; what was open stays open", async () => {
    const { page, context } = await newPage();
    await page.goto(app.base + "/");
    await page.locator("#library-title").waitFor();
    await openFiles(page, MODERN);
    await page.locator(".load.done", { hasText: "frus1981-88v03-d72-d75.xml" }).waitFor();
    // The sample letter is now a document of that volume: no empty "Single documents".
    assert.equal(await page.locator(".doc-list li").count(), 0);
    assert.equal(await page.locator("h2", { hasText: "Single documents" }).count(), 0);
    const dir = mkdtempSync(join(tmpdir(), "letterbook-e2e-"));
    const cut = join(dir, "cut.xml");
    const bytes = readFileSync(VOLUME);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const rss = join(dir, "feed.xml");
    writeFileSync(rss, '<?xml version="1.0"?>\n<rss><channel/></rss>');
    const bin = join(dir, "picture.xml");
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await openFiles(page, [cut, rss, bin]);
    await page.locator(".load.failed", { hasText: "picture.xml" }).waitFor({ timeout: 60_000 });
    const cutLoad = page.locator(".load", { hasText: "cut.xml" });
    assert.match(await cutLoad.innerText(), /documents of Foreign Relations, 1934, Volume V/);
    assert.match(await cutLoad.locator(".load-error").innerText(), /cut\.xml:\d+:\d+: the file ends inside/);
    assert.match(await page.locator(".load.failed", { hasText: "feed.xml" }).innerText(), /feed\.xml:2:1: not a TEI file: the root element is <rss>/);
    assert.match(await page.locator(".load.failed", { hasText: "picture.xml" }).innerText(), /binary data/);
    // The modern excerpt is still open, and its d74 reads with its persons.
    await page.click('a[href="/volume/frus1981-88v03"]');
    await page.click('.toc a[href="/read/frus1981-88v03-d74"]');
    await page.locator("#doc-title").waitFor();
    assert.equal(await page.locator("#doc-title .entity.person").count(), 2);
    assert.equal(await page.locator(".doc-date").innerText(), "July 20, 1981, from the edition's encoding");
    // Document 73 is open now: the cross-reference is a link.
    await page.click("#fnref2");
    await page.click('#fn-popover a[href="/read/frus1981-88v03-d73"]');
    await page.waitForURL((u) => u.pathname === "/read/frus1981-88v03-d73");
    await page.locator("#doc-title").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "modern-d73-1280.png") });
    await context.close();
  });

  test("keyboard only: from the contents to a document and its person", async () => {
    const { page, context } = await newPage({ width: 360, height: 740 });
    await loadVolume(page);
    await page.locator('a.volume-link[href="/volume/frus1934v05"]').focus();
    await page.keyboard.press("Enter");
    await page.locator("#volume-title").waitFor();
    await page.locator('.toc a[href="/read/frus1934v05-d1"]').focus();
    await page.keyboard.press("Enter");
    await page.locator("#doc-title").waitFor();
    const person = page.locator(".entity.person").first();
    await person.focus();
    await page.keyboard.press("Enter");
    await page.locator("#fn-popover").waitFor();
    const box = await page.locator("#fn-popover").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `inside the phone: x=${box.x} w=${box.width}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scroll (scrollWidth ${width})`);
    await page.screenshot({ path: join(ARTIFACTS, "volume-doc-360.png") });
    await page.keyboard.press("Escape");
    await context.close();
  });
  test("a page that begins at a table row has its anchor in the table", async () => {
    // frus1870, document 318: printed page 290 begins where a table's row does.
    const { page, context, errors } = await newPage();
    await page.goto(app.base + "/read/frus1870-d318#pg_290");
    await page.locator("#not-open-title").waitFor();
    await openFiles(page, join(CORPUS, "tei-volumes", "frus1870.xml"));
    await page.locator("#doc-title").waitFor({ timeout: 60_000 });
    await page.locator(".doc-table #pg_290").waitFor();
    await page.waitForFunction(() => {
      const r = document.getElementById("pg_290").getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    await page.screenshot({ path: join(ARTIFACTS, "table-page-1280.png") });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
