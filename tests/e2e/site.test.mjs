// End-to-end: a pack site (issue 12). `letterbook pack --app dist` makes a folder of the
// twelve corpus volumes and the app; served as it is, the library lists the collection
// from collection.json without fetching any pack, opening a document fetches only its
// volume's pack, which is then kept; a damaged or missing pack and a manifest of another
// format each say so, and the rest works.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { ARTIFACTS, CORPUS, DIST, ROOT, axe, collectErrors } from "./helpers.mjs";

const SITE = join(ROOT, "target", "e2e-site");
let server, base, browser, manifest;

before(async () => {
  // The CLI as the tests built it (cargo test builds it; built here if not).
  const bin = join(ROOT, "target", "debug", "letterbook");
  if (!existsSync(bin)) execFileSync("cargo", ["build", "-q", "-p", "letterbook-cli"], { cwd: ROOT, stdio: "inherit" });
  rmSync(SITE, { recursive: true, force: true });
  const volumes = readdirSync(join(CORPUS, "tei-volumes"))
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .map((f) => join(CORPUS, "tei-volumes", f));
  execFileSync(bin, ["pack", "--out", SITE, "--title", "Twelve volumes", "--app", DIST, ...volumes], { stdio: "inherit" });
  manifest = JSON.parse(readFileSync(join(SITE, "collection.json"), "utf8"));
  server = await startServer(SITE, 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function newPage() {
  // These tests count the site's requests and fail some on purpose: without the service
  // worker, whose own fetches the page's routes do not see (offline.test.mjs tests it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  collectErrors(page, errors);
  const fetched = [];
  const summaries = [];
  const searched = [];
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith("/packs/")) fetched.push(p);
    if (p.startsWith("/summary/")) summaries.push(p);
    if (p.startsWith("/search/")) searched.push(p);
  });
  return { page, context, errors, fetched, summaries, searched };
}

const packOf = (id) => "/" + manifest.volumes.find((v) => v.id === id).pack.path;

describe("a pack site", () => {
  test("the library lists the collection without a pack; a document fetches only its volume's pack, which is kept", async () => {
    const { page, context, errors, fetched } = await newPage();
    await page.goto(base + "/");
    await page.locator("#site-title").waitFor();
    assert.equal(await page.locator("#site-title").innerText(), "On this site: Twelve volumes");
    await page.waitForFunction(() => document.querySelectorAll(".site-list .volume-card").length === 12);
    assert.match(await page.locator(".site-panel .store-facts").first().innerText(), /^12 volumes with 4,873 documents\./);
    const first = await page.locator(".site-list .volume-card").first().innerText();
    assert.match(first, /frus1861 · 350 documents · .* · \d+ KB/);
    assert.deepEqual(fetched, [], "no pack is fetched to list the collection");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "site-library.png"), fullPage: true });

    // A deep link into a volume not open: its pack, and only its pack.
    await page.goto(base + "/read/frus1894Nicaragua-d5");
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    assert.deepEqual(fetched, [packOf("frus1894Nicaragua")]);
    // Kept (the library says so once it is written)...
    await page.evaluate(() => {
      history.pushState(null, "", "/");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.locator(".volume-state.kept").waitFor();
    // ...and the next visit opens it from the store, without the network.
    await page.goto(base + "/");
    await page.waitForFunction(() => document.querySelectorAll(".volume-state.kept").length === 1);
    assert.equal(await page.locator(".site-list .volume-card").count(), 11, "the open volume is listed with the volumes");
    await page.goto(base + "/read/frus1894Nicaragua-d5");
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    assert.deepEqual(fetched, [packOf("frus1894Nicaragua")], "opened again from the store");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the timeline shows every document of the collection from its summary, with no pack fetched", async () => {
    const { page, context, errors, fetched, summaries } = await newPage();
    await page.goto(base + "/");
    await page.locator(".site-panel a[href='/timeline']").waitFor();
    assert.equal(await page.locator(".site-panel a[href='/timeline']").innerText(), "All 4,873 documents in the timeline");
    await page.click(".site-panel a[href='/timeline']");
    // Every document of the twelve volumes (the built-in samples are not the site's).
    const total = manifest.volumes.reduce((n, v) => n + v.documents, 0);
    assert.equal(total, 4873);
    await page.waitForFunction((t) => document.querySelector("#tl-count")?.textContent.endsWith(`of ${t} documents`) || document.querySelector("#tl-count")?.textContent.includes(`of ${t} documents (`), total.toLocaleString("en-US"), { polling: 100 });
    assert.match(await page.locator("#tl-count").innerText(), /^Showing 4,\d{3} of 4,873 documents \(\d+ undated\)$/);
    await page.locator(".tl-lanes .tl-mark").first().waitFor();
    assert.deepEqual(fetched, [], "the timeline needs no pack");
    assert.deepEqual(summaries, ["/" + manifest.summary.path]);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "site-timeline.png") });
    // One volume of the collection, not downloaded, as a list; a searched word too; then a
    // document of it: its pack only.
    await page.goto(base + "/timeline?vol=frus1894Nicaragua&view=list");
    // (Until the summary is read, the timeline shows what is open, and says so.)
    await page.waitForFunction(() => /of 4,873 documents/.test(document.querySelector("#tl-count")?.textContent ?? ""), null, { polling: 100 });
    await page.locator(".tl-list a").first().waitFor();
    const hrefs = await page.locator(".tl-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length > 20 && hrefs.every((h) => h.startsWith("/read/frus1894Nicaragua-")), hrefs.join(" "));
    // The timeline's words are search's: here, in the headings.
    await page.goto(base + "/timeline?q=" + encodeURIComponent("in:heading gresham") + "&view=list");
    await page.waitForFunction(() => /^Showing [1-9]\d* of 4,873 documents/.test(document.querySelector("#tl-count")?.textContent ?? ""), null, { polling: 100 });
    const found = await page.locator(".tl-list a").evaluateAll((as) => as.map((a) => a.textContent));
    assert.ok(found.length > 0 && found.every((t) => /gresham/i.test(t)), found.join(" | "));
    const link = page.locator(".tl-list a[href^='/read/frus1894Nicaragua-']").first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.locator("#doc-title").waitFor({ state: "attached", timeout: 30_000 });
    assert.equal(new URL(page.url()).pathname, href);
    assert.deepEqual(fetched, [packOf("frus1894Nicaragua")]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("search over the whole collection reads a few parts of its index, no pack; a result fetches its own", async () => {
    const { page, context, errors, fetched, searched } = await newPage();
    await page.goto(base + "/search?q=" + encodeURIComponent("gresham -kind:telegram"));
    await page.waitForFunction(() => /documents? for/.test(document.querySelector("#search-count")?.textContent ?? ""), null, { timeout: 60_000, polling: 100 });
    const answer = await page.locator("#search-count").innerText();
    const n = Number(answer.match(/^([\d,]+) documents? for/)[1].replace(/,/g, ""));
    // The CLI's answer over the same site (one model, one index).
    const bin = join(ROOT, "target", "debug", "letterbook");
    const cli = JSON.parse(execFileSync(bin, ["search", "--json", "-q", "gresham -kind:telegram", SITE]).toString());
    assert.equal(n, cli.total);
    assert.ok(n > 10, answer);
    await page.locator(".results li .result-lines").first().waitFor();
    const ids = await page.locator(".results li .result-title a").evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute("href").replace(/^\/read\/|\?.*$/g, "")));
    assert.deepEqual(ids, cli.hits.slice(0, 5).map((h) => h.id));
    // Snippets from the site's text, with their hits.
    assert.ok((await page.locator(".results li .result-lines mark").count()) > 0);
    assert.deepEqual(fetched, [], "search needs no pack");
    const index = readFileSync(join(SITE, manifest.search.path));
    const parts = readdirSync(join(SITE, "search")).length;
    assert.ok(searched.length >= 3 && searched.length < parts / 4, `${searched.length} of ${parts} files of the index read: ${searched.join(" ")}`);
    assert.ok(index.length > 0);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "site-search.png") });
    // A result opens: its volume's pack only, the hits marked.
    const first = page.locator(".results li .result-title a").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.locator(".hit-bar").waitFor({ timeout: 30_000 });
    const vol = href.replace(/^\/read\/|-d\d+.*$/g, "");
    assert.deepEqual(fetched, [packOf(vol)]);
    assert.ok((await page.locator("mark.hit").count()) > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a summary the site does not serve: the library and the timeline say so, and show what is open", async () => {
    const { page, context, errors } = await newPage();
    await page.route("**/summary/**", (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.goto(base + "/");
    await page.locator(".site-panel [role=status] .store-off").waitFor();
    assert.match(
      await page.locator(".site-panel [role=status] .store-off").innerText(),
      /^The timeline shows only what is open here: the collection's summary cannot be read \(\/summary\/\w+\.lbs: HTTP 404 \(the site lists the collection's summary and does not serve it\)\)\.$/,
    );
    await page.waitForFunction(() => document.querySelectorAll(".site-list .volume-card").length === 12);
    await page.goto(base + "/timeline");
    await page.waitForFunction(() => /^Only what is open is shown: this site's collection summary cannot be read \(.*HTTP 404/.test(document.querySelector(".tl-summary[role=status]")?.textContent ?? ""), null, { polling: 100 });
    // The built-in samples: the four documents of the excerpt.
    assert.match(await page.locator("#tl-count").innerText(), /^Showing 4 of 4 documents \(1 undated\)$/);
    assert.deepEqual(await axe(page), []);
    // The browser's own line for the 404 this test made, once per visit.
    assert.deepEqual(errors, Array(2).fill("Failed to load resource: the server responded with a status of 404 (Not Found)"));
    await context.close();
  });

  test("a pack that does not match, a missing pack: each says so, and the rest of the collection works", async () => {
    const { page, context, errors } = await newPage();
    await page.route("**" + packOf("frus1894Nicaragua"), async (route) => {
      const resp = await route.fetch();
      const body = Buffer.from(await resp.body());
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response: resp, body });
    });
    await page.route("**" + packOf("frus1901China"), (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.goto(base + "/volume/frus1894Nicaragua");
    await page.locator(".fetch-failed").waitFor({ timeout: 30_000 });
    assert.match(await page.locator(".fetch-failed").innerText(), /^It could not be downloaded: \/packs\/\w+\.lbk does not match collection\.json .*: the site is being updated, or the file is damaged\.$/);
    await page.goto(base + "/read/frus1901China-d3");
    await page.locator(".fetch-failed").waitFor({ timeout: 30_000 });
    assert.match(await page.locator(".fetch-failed").innerText(), /HTTP 404 \(the site lists this pack and does not serve it\)/);
    assert.equal(await page.locator(".fetch-retry").getAttribute("type"), "button");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "site-fetch-failed.png") });
    // Served again: "Try again" fetches it, on the same page.
    await page.unroute("**" + packOf("frus1901China"));
    await page.locator(".fetch-retry").click();
    // (Its heading is empty in the TEI: present, of no size.)
    await page.locator("#doc-title").waitFor({ state: "attached", timeout: 30_000 });
    assert.equal(await page.locator(".doc-number").textContent(), "Document 3");
    // Another volume of the collection opens.
    await page.goto(base + "/read/frus1934v05-d127#fn2");
    await page.locator("#doc-title").waitFor({ timeout: 30_000 });
    // The one console error is the browser's own line for the 404 this test made.
    assert.deepEqual(errors, ["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
    await context.close();
  });

  test("a manifest of another format: the library says so, and the app works as without it", async () => {
    const { page, context, errors, fetched } = await newPage();
    await page.route("**/collection.json", async (route) => {
      const resp = await route.fetch();
      const m = JSON.parse(await resp.text());
      m.format = 2;
      await route.fulfill({ response: resp, body: JSON.stringify(m) });
    });
    await page.goto(base + "/");
    await page.locator(".site-panel [role=alert]").waitFor();
    assert.match(
      await page.locator(".site-panel [role=alert]").innerText(),
      /^This site's collection cannot be read: collection\.json was written in format 2 \(packs in format 2\); this Letterbook reads format 1 \(packs in format 2\): pack the collection again$/,
    );
    await page.click("a:text('Document 74, Letter From Soviet Foreign Minister Gromyko to Secretary of State Haig')");
    await page.locator("#doc-title").waitFor();
    assert.deepEqual(fetched, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
