// End-to-end tests of the release build in headless Chromium (Debian's), driven like a
// person would: click a marker, read the note, press Escape, follow the keyboard, open a
// deep link, scan with axe-core, look at it on a 360 px phone.
//
// Run by scripts/test.sh after `trunk build --release`:  node --test tests/e2e/
// LETTERBOOK_DIST (default dist/) and CHROMIUM (default /usr/bin/chromium) can be set.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, activeId, axe, collectErrors, startApp, tabTo } from "./helpers.mjs";

const SAMPLE = "/read/frus1981-88v03-d74";

let app;
let base;

before(async () => {
  app = await startApp();
  base = app.base;
});

after(async () => {
  await app?.stop();
});

async function open(path, viewport = { width: 1280, height: 900 }) {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  collectErrors(page, errors);
  await page.goto(base + path);
  await page.locator("#doc-title, #nf-title, #library-title").first().waitFor();
  return { page, context, errors };
}

const popoverText = (page) => page.locator("#fn-popover .fn-popover-text").innerText();

describe("the reader", () => {
  test("the library lists the built-in sample, which opens", async () => {
    const { page, context, errors } = await open("/");
    await page.click(`a[href="${SAMPLE}"]`);
    await page.locator("#doc-title").waitFor();
    assert.equal(new URL(page.url()).pathname, SAMPLE);
    assert.equal(
      await page.locator("#doc-title").innerText(),
      "Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig1",
    );
    assert.equal(
      await page.locator(".doc-date").innerText(),
      "handed over July 21, 1981 (from the source note), so written on or before",
    );
    assert.equal(await page.title(), "Document 74 — Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig · Letterbook");
    assert.equal(await page.locator(".fn-marker").count(), 3);
    await page.screenshot({ path: join(ARTIFACTS, "reader-1280.png"), fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("clicking marker 2 shows its note; Escape closes it and focus returns", async () => {
    const { page, context } = await open(SAMPLE);
    await page.click("#fnref2");
    const pop = page.locator("#fn-popover");
    await pop.waitFor();
    assert.equal(await popoverText(page), "See Document 73.");
    // The built-in excerpt holds Document 73: the reference is a link to it.
    assert.equal(await page.locator('#fn-popover a.ref[href="/read/frus1981-88v03-d73"]').innerText(), "Document 73");
    assert.equal(await page.getAttribute("#fnref2", "aria-expanded"), "true");
    // The popover takes the focus once it is placed (a turn after it appears).
    await page.waitForFunction(() => document.activeElement?.id === "fn-popover");
    assert.equal(new URL(page.url()).hash, "#fn2");
    // Next to its marker: just below it, overlapping it horizontally.
    const m = await page.locator("#fnref2").boundingBox();
    const p = await pop.boundingBox();
    assert.ok(p.y >= m.y + m.height && p.y - (m.y + m.height) < 20, `popover at y=${p.y}, marker bottom ${m.y + m.height}`);
    assert.ok(p.x <= m.x && p.x + p.width >= m.x + m.width);
    await page.keyboard.press("Escape");
    await pop.waitFor({ state: "detached" });
    assert.equal(await activeId(page), "fnref2");
    assert.equal(new URL(page.url()).hash, "");
    await context.close();
  });

  test("a click outside closes the note and only one note is open at a time", async () => {
    const { page, context } = await open(SAMPLE);
    await page.click("#fnref1");
    await page.locator("#fn-popover").waitFor();
    await page.click("#fnref3");
    assert.equal(await page.locator("#fn-popover").count(), 1);
    assert.equal(await popoverText(page), "Printed from a copy bearing this typed signature.");
    await page.mouse.click(5, 400);
    await page.locator("#fn-popover").waitFor({ state: "detached" });
    assert.equal(await activeId(page), "fnref3");
    await context.close();
  });

  test("hovering a marker previews its note", async () => {
    const { page, context } = await open(SAMPLE);
    await page.hover("#fnref3");
    await page.locator("#fn-popover.preview").waitFor();
    assert.equal(await popoverText(page), "Printed from a copy bearing this typed signature.");
    assert.notEqual(await activeId(page), "fn-popover", "a preview does not take the focus");
    await page.mouse.move(5, 5);
    await page.locator("#fn-popover").waitFor({ state: "detached" });
    await context.close();
  });

  test("a deep link opens the document at note 3, shown", async () => {
    const { page, context } = await open(`${SAMPLE}#fn3`);
    await page.locator("#fn-popover").waitFor();
    assert.equal(await popoverText(page), "Printed from a copy bearing this typed signature.");
    assert.equal(await page.getAttribute("#fnref3", "aria-expanded"), "true");
    const box = await page.locator("#fnref3").boundingBox();
    assert.ok(box.y >= 0 && box.y < 900, "marker 3 is in view");
    await context.close();
  });

  test("keyboard only: every note opens, reads and closes", async () => {
    const { page, context } = await open(SAMPLE);
    const notes = [
      [1, /^Source: Department of State, Executive Secretariat/],
      [2, /^See Document 73\.$/],
      [3, /^Printed from a copy bearing this typed signature\.$/],
    ];
    for (const [n, text] of notes) {
      await tabTo(page, `fnref${n}`);
      await page.keyboard.press(n === 2 ? "Space" : "Enter");
      await page.locator("#fn-popover").waitFor();
      assert.match(await popoverText(page), text);
      // The popover takes the focus once it is placed (a turn after it appears).
      await page.waitForFunction(() => document.activeElement?.id === "fn-popover");
      await page.keyboard.press("Escape");
      await page.locator("#fn-popover").waitFor({ state: "detached" });
      assert.equal(await activeId(page), `fnref${n}`);
    }
    // From the notes list back to a marker.
    await page.click("#note-2 .fn-back");
    await page.waitForFunction(() => document.activeElement?.id === "fnref2");
    await context.close();
  });

  test("page breaks stand where printed, each with its own anchor", async () => {
    const { page, context } = await open(`${SAMPLE}#pg_223`);
    const para = page.locator("p", { has: page.locator("#pg_223") });
    assert.match(await para.innerText(), /in keeping with the \s*\[Page 223\]\s* principle of equality/);
    assert.equal(await page.getAttribute("#pg_222", "href"), "#pg_222");
    await page.waitForFunction(() => {
      const r = document.getElementById("pg_223").getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    await context.close();
  });

  test("back and forward move between pages of the app", async () => {
    const { page, context } = await open("/read/no-such-document");
    assert.equal(await page.locator("#nf-title").innerText(), "Nothing here");
    await page.click("text=Open the sample letter");
    await page.locator("#doc-title").waitFor();
    assert.equal(new URL(page.url()).pathname, SAMPLE);
    await page.goBack();
    await page.locator("#nf-title").waitFor();
    await page.goForward();
    await page.locator("#doc-title").waitFor();
    await context.close();
  });

  test("axe-core finds no violations, with and without a note open", async () => {
    for (const scheme of ["light", "dark"]) {
      const { page, context } = await open(SAMPLE);
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(page), [], `${scheme}, closed`);
      await page.click("#fnref2");
      await page.locator("#fn-popover").waitFor();
      assert.deepEqual(await axe(page), [], `${scheme}, note open`);
      await context.close();
    }
  });

  test("on a 360 px phone the note stays inside the viewport", async () => {
    const { page, context } = await open(SAMPLE, { width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scroll (scrollWidth ${width})`);
    for (const n of [1, 2, 3]) {
      await page.click(`#fnref${n}`);
      const box = await page.locator("#fn-popover").boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `note ${n}: x=${box.x} w=${box.width}`);
      if (n === 1) await page.screenshot({ path: join(ARTIFACTS, "reader-360.png") });
      await page.keyboard.press("Escape");
      await page.locator("#fn-popover").waitFor({ state: "detached" });
    }
    await context.close();
  });

  test("print shows the letter and its notes, without controls", async () => {
    const { page, context } = await open(SAMPLE);
    await page.click("#fnref2");
    await page.locator("#fn-popover").waitFor();
    const padding = () => page.locator("#fnref2").evaluate((b) => getComputedStyle(b).paddingRight);
    assert.notEqual(await padding(), "0px", "on screen a marker is a padded button");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-bar").isVisible(), false);
    assert.equal(await page.locator("#fn-popover").isVisible(), false, "no popover on paper");
    assert.equal(await page.locator(".fn-back").first().isVisible(), false, "no back links on paper");
    assert.equal(await page.locator(".footnotes").isVisible(), true);
    assert.equal(await padding(), "0px", "on paper a marker is plain superscript text");
    await page.pdf({ path: join(ARTIFACTS, "reader.pdf") });
    await context.close();
  });
});
