// End-to-end: the timeline of the correspondence in headless Chromium. The seed and the
// modern excerpt in the Gromyko ↔ Haig lane with their thread arc; keyboard only from Tab
// to Enter; twelve volumes filtered by one person; axe; screenshots at two sizes.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, CORPUS, axe, openPage, startApp } from "./helpers.mjs";

const MODERN = join(CORPUS, "tei-modern", "frus1981-88v03-d72-d75.xml");
const VOLUMES = readdirSync(join(CORPUS, "tei-volumes"))
  .filter((f) => f.endsWith(".xml"))
  .sort()
  .map((f) => join(CORPUS, "tei-volumes", f));

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const newPage = (viewport) => openPage(app, viewport);

async function open(page, files, expect) {
  await page.goto(app.base + "/");
  await page.locator("#library-title").waitFor();
  await page.setInputFiles("#open-files-input", files);
  await page.waitForFunction((n) => document.querySelectorAll(".load.done").length >= n, expect, { timeout: 120_000 });
}

/** Goes to the timeline as a reader would: the header's link. */
async function toTimeline(page) {
  // The header's navigation is one group that marks where the reader is.
  const current = () => page.locator("header nav.app-nav a[aria-current='page']").allInnerTexts();
  if (new URL(page.url()).pathname === "/") assert.deepEqual(await current(), ["Library"]);
  await page.click("header .app-nav >> text=Timeline");
  await page.locator("#tl-title").waitFor();
  assert.deepEqual(await current(), ["Timeline"]);
  await page.locator(".tl-row").first().waitFor();
}

const lane = (page, name) => page.locator(".tl-row", { has: page.locator(".tl-row-label", { hasText: name }) });

describe("the timeline", () => {
  test("the seed and the excerpt: July 1981, Gromyko ↔ Haig, a thread arc, a card", async () => {
    const { page, context, errors } = await newPage();
    await open(page, MODERN, 1);
    await toTimeline(page);
    // Zoom to July 1981 with the controls: fit, then zoom in around the middle.
    await page.click("button:text('Show all')");
    const unit = () => page.locator(".tl-axis").getAttribute("data-unit");
    assert.equal(await unit(), "days");
    const labels = await page.locator(".tl-tick").allInnerTexts();
    assert.ok(labels.some((l) => /^Jul /.test(l)), labels.join("|"));
    const pair = lane(page, "Gromyko ↔ Haig");
    await pair.waitFor();
    assert.match(await pair.getAttribute("aria-label"), /^Gromyko ↔ Haig · 2 documents$/);
    const marks = pair.locator(".tl-mark.one");
    assert.equal(await marks.count(), 2, "both letters, each its own mark");
    const names = await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute("aria-label")));
    assert.ok(names.some((n) => n.startsWith("Document 73: Telegram From the Department of State")), names.join("|"));
    assert.ok(names.some((n) => n.startsWith("Document 74: Letter From Soviet Foreign Minister Gromyko")), names.join("|"));
    // Select d74: its card, and the arc to d73.
    await pair.locator(".tl-mark[aria-label^='Document 74']").click();
    await page.locator(".tl-card").waitFor();
    const card = await page.locator(".tl-card").innerText();
    assert.match(card, /Document 74/);
    assert.match(card, /July 20, 1981 \(exact\)/);
    assert.match(card, /Gromyko → Haig/);
    assert.match(card, /Answers Document 73 \(Telegram, July 11, 1981/);
    await page.locator("path.tl-arc.answers").waitFor();
    assert.equal(await page.locator("path.tl-arc").count(), 1);
    await page.waitForFunction(() => location.search.includes("sel=frus1981-88v03-d74"));
    // Zoom in with a key and with the wheel: the axis goes to hours.
    await page.focus("#tl-frame");
    for (let i = 0; i < 4; i++) await page.keyboard.press("+");
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit === "hours");
    const box = await page.locator(".tl-rows").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit !== "hours");
    // Drag to pan: the ticks move.
    const before = await page.locator(".tl-tick").first().evaluate((t) => t.style.left);
    await page.mouse.move(box.x + box.width / 2, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 30, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await page.locator(".tl-tick").first().evaluate((t) => t.style.left), before);
    // Touch, with the pointer events a touch screen sends: a pinch zooms in, a double tap
    // zooms in, a swipe keeps gliding after the finger lifts.
    const ticksAt = () => page.evaluate(() => [...document.querySelectorAll(".tl-tick")].map((t) => t.style.left).join());
    const touch = (type, id, x) =>
      page.evaluate(([type, id, x]) => {
        const frame = document.querySelector(".tl-frame");
        const r = frame.querySelector(".tl-rows").getBoundingClientRect();
        frame.dispatchEvent(new PointerEvent(type, {
          pointerId: id, pointerType: "touch", isPrimary: id === 1, bubbles: true, cancelable: true,
          clientX: r.left + x, clientY: r.top + 30,
        }));
      }, [type, id, x]);
    const unitNow = () => page.locator(".tl-axis").getAttribute("data-unit");
    await page.click("button:text('Show all')");
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit === "days");
    await touch("pointerdown", 1, 500);
    await touch("pointerdown", 2, 560);
    for (let d = 80; d <= 400; d += 40) {
      await touch("pointermove", 1, 530 - d / 2);
      await touch("pointermove", 2, 530 + d / 2);
    }
    await touch("pointerup", 1, 330);
    await touch("pointerup", 2, 730);
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit === "hours");
    assert.equal(await unitNow(), "hours", "the pinch zoomed in from days to hours");
    await page.click("button:text('Show all')");
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit === "days");
    const wide = await page.evaluate(() => [...document.querySelectorAll(".tl-tick")].map((t) => t.textContent).join());
    await touch("pointerdown", 1, 400);
    await touch("pointerup", 1, 400);
    await touch("pointerdown", 1, 402);
    await touch("pointerup", 1, 402);
    await page.waitForFunction((w) => [...document.querySelectorAll(".tl-tick")].map((t) => t.textContent).join() !== w, wide);
    // A swipe: the view keeps moving for a while after the last pointer event.
    await touch("pointerdown", 1, 600);
    for (let x = 580; x >= 300; x -= 40) {
      await touch("pointermove", 1, x);
      await page.waitForTimeout(8);
    }
    await touch("pointerup", 1, 300);
    await page.waitForTimeout(60);
    const afterLift = (await ticksAt());
    await page.waitForTimeout(250);
    assert.notEqual((await ticksAt()), afterLift, "still gliding after the finger lifted");
    await page.waitForTimeout(2500);
    const rest = (await ticksAt());
    await page.waitForTimeout(200);
    assert.equal((await ticksAt()), rest, "and then at rest");
    // The view is in the URL after it rests; a reload keeps filters, lanes and selection.
    await page.waitForFunction(() => location.search.includes("at="));
    // The card opens the reader; its "In the timeline" centres and highlights the document.
    await page.click(".tl-card-open");
    await page.locator(".thread").waitFor();
    assert.match(await page.locator(".thread").innerText(), /Answers Document 73/);
    assert.match(await page.locator(".thread").innerText(), /your letter of July 10, 1981/);
    await page.click(".thread-timeline");
    await page.locator(".tl-mark.selected").waitFor();
    assert.match(await page.locator(".tl-mark.selected").getAttribute("aria-label"), /^Document 74/);
    await page.locator(".tl-card").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("keyboard only: Tab to the timeline, arrow through the marks, Enter opens", async () => {
    const { page, context, errors } = await newPage();
    await open(page, MODERN, 1);
    await toTimeline(page);
    await page.locator("#tl-frame").focus();
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    assert.match(first, /^Document 72: Memorandum/, "the first mark in date order");
    // Date order: 72 (July 10), 73 (July 11), 74 (July 20). A mark out of view is brought
    // in and focused on the next frame, so each step waits for the focus to arrive.
    const focusedOn = (re) =>
      page.waitForFunction((src) => new RegExp(src).test(document.activeElement?.getAttribute("aria-label") ?? ""), re.source);
    await page.keyboard.press("ArrowRight");
    await focusedOn(/^Document 73: Telegram/);
    await page.keyboard.press("ArrowRight");
    await focusedOn(/^Document 74: Letter/);
    // Past the last one nothing moves; the other way, out of view, the view follows.
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(100);
    await focusedOn(/^Document 74: Letter/);
    await page.keyboard.press("-");
    for (let i = 0; i < 8; i++) await page.keyboard.press("+");
    await page.waitForFunction(() => document.querySelector(".tl-axis").dataset.unit === "hours");
    await focusedOn(/^Document 74: Letter/);
    await page.keyboard.press("ArrowLeft");
    await focusedOn(/^Document 73/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/read\/frus1981-88v03-d73$/);
    await page.locator("#doc-title").waitFor();
    // And back with the keyboard only: the list view is one button away.
    await page.goBack();
    await page.locator("#tl-title").waitFor();
    await page.click("button[aria-pressed='false']:text('List')");
    const items = await page.locator(".tl-list li").allInnerTexts();
    assert.equal(items.length, 3, "the placed documents, in date order");
    assert.match(items[0], /July 10, 1981/);
    assert.match(items[2], /July 20, 1981.*74\. Letter From Soviet Foreign Minister Gromyko/);
    // The undated editorial note is in its tray, not dropped.
    assert.match(await page.locator(".tl-undated summary").innerText(), /^1 undated document \(not on the axis\)$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("twelve volumes: filter by one person, the counts change; axe; screenshots", async () => {
    const { page, context, errors } = await newPage({ width: 1920, height: 1080 });
    await open(page, VOLUMES, VOLUMES.length);
    await toTimeline(page);
    const count = () => page.locator("#tl-count").innerText();
    const all = await count();
    assert.match(all, /^Showing 4,877 of 4,877 documents \(\d+ undated\)$/, all);
    // Every dated document is on the axis, in a mark or a count: nothing dropped.
    const undated = Number(all.match(/\((\d+) undated\)/)[1]);
    const sum = await page.locator(".tl-mark").evaluateAll((ms) =>
      ms.reduce((n, m) => n + (m.classList.contains("many") ? Number(m.textContent) : 1), 0));
    assert.equal(sum, 4877 - undated);
    // Type a name and leave the field (Tab): the person filter applies.
    await page.fill(".tl-filters input[list='tl-people']", "Hull");
    await page.keyboard.press("Tab");
    await page.waitForFunction((a) => document.querySelector("#tl-count").innerText !== a, all);
    const hull = await count();
    const shown = Number(hull.match(/^Showing ([\d,]+)/)[1].replace(/,/g, ""));
    // The same counts as the core's filters over these volumes (tests/correspondence.rs).
    assert.equal(shown, 699, hull);
    await page.waitForFunction(() => location.search.includes("person=hull"));
    // A kind on top: fewer again.
    await page.selectOption(".tl-filters select >> nth=0", "telegram");
    await page.waitForFunction((h) => document.querySelector("#tl-count").innerText !== h, hull);
    const tele = Number((await count()).match(/^Showing ([\d,]+)/)[1].replace(/,/g, ""));
    assert.equal(tele, 571);
    // The URL holds the filters: a reload shows the same selection.
    await page.waitForFunction(() => location.search.includes("kind=telegram"));
    await page.screenshot({ path: join(ARTIFACTS, "timeline-1920.png") });
    assert.deepEqual(await axe(page), []);
    // The brush: drag across the years to choose a date range.
    await page.click(".tl-clear");
    await page.waitForFunction(() => /^Showing 4,877/.test(document.querySelector("#tl-count").innerText));
    const brush = await page.locator(".tl-brush").boundingBox();
    await page.mouse.move(brush.x + brush.width * 0.55, brush.y + brush.height / 2);
    await page.mouse.down();
    await page.mouse.move(brush.x + brush.width * 0.7, brush.y + brush.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => location.search.includes("from=") && location.search.includes("to="));
    const ranged = await count();
    const inRange = Number(ranged.match(/^Showing ([\d,]+)/)[1].replace(/,/g, ""));
    assert.ok(inRange > 0 && inRange < 4874 && !/undated/.test(ranged), ranged);
    assert.notEqual(await page.inputValue(".tl-filters input[type=date] >> nth=0"), "");
    await page.click("button:text('Show all')");
    await page.setViewportSize({ width: 360, height: 740 });
    if (!(await page.locator(".tl-clear").isVisible())) await page.click(".tl-filter-box summary");
    await page.click(".tl-clear");
    assert.equal(await page.inputValue(".tl-filters input[list='tl-people']"), "");
    await page.waitForFunction(() => /^Showing 4,877/.test(document.querySelector("#tl-count").innerText));
    await page.click(".tl-filter-box summary");
    await page.locator(".tl-controls").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "timeline-360.png"), fullPage: false });
    assert.deepEqual(await axe(page), []);
    // A memorandum of conversation: its author, those who took part, the heading's date.
    await page.evaluate(() => {
      history.pushState({}, "", "/read/frus1934v05-d422");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.waitForSelector(".doc-with");
    assert.equal(await page.locator(".doc-from").innerText(), "Reed (Chief of the Division of Mexican Affairs)");
    assert.equal(
      await page.locator(".doc-with").innerText(),
      "González Roa (Mexican Ambassador); Campos-Ortiz (Counselor of the Mexican Embassy)",
    );
    assert.equal(await page.locator(".doc-date").innerText(), "September 11, 1934, from the heading");
    await page.screenshot({ path: join(ARTIFACTS, "memorandum-360.png"), fullPage: false });
    assert.equal(await page.locator(".date-doubt").count(), 0);
    // A date the document's own people contradict (the register of office-holders, served
    // beside the app): said beside the date, which is kept.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      history.pushState({}, "", "/read/frus1894Nicaragua-d40");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.waitForSelector(".date-doubt");
    assert.match(await page.locator(".doc-date").innerText(), /^April 30, 1891/);
    const doubt = await page.locator(".date-doubt").innerText();
    assert.ok(
      doubt.startsWith("Doubtful: dated April 30, 1891, but the register of office-holders (POCOM) has Walter Quintin Gresham as Secretary of State from March 6, 1893"),
      doubt,
    );
    await page.screenshot({ path: join(ARTIFACTS, "date-doubt-1280.png"), fullPage: false });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
