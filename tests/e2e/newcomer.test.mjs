// End-to-end: what a new reader trips over. The built-in samples and putting them away;
// files refused, cut short, dropped on any page; the keyboard shortcuts; titles, trails
// and notes as they read; the timeline's selection, arcs, axis, overview, empty and
// shared views, touch and print.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, CORPUS, activeId, axe, openPage, startApp } from "./helpers.mjs";

const VOL = (id) => join(CORPUS, "tei-volumes", `${id}.xml`);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const newPage = (viewport, extra) => openPage(app, viewport, extra);

async function library(page) {
  await page.goto(app.base + "/");
  await page.locator("#library-title").waitFor();
}

/** Opens files from the library's picker and waits until `n` of them are done. */
async function open(page, files, n = files.length) {
  await page.setInputFiles("#open-files-input", files);
  await page.waitForFunction((n) => document.querySelectorAll(".load.done, .load.failed").length >= n, n, { timeout: 120_000 });
}

/** Moves within the app as a link does (a reload would lose what was opened). */
async function go(page, path) {
  await page.evaluate((p) => {
    const a = document.createElement("a");
    a.href = p;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
  await page.waitForURL((u) => u.pathname + u.search === path);
}

const count = (page) => page.locator("#tl-count").innerText();
const shownOf = async (page) => Number((await count(page)).match(/^Showing ([\d,]+)/)[1].replace(/,/g, ""));

describe("a newcomer", () => {
  test("the first minute: the built-in excerpt, a letter to start with, its thread, a timeline", async () => {
    const { page, context, errors } = await newPage();
    await library(page);
    const card = page.locator(".volume-card", { has: page.locator('a[href="/volume/frus1981-88v03"]') });
    assert.match(await card.innerText(), /frus1981-88v03 · 4 documents · from frus1981-88v03-d72-d75\.xml \(built in\)/);
    // Where TEI volumes come from, in one sentence, with the way to the repository.
    assert.match(await page.locator(".where-from").innerText(), /Office of the Historian/);
    assert.equal(await page.locator('.where-from a[href="https://github.com/HistoryAtState/frus"]').count(), 1);
    assert.equal(await page.locator("h2", { hasText: "Single documents" }).count(), 0);
    assert.deepEqual(await axe(page), []);
    await page.click(".start-here a");
    await page.waitForURL((u) => u.pathname === "/read/frus1981-88v03-d74");
    await page.locator("#doc-title").waitFor();
    // The thread: d74 answers d73, which is open.
    assert.match(await page.locator(".thread").innerText(), /Document 73/);
    assert.equal(await page.locator('.thread a[href="/read/frus1981-88v03-d73"]').count() >= 1, true);
    await page.click("header .app-nav >> text=Timeline");
    await page.locator(".tl-row[aria-label^='Gromyko ↔ Haig']").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the samples can be put away; Show all then fits what is open", async () => {
    const { page, context, errors } = await newPage();
    await library(page);
    await open(page, [VOL("frus1894Nicaragua")]);
    const putAway = page.locator(".volume-card button.put-away[aria-label^='Remove Foreign Relations of the United States, 1981']");
    await putAway.click();
    await page.waitForFunction(() => !document.querySelector('a[href="/volume/frus1981-88v03"]'));
    assert.equal(await activeId(page), "library-title", "the focus is not lost with the button");
    assert.equal(await page.locator(".start-here").count(), 0);
    assert.deepEqual(await page.locator(".volume-link").evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["/volume/frus1894Nicaragua"]);
    await page.click("header .app-nav >> text=Timeline");
    await page.locator(".tl-row").first().waitFor();
    await page.click("button:text('Show all')");
    const labels = await page.locator(".tl-tick").allInnerTexts();
    assert.ok(labels.length >= 2, labels.join("|"));
    assert.ok(labels.every((l) => !/19[0-9][0-9]/.test(l)), `only the 1890s: ${labels.join("|")}`);
    assert.match(await count(page), /^Showing 138 of 138 documents/);
    // A page of the put-away sample says it is not open, and offers history.state.gov.
    await go(page, "/read/frus1981-88v03-d74");
    await page.locator("#not-open-title").waitFor();
    assert.equal(await page.locator('a.online-link[href="https://history.state.gov/historicaldocuments/frus1981-88v03/d74"]').count(), 1);
    // The letter opened again on its own: Document 73 is not open now, so its reference
    // leads out to the edition's page, never to an in-app address.
    await page.setInputFiles("#open-files-input", [join(CORPUS, "seed", "frus1981-88v03-d74.txt")]);
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    const out = page.locator("#note-2 a.ref.missing");
    assert.equal(await out.getAttribute("href"), "https://history.state.gov/historicaldocuments/frus1981-88v03/d73");
    assert.equal(await page.locator('#note-2 a[href^="/"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a text that is not a FRUS page is refused; a volume cut short is marked incomplete", async () => {
    const { page, context } = await newPage();
    await library(page);
    const dir = mkdtempSync(join(tmpdir(), "letterbook-newcomer-"));
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "Shopping\n\nmilk, eggs, bread\nand the newspaper\n");
    const cut = join(dir, "nicaragua-cut.xml");
    const bytes = readFileSync(VOL("frus1894Nicaragua"));
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await open(page, [notes, cut]);
    const refused = page.locator(".load.failed", { hasText: "notes.txt" });
    assert.match(await refused.innerText(), /notes\.txt:1:1: not a FRUS page text/);
    assert.equal(await page.locator(".doc-card").count(), 0, "not shown as a letter");
    const card = page.locator(".volume-card", { has: page.locator('a[href="/volume/frus1894Nicaragua"]') });
    const incomplete = await card.locator(".volume-incomplete").innerText();
    const m = incomplete.match(/^Incomplete: the file ends at line ([\d,]+) before the volume does; (\d+) of its documents were read\.$/);
    assert.ok(m, incomplete);
    assert.ok(Number(m[2]) > 20 && Number(m[2]) < 138, incomplete);
    await card.locator(".volume-link").click();
    await page.locator("#volume-title").waitFor();
    assert.equal(await page.locator(".volume .volume-incomplete").innerText(), incomplete);
    await context.close();
  });

  test("a file dropped on the reader: an overlay while dragging, then what became of it", async () => {
    const { page, context, errors } = await newPage();
    await page.goto(app.base + "/read/frus1981-88v03-d74");
    await page.locator("#doc-title").waitFor();
    const text = readFileSync(join(CORPUS, "txt-dev", "frus1934v05-d112.txt"), "utf8");
    const drag = async (type, files) =>
      page.evaluate(([type, files]) => {
        const dt = new DataTransfer();
        for (const [name, body] of files) dt.items.add(new File([body], name, { type: "text/plain" }));
        document.querySelector("main").dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [type, files]);
    await drag("dragover", [["frus1934v05-d112.txt", text]]);
    await page.locator(".drop-overlay.shown").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "drop-overlay-1280.png") });
    await drag("drop", [["frus1934v05-d112.txt", text], ["notes.txt", "Shopping\n\nmilk\n"]]);
    const toast = page.locator(".load-toast");
    await toast.locator(".load.done", { hasText: "frus1934v05-d112.txt" }).waitFor();
    await toast.locator(".load.failed", { hasText: "notes.txt" }).waitFor();
    assert.match(await toast.innerText(), /not a FRUS page text/);
    assert.equal(await page.locator(".drop-overlay.shown").count(), 0);
    await page.screenshot({ path: join(ARTIFACTS, "drop-result-1280.png") });
    // Its link leads to what was opened; the panel goes when dismissed.
    await toast.locator(".load.done a").click();
    await page.waitForURL((u) => u.pathname === "/read/frus1934v05-d112");
    await page.click(".load-toast-close");
    assert.equal(await page.locator(".load-toast").count(), 0);
    assert.equal(await activeId(page), "doc-title", "the focus returns to the page, not to nowhere");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("? lists every shortcut; Escape closes the list and gives the focus back", async () => {
    const { page, context } = await newPage();
    await page.goto(app.base + "/read/frus1981-88v03-d74");
    await page.locator("#doc-title").waitFor();
    await page.locator("#fnref2").focus();
    await page.keyboard.press("?");
    const dialog = page.locator("dialog.shortcuts[open]");
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const want of ["Previous / next document", "Close the note", "Zoom in / out", "Show everything", "Open the document"]) {
      assert.ok(text.includes(want), `${want} in: ${text}`);
    }
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "shortcuts-1280.png") });
    // The page's own keys wait while the list is open.
    await page.keyboard.press("]");
    assert.equal(new URL(page.url()).pathname, "/read/frus1981-88v03-d74");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector("dialog.shortcuts[open]"));
    assert.equal(await activeId(page), "fnref2");
    // Not while typing: in the timeline's person field "?" is a character.
    await page.click("header .app-nav >> text=Timeline");
    await page.locator(".tl-filters input[list='tl-people']").click();
    await page.keyboard.type("a?");
    assert.equal(await page.locator("dialog.shortcuts[open]").count(), 0);
    assert.equal(await page.locator(".tl-filters input[list='tl-people']").inputValue(), "a?");
    // The footer's button opens it too (for a pointer or a touch screen).
    await page.click("button.shortcuts-button");
    await dialog.waitFor();
    await context.close();
  });

  test("titles, trails and notes: no break inside '(Sevier)', a section named once, a closed volume said once", async () => {
    const { page, context } = await newPage({ width: 360, height: 740 });
    await library(page);
    await open(page, [VOL("frus1934v05"), VOL("frus1872p2v5")]);
    for (const id of ["frus1934v05-d15", "frus1934v05-d25"]) {
      await go(page, "/read/" + id);
      await page.locator("#doc-title").waitFor();
      const glue = page.locator("#doc-title .glue", { hasText: "Sevier" });
      assert.equal(await glue.innerText(), "(Sevier)");
      assert.equal(await glue.evaluate((g) => g.getClientRects().length), 1, "on one line");
    }
    await page.screenshot({ path: join(ARTIFACTS, "sevier-360.png") });
    await go(page, "/read/frus1872p2v5-d125");
    await page.locator("#doc-title").waitFor();
    const crumbs = await page.locator(".breadcrumbs li").allInnerTexts();
    assert.ok(crumbs.includes("V CORRESPONDENCE"), crumbs.join(" › "));
    assert.ok(!crumbs.some((c) => /^CORRESPONDENCE\.?$/.test(c) || c.endsWith(".")), crumbs.join(" › "));
    // Two references of one note to a volume that is not open: said once.
    await go(page, "/read/frus1934v05-d40");
    await page.locator("#doc-title").waitFor();
    const note = page.locator("li.note", { hasText: "fifth paragraph mentioned above" });
    assert.equal(await note.locator(".ref-status-inline").count(), 1);
    assert.match(await note.locator(".ref-status-inline").innerText(), /p\. 548 and ibid\., p\. 550 are in Foreign Relations, 1926, Volume I, which is not open/);
    await context.close();
  });
});

describe("a newcomer's timeline", () => {
  // Enough lanes to scroll at this height; the excerpt's d74 among four volumes.
  const FOUR = ["frus1927v01", "frus1934v05", "frus1936v03", "frus1919Parisv01"].map(VOL);

  test("the selection is in view, arcs scroll with their lanes, axis labels never touch", async () => {
    const { page, context, errors } = await newPage({ width: 1280, height: 700 });
    await library(page);
    await open(page, FOUR);
    await go(page, "/read/frus1981-88v03-d74");
    await page.locator("#doc-title").waitFor();
    await page.click(".thread-timeline");
    await page.locator(".tl-mark.selected").waitFor();
    await page.locator(".tl-card").waitFor();
    const inWindow = async (sel) => {
      const b = await page.locator(sel).first().boundingBox();
      return b && b.y >= 0 && b.y + b.height <= 700;
    };
    await page.waitForFunction(() => {
      const m = document.querySelector(".tl-mark.selected").getBoundingClientRect();
      const a = document.querySelector(".tl-rows").getBoundingClientRect();
      return m.top >= a.top && m.bottom <= a.bottom && m.top >= 0 && m.bottom <= innerHeight;
    });
    assert.ok(await inWindow(".tl-card"), "the card is on screen");
    await page.screenshot({ path: join(ARTIFACTS, "timeline-selection-1280x700.png") });
    // The mark is not under its own card.
    const [markBox, cardBox] = [await page.locator(".tl-mark.selected").boundingBox(), await page.locator(".tl-card").boundingBox()];
    assert.ok(markBox.y + markBox.height <= cardBox.y, `mark ${markBox.y}+${markBox.height} above card ${cardBox.y}`);
    // The arc's two ends sit on its two marks (d74, selected, and d73) before and after
    // the lanes scroll.
    await page.locator("path.tl-arc").waitFor();
    const gap = () =>
      page.evaluate(() => {
        const svg = document.querySelector(".tl-arcs").getBoundingClientRect();
        const d = document.querySelector("path.tl-arc").getAttribute("d");
        const nums = d.replace(/[MQ]/g, " ").trim().split(/[\s,]+/).map(Number);
        const ends = [[nums[0], nums[1]], [nums[4], nums[5]]];
        const centre = (sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return [r.left + r.width / 2 - svg.left, r.top + r.height / 2 - svg.top];
        };
        const marks = [centre(".tl-mark.selected"), centre(".tl-mark[aria-label^='Document 73:']")];
        const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
        return Math.min(dist(ends[0], marks[0]) + dist(ends[1], marks[1]), dist(ends[0], marks[1]) + dist(ends[1], marks[0]));
      });
    assert.ok((await gap()) < 3, `arc starts on a mark (${await gap()} px)`);
    const scrolled = await page.evaluate(() => {
      const rows = document.querySelector(".tl-rows");
      const before = rows.scrollTop;
      rows.scrollTop = before + 77 <= rows.scrollHeight - rows.clientHeight ? before + 77 : Math.max(0, before - 77);
      return Math.abs(rows.scrollTop - before);
    });
    assert.ok(scrolled > 0, "the lanes scroll");
    assert.ok((await gap()) < 3, `after scrolling the lanes the arc still starts on its mark (${await gap()} px)`);
    // Axis labels: none touches another, none is cut at an edge, at any zoom reached.
    const labelsOk = () =>
      page.evaluate(() => {
        const axis = document.querySelector(".tl-axis").getBoundingClientRect();
        const r = [...document.querySelectorAll(".tl-tick")].map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
        const cut = r.filter((b) => b.left < axis.left - 1 || b.right > axis.right + 1).length;
        const touch = r.filter((b, i) => i > 0 && b.left < r[i - 1].right).length;
        return { cut, touch, n: r.length };
      });
    await page.focus("#tl-frame");
    for (let i = 0; i < 12; i++) {
      const l = await labelsOk();
      assert.ok(l.n > 0 && l.cut === 0 && l.touch === 0, `zoom step ${i}: ${JSON.stringify(l)}`);
      await page.keyboard.press(i < 6 ? "-" : "+");
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the overview marks the view and drags it; an empty selection says why; the person field shows what filters", async () => {
    const { page, context, errors } = await newPage({ width: 1280, height: 900 });
    await library(page);
    await open(page, FOUR.slice(0, 2));
    await page.click("header .app-nav >> text=Timeline");
    await page.locator(".tl-row").first().waitFor();
    // The zoom buttons sit beside the strip: nothing scrolls (focusing the chart would
    // scroll the page smoothly under the measurement).
    for (let i = 0; i < 3; i++) await page.click("button.tl-btn[aria-label='Zoom in']");
    const win = page.locator(".tl-brush-window");
    await win.waitFor();
    // Measured once it rests: two reads a frame apart agree.
    await page.waitForFunction(() => new Promise((done) => {
      const a = document.querySelector(".tl-brush-window").getBoundingClientRect().x;
      requestAnimationFrame(() => done(document.querySelector(".tl-brush-window").getBoundingClientRect().x === a));
    }));
    const at = () => page.locator(".tl-axis .tl-tick").first().evaluate((t) => t.textContent + "@" + t.style.left);
    const before = await at();
    const b = await win.boundingBox();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 120, b.y + b.height / 2, { steps: 6 });
    await page.mouse.up();
    const moved = await win.boundingBox();
    assert.ok(moved.x > b.x + 60, `the window followed the drag (${b.x} → ${moved.x})`);
    assert.notEqual(await at(), before, "the chart moved with it");
    assert.equal(await page.locator(".tl-brush-range").count(), 0, "a drag of the window is no date range");
    // An empty span: said, with the ways out.
    const all = await shownOf(page);
    await page.fill(".tl-filters input[type=date] >> nth=0", "1700-01-01");
    await page.locator(".tl-filters input[type=date] >> nth=0").dispatchEvent("change");
    await page.fill(".tl-filters input[type=date] >> nth=1", "1700-01-02");
    await page.locator(".tl-filters input[type=date] >> nth=1").dispatchEvent("change");
    await page.locator(".tl-none").waitFor();
    assert.match(await page.locator(".tl-none").innerText(), /No document falls between these dates\./);
    await page.screenshot({ path: join(ARTIFACTS, "timeline-empty-1280.png") });
    assert.deepEqual(await axe(page), []);
    await page.click(".tl-none >> text=Any date");
    await page.waitForFunction((n) => document.querySelector("#tl-count").innerText.startsWith(`Showing ${n.toLocaleString("en-US")}`), all);
    assert.equal(await page.locator(".tl-none").count(), 0);
    // The person field: a name chosen filters; typing another clears it at once; a name
    // nobody has is not left in the field.
    const person = page.locator(".tl-filters input[list='tl-people']");
    const option = await page.locator("#tl-people option").first().getAttribute("value");
    await person.fill(option);
    await page.waitForFunction((n) => !document.querySelector("#tl-count").innerText.startsWith(`Showing ${n.toLocaleString("en-US")} `), all);
    const one = await shownOf(page);
    assert.ok(one < all, `${one} < ${all}`);
    await person.fill("Zzyzx");
    await page.waitForFunction((n) => document.querySelector("#tl-count").innerText.startsWith(`Showing ${n.toLocaleString("en-US")} `), all);
    await person.press("Enter");
    await person.blur();
    await page.waitForFunction(() => document.querySelector(".tl-person-note").textContent.includes("Zzyzx"));
    assert.equal(await person.inputValue(), "");
    assert.equal(await shownOf(page), all);
    // Half a name typed, then "Clear filters": the field is emptied with the filters.
    await person.fill("Hul");
    await page.click("button.tl-clear");
    assert.equal(await person.inputValue(), "");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a shared link to volumes that are not open says which, and opens them", async () => {
    const { page, context, errors } = await newPage();
    await page.goto(app.base + "/timeline?vol=frus1934v05&sel=frus1934v05-d12");
    const needs = page.locator(".tl-needs");
    await needs.waitFor();
    assert.match(await needs.innerText(), /This view is of Foreign Relations, 1934, Volume V \(frus1934v05\.xml\), which is not open\./);
    assert.equal(await needs.locator("label.open-button").innerText(), "Open frus1934v05.xml…");
    // The volume box shows what filters, though the volume is not open.
    const volumeBox = page.locator(".tl-filters label", { hasText: "Volume" }).locator("select");
    assert.equal(await volumeBox.evaluate((s) => s.selectedOptions[0].textContent), "1934, Volume V (not open)");
    await page.screenshot({ path: join(ARTIFACTS, "timeline-needs-1280.png") });
    assert.deepEqual(await axe(page), []);
    await page.setInputFiles("#open-files-input", [VOL("frus1934v05")]);
    await page.waitForFunction(() => !document.querySelector(".tl-needs"), null, { timeout: 60_000 });
    await page.locator(".tl-card").waitFor();
    assert.match(await page.locator(".tl-card").innerText(), /Document 12/);
    assert.match(await count(page), /^Showing 639 of /);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("touch: every mark a 44 px target with a legible count; print: the chart and its documents, no controls", async () => {
    const { page, context } = await openPage(app, { width: 1080, height: 1920 }, { hasTouch: true, isMobile: true });
    await library(page);
    await open(page, FOUR.slice(0, 2));
    await page.click("header .app-nav >> text=Timeline");
    await page.locator(".tl-mark.many").first().waitFor();
    const sizes = await page.locator(".tl-mark").evaluateAll((ms) =>
      ms.map((m) => ({ w: m.offsetWidth, h: m.offsetHeight, f: parseFloat(getComputedStyle(m).fontSize), many: m.classList.contains("many") })),
    );
    assert.ok(sizes.length > 0);
    for (const s of sizes) {
      assert.ok(s.w >= 44 && s.h >= 44, `mark ${JSON.stringify(s)}`);
      if (s.many) assert.ok(s.f >= 14, `count label ${JSON.stringify(s)}`);
    }
    const { page: p, context: c2 } = await newPage({ width: 1280, height: 900 });
    await library(p);
    await open(p, FOUR.slice(0, 1));
    await p.click("header .app-nav >> text=Timeline");
    await p.locator(".tl-row").first().waitFor();
    await p.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await p.emulateMedia({ media: "print" });
    for (const sel of [".tl-controls", ".tl-filter-box", ".tl-switch", ".tl-brush", "header.app-bar"]) {
      assert.equal(await p.locator(sel).first().evaluate((e) => getComputedStyle(e).display), "none", sel);
    }
    const more = p.locator(".tl-more-lanes");
    if (await more.count()) assert.equal(await more.evaluate((e) => getComputedStyle(e).display), "none");
    const listed = await p.locator(".tl-print-list li").count();
    const inView = Number(await p.locator("#tl-frame").getAttribute("data-in-view"));
    assert.ok(listed > 0 && listed >= inView, `${listed} listed, ${inView} in view`);
    await p.pdf({ path: join(ARTIFACTS, "timeline-print.pdf") });
    await c2.close();
    await context.close();
  });
});
