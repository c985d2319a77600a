// End-to-end: search (issue 13), driven as a reader drives it — `/` to the field, a
// suggestion taken from the keyboard, Enter; counts and snippets; a facet narrows and
// widens; the order changes; a result opens at its hits, `n` goes from one to the next
// and a hit in a footnote opens that note; "Show in timeline" takes the query there;
// thousands of results from the twelve corpus volumes scroll and answer the keyboard,
// and come back after a reload without being indexed again; axe finds nothing.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, CORPUS, axe, openPage, startApp } from "./helpers.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.stop();
});

const count = (page) => page.locator("#search-count").innerText();
/** Waits until the search page has an answer (not "Searching…", no kept volume pending). */
async function answered(page) {
  await page.waitForFunction(() => {
    const t = document.querySelector("#search-count")?.textContent ?? "";
    return /documents? for|^\d[\d,]* documents?, /.test(t) && !/being opened/.test(t);
  }, null, { timeout: 60_000 });
  return count(page);
}

describe("search", () => {
  test("from the header: a suggestion from the keyboard, Enter, counts and snippets, a facet, the order", async () => {
    const { page, context, errors } = await openPage(app);
    await page.goto(app.base + "/");
    await page.locator("#library-title").waitFor();
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "search-input");
    await page.keyboard.type("restr");
    const option = page.locator("#search-suggestions [role=option]", { hasText: "restraint" });
    await option.waitFor();
    assert.equal(await page.getAttribute("#search-input", "aria-expanded"), "true");
    assert.match(await option.innerText(), /restraint\s+2 documents/);
    await page.keyboard.press("ArrowDown");
    const active = await page.getAttribute("#search-input", "aria-activedescendant");
    assert.equal(await page.getAttribute(`#${active}`, "aria-selected"), "true");
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue("#search-input"), "restraint ");
    assert.equal(await page.getAttribute("#search-input", "aria-expanded"), "false");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=restraint/);
    assert.equal(await answered(page), "2 documents for “restraint”, best first");
    // The letter first (four hits), the telegram it answers second; hits marked.
    const rows = page.locator(".results li");
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).locator(".result-title").innerText(), /^Letter From Soviet Foreign Minister Gromyko/);
    assert.equal(await rows.nth(0).getAttribute("aria-posinset"), "1");
    assert.equal(await rows.nth(0).getAttribute("aria-setsize"), "2");
    assert.deepEqual(await rows.nth(0).locator(".result-lines mark").allInnerTexts(), ["restraint", "restraint"]);
    assert.match(await rows.nth(1).locator(".result-meta").innerText(), /No\. 73[\s\S]*July 11, 1981[\s\S]*Haig → Gromyko/);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "search-1280.png") });
    // A facet narrows, and chosen, widens again.
    await page.click(".facet a:has-text('Telegram')");
    await page.waitForURL(/kind=telegram/);
    assert.equal(await answered(page), "1 document for “restraint”, best first");
    assert.equal(await page.getAttribute(".facet a.chosen", "aria-current"), "true");
    await page.click(".facet a.chosen");
    await page.waitForURL((u) => !u.search.includes("kind="));
    assert.equal(await answered(page), "2 documents for “restraint”, best first");
    // Oldest first: the telegram of July 11 before the letter of July 21.
    await page.click(".search-sort a:has-text('Oldest first')");
    await page.waitForURL(/sort=date/);
    assert.equal(await answered(page), "2 documents for “restraint”, oldest first");
    assert.match(await page.locator(".results li").first().locator(".result-meta").innerText(), /No\. 73/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a result opens at its hits: n goes to the next, and a hit in a footnote opens that note", async () => {
    const { page, context, errors } = await openPage(app);
    await page.goto(app.base + "/search?q=" + encodeURIComponent('"typed signature" OR restraint'));
    assert.equal(await answered(page), "2 documents for “\"typed signature\" OR restraint”, best first");
    const first = page.locator(".results li").first();
    assert.match(await first.locator(".result-title").innerText(), /^Letter From Soviet Foreign Minister Gromyko/);
    await first.locator(".result-title a").click();
    await page.locator(".hit-bar").waitFor();
    assert.match(new URL(page.url()).search, /^\?q=/);
    assert.equal(await page.locator("mark.hit[id]").count(), 6);
    assert.equal(await page.locator(".hit-status").innerText(), "6 hits of “\"typed signature\" OR restraint”: n for the next, N for the one before.");
    await page.keyboard.press("n");
    assert.equal(await page.locator(".hit-status").innerText(), "Hit 1 of 6");
    assert.equal(await page.locator("mark.hit-current").innerText(), "restraint");
    // Back from the first is the last: the phrase, in note 3, which opens.
    await page.keyboard.press("Shift+N");
    assert.equal(await page.locator(".hit-status").innerText(), "Hit 6 of 6, in note 3");
    await page.locator("#fn-popover").waitFor();
    assert.equal(await page.locator("#fn-popover mark.hit").innerText(), "typed signature");
    assert.equal(new URL(page.url()).hash, "#fn3");
    // The buttons do what the keys do.
    await page.keyboard.press("Escape");
    await page.click(".hit-next");
    assert.equal(await page.locator(".hit-status").innerText(), "Hit 1 of 6");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "search-hits.png") });
    // "Clear" reads the document without them.
    await page.click(".hit-clear");
    await page.waitForURL((u) => u.search === "");
    assert.equal(await page.locator("mark.hit").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("Show in timeline takes the words and filters there; hostile queries are answered", async () => {
    const { page, context, errors } = await openPage(app);
    await page.goto(app.base + "/search?q=restraint&kind=letter");
    assert.equal(await answered(page), "1 document for “restraint”, best first");
    await page.click(".search-timeline");
    await page.waitForURL(/\/timeline\?kind=letter&q=restraint/);
    await page.waitForFunction(() => /^Showing 1 of \d+ documents/.test(document.querySelector("#tl-count")?.textContent ?? ""));
    for (const q of ['"""(((!!! hull:', "kind:memorial", "-", "))) OR ((", "a".repeat(5000)]) {
      await page.goto(app.base + "/search?q=" + encodeURIComponent(q));
      await page.waitForFunction(() => {
        const t = document.querySelector("#search-count")?.textContent ?? "";
        return t !== "Searching…";
      });
    }
    await page.goto(app.base + "/search?q=" + encodeURIComponent("kind:memorial"));
    await answered(page);
    assert.match(await page.locator(".search-notice").first().innerText(), /“kind:memorial” is not a kind of document/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the twelve volumes: thousands of results, facets that follow, the keyboard, a reload", async () => {
    const files = readdirSync(join(CORPUS, "tei-volumes"))
      .filter((f) => f.endsWith(".xml"))
      .sort()
      .map((f) => join(CORPUS, "tei-volumes", f));
    const { page, context, errors } = await openPage(app);
    await page.goto(app.base + "/");
    await page.setInputFiles("#open-files-input", files);
    await page.waitForFunction(() => document.querySelectorAll(".volume-state.kept").length === 12, null, { timeout: 300_000 });
    await page.goto(app.base + "/search?q=" + encodeURIComponent('"secretary of state"'));
    // Every match counted: the letter's own page text adds one to the volumes' 3,049.
    assert.equal(await answered(page), "3,050 documents for “\"secretary of state\"”, best first");
    // Only the rows in view are in the page; the list is as tall as all of them.
    const drawn = await page.locator(".results li").count();
    assert.ok(drawn > 3 && drawn < 60, `${drawn} rows drawn`);
    assert.match(await page.locator(".results-window").innerText(), /^Showing 1–\d+ of 3,050$/);
    // The keyboard: End on a result goes to the last of all.
    await page.locator(".results li a").first().focus();
    await page.keyboard.press("End");
    await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("aria-posinset") === "3050");
    assert.match(await page.locator(".results-window").innerText(), /^Showing [\d,]+–3,050 of 3,050$/);
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("aria-posinset") === "3049");
    // Facets follow the result set: every volume is there; one narrows it.
    const vols = await page.locator("#facet-volume ~ ul a, .facet:has(#facet-volume) a").count();
    assert.ok(vols >= 8, `${vols} volumes offered`);
    await page.click(".facet:has(#facet-volume) a:has-text('1934, Volume V')");
    await page.waitForURL(/vol=frus1934v05/);
    const narrowed = await answered(page);
    const n = Number(narrowed.match(/^([\d,]+) documents/)[1].replace(/,/g, ""));
    assert.ok(n > 100 && n < 3050, narrowed);
    assert.equal(await page.locator(".facet:has(#facet-volume) a").count(), 1);
    // A reload: the kept volumes come back with their index (nothing is indexed again).
    await page.evaluate(() => sessionStorage.setItem("x", "1"));
    await page.reload();
    await page.evaluate(() => {
      window.__indexed = false;
      new MutationObserver(() => {
        if (document.querySelector(".search-indexing")) window.__indexed = true;
      }).observe(document, { subtree: true, childList: true });
    });
    assert.equal(await answered(page), narrowed);
    assert.equal(await page.evaluate(() => window.__indexed), false);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "search-360.png") });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
