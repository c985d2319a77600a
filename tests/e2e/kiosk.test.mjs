// End-to-end: kiosk mode (issue 14), with Playwright's clock. The attract screen, the idle
// question and its countdown, the reset that forgets the visitor, the on-screen keyboard,
// the staff's exit (the right PIN, not a wrong one), a link out as a QR code, no way to
// open or drop files, every target at least 48 px, axe-core on each screen, a failure
// that comes back to the attract screen, and a site that is a kiosk by its settings.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { ARTIFACTS, CORPUS, DIST, ROOT, axe, openPage, startApp } from "./helpers.mjs";

let app;
const tmp = mkdtempSync(join(tmpdir(), "letterbook-kiosk-"));

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A page whose timers and Date follow Playwright's clock. */
async function kioskPage(viewport = { width: 1280, height: 900 }) {
  const opened = await openPage(app, viewport, { hasTouch: true });
  await opened.page.clock.install({ time: new Date("2026-12-07T10:00:00Z") });
  return opened;
}

const attract = (page) => page.locator(".kiosk-attract");

async function begin(page) {
  await attract(page).waitFor();
  await page.getByRole("button", { name: "Touch to begin" }).click();
  await attract(page).waitFor({ state: "detached" });
}

/** Every interactive element in view smaller than 48 × 48 px, described. */
const smallTargets = (page) =>
  page.evaluate(() => {
    const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=option], [tabindex='0']";
    return [...document.querySelectorAll(sel)]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && r.bottom > 0 && r.top < innerHeight;
      })
      .map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.width < 47.5 || r.height < 47.5)
      .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  });

describe("kiosk mode", () => {
  test("attract, touch, the idle question: a tap continues, silence resets what the visitor did", async () => {
    const { page, context, errors } = await kioskPage();
    await page.goto(app.base + "/?kiosk");
    await attract(page).waitFor();
    assert.match(await attract(page).innerText(), /Letterbook[\s\S]* → [\s\S]*Touch to begin/);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-attract-1280.png") });
    // No timer while it shows.
    await page.clock.runFor(10 * 60_000);
    await attract(page).waitFor();
    assert.equal(await page.locator(".kiosk-still").count(), 0);

    await begin(page);
    // Locked down: no file picker, no drop target, no Remove.
    assert.equal(await page.locator("input[type=file]").count(), 0);
    assert.equal(await page.locator(".drop-overlay, .put-away").count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("kiosk")), true);

    // The search field with the on-screen keyboard.
    await page.locator("#search-input").click();
    await page.locator(".kiosk-keyboard").waitFor();
    for (const k of "gromyko") await page.locator(".kiosk-keyboard").getByRole("button", { name: k, exact: true }).click();
    assert.equal(await page.locator("#search-input").inputValue(), "gromyko");
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-keyboard-1280.png") });
    await page.locator(".kiosk-keyboard").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=gromyko/);
    await page.locator("#search-count").waitFor();

    // 60 s without input on a browsing screen: the question, with its countdown.
    await page.clock.runFor(61_000);
    const still = page.locator(".kiosk-still");
    await still.waitFor();
    assert.match(await still.innerText(), /Are you still reading\?[\s\S]*in (19|20) seconds/);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-still-1280.png") });
    await page.getByRole("button", { name: "Continue" }).click();
    await still.waitFor({ state: "detached" });
    await page.clock.runFor(50_000);
    assert.equal(await still.count(), 0, "a tap gave another minute");

    // Silence: the question, then after 20 s everything starts again.
    await page.evaluate(() => scrollTo(0, 300));
    await page.clock.runFor(12_000);
    await still.waitFor();
    await page.clock.runFor(21_000);
    await attract(page).waitFor({ timeout: 30_000 });
    assert.equal(new URL(page.url()).pathname, "/");
    await begin(page);
    assert.equal(await page.locator("#search-input").inputValue(), "");
    assert.equal(await page.evaluate(() => scrollY), 0);
    assert.equal(await page.locator(".fn-popover").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a letter open waits two minutes; a link out is a QR code; every target is 48 px", async () => {
    const { page, context, errors } = await kioskPage();
    await page.goto(app.base + "/?kiosk");
    await begin(page);
    assert.deepEqual(await smallTargets(page), [], "the library");
    await page.locator(".start-here a").click();
    await page.locator("#doc-title").waitFor();
    assert.deepEqual(await smallTargets(page), [], "the reader");
    assert.ok(parseFloat(await page.locator(".doc-body p").first().evaluate((p) => getComputedStyle(p).fontSize)) >= 20);
    // A note opens with its (larger) marker.
    await page.locator(".fn-marker").first().click();
    await page.locator(".fn-popover").waitFor();
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press("Escape");
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-reader-1280.png") });

    // Reading: not asked after one minute, asked after two.
    await page.clock.runFor(90_000);
    assert.equal(await page.locator(".kiosk-still").count(), 0);
    await page.clock.runFor(31_000);
    await page.locator(".kiosk-still").waitFor();
    await page.getByRole("button", { name: "Continue" }).click();

    // The text-size control.
    const size = () => page.locator(".doc-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const before = await size();
    await page.getByRole("button", { name: "Larger text" }).click();
    assert.ok((await size()) > before);
    await page.getByRole("button", { name: "Smaller text" }).click();

    // A link out: a QR code to take home, and the page stays.
    const here = page.url();
    await page.locator('a[href^="https://history.state.gov/historicaldocuments"]').first().click();
    const qr = page.locator(".kiosk-qr");
    await qr.waitFor();
    assert.match(await qr.innerText(), /Take this link with you[\s\S]*history\.state\.gov/);
    assert.ok((await qr.locator("svg path").getAttribute("d")).length > 500);
    assert.equal(page.url(), here);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-qr-1280.png") });
    await qr.getByRole("button", { name: "Close" }).click();
    await qr.waitFor({ state: "detached" });
    // No context menu.
    const menu = await page.evaluate(() => {
      const e = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
      document.querySelector(".doc-body p").dispatchEvent(e);
      return e.defaultPrevented;
    });
    assert.equal(menu, true);
    // The timeline: each mark a 48 px target around a dot that stays small.
    await page.locator(".app-nav").getByRole("link", { name: "Timeline" }).click();
    await page.locator(".tl-mark").first().waitFor();
    assert.deepEqual(await smallTargets(page), [], "the timeline");
    const dots = await page.locator(".tl-mark:not(.many)").evaluateAll((marks) =>
      marks.map((m) => {
        const dot = getComputedStyle(m, "::before");
        return [m.getBoundingClientRect().width, parseFloat(dot.height), dot.backgroundColor !== "rgba(0, 0, 0, 0)"];
      }),
    );
    assert.ok(dots.length > 0);
    for (const [box, dot, drawn] of dots) assert.ok(box >= 47.5 && dot <= 20 && drawn, `a mark of ${box} px drawn as ${dot} px`);
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-timeline-1280.png") });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("staff: the corner held 3 s, a wrong PIN refused, the right one opens the panel; a failure comes back to the attract screen", async () => {
    const { page, context, errors } = await kioskPage();
    await page.goto(app.base + "/?kiosk");
    await attract(page).waitFor();
    const holdCorner = async (ms) => {
      await page.mouse.move(10, 10);
      await page.mouse.down();
      await page.clock.runFor(ms);
      await page.mouse.up();
    };
    await holdCorner(1500);
    assert.equal(await page.locator(".kiosk-pin").count(), 0, "a short touch is not staff");
    await holdCorner(3200);
    const pin = page.locator(".kiosk-pin");
    await pin.waitFor();
    assert.deepEqual(await axe(page), []);
    for (const d of "1234") await pin.getByRole("button", { name: d, exact: true }).click();
    await pin.locator(".kiosk-pin-wrong").waitFor();
    assert.equal(await page.locator(".kiosk-staff").count(), 0);
    for (const d of "0000") await pin.getByRole("button", { name: d, exact: true }).click();
    const panel = page.locator(".kiosk-staff");
    await panel.waitFor();
    assert.match(await panel.innerText(), /Storage used[\s\S]*Last errors/);
    await page.screenshot({ path: join(ARTIFACTS, "kiosk-staff-1280.png") });
    // It locks again after two minutes.
    await page.clock.runFor(121_000);
    await panel.waitFor({ state: "detached" });

    // A failure (staff's test of it): recorded, and back to the attract screen.
    await holdCorner(3200);
    for (const d of "0000") await pin.getByRole("button", { name: d, exact: true }).click();
    await Promise.all([page.waitForEvent("load"), panel.getByRole("button", { name: "Test the recovery" }).click()]);
    await attract(page).waitFor();
    await holdCorner(3200);
    for (const d of "0000") await pin.getByRole("button", { name: d, exact: true }).click();
    assert.match(await panel.locator(".kiosk-errors").innerText(), /panic: .*a test of the recovery/);

    // Leaving: an ordinary Letterbook again, after a reload too.
    await Promise.all([page.waitForEvent("load"), panel.getByRole("button", { name: "Leave kiosk mode" }).click()]);
    await page.locator("#library-title").waitFor();
    assert.equal(await attract(page).count(), 0);
    assert.equal(await page.locator("input[type=file]").count(), 1);
    await page.reload();
    await page.locator("#library-title").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("kiosk")), false);
    assert.deepEqual(errors.filter((e) => !/a test of the recovery|panicked|unreachable|RuntimeError/.test(e)), []);
    await context.close();
  });

  test("a site packed with --kiosk is a kiosk: its featured letters on the attract screen, its PIN", async () => {
    const bin = join(ROOT, "target", "debug", "letterbook");
    if (!existsSync(bin)) execFileSync("cargo", ["build", "-q", "-p", "letterbook-cli"], { cwd: ROOT, stdio: "inherit" });
    const settings = join(tmp, "kiosk.toml");
    writeFileSync(settings, 'pin = "2718"\nfeatured = ["frus1894Nicaragua-d40"]\nattract_secs = 5\n');
    const site = join(tmp, "site");
    execFileSync(bin, ["pack", "--level", "3", "--out", site, "--title", "Nicaragua, 1894", "--app", DIST, "--kiosk", settings, join(CORPUS, "tei-volumes", "frus1894Nicaragua.xml")], { stdio: "ignore" });
    const server = await startServer(site, 0);
    const base = `http://127.0.0.1:${server.address().port}`;
    const { page, context, errors } = await kioskPage({ width: 1080, height: 1920 });
    try {
      await page.goto(base + "/");
      await attract(page).waitFor();
      await page.locator(".kiosk-attract-title", { hasText: "Nicaragua, 1894" }).waitFor({ timeout: 30_000 });
      // The featured letter's volume is fetched for its card.
      await page.locator(".kiosk-card-title").waitFor({ timeout: 30_000 });
      assert.match(await page.locator(".kiosk-card").innerText(), /Gresham/);
      await page.screenshot({ path: join(ARTIFACTS, "kiosk-site-attract-1080x1920.png") });
      await page.mouse.move(10, 10);
      await page.mouse.down();
      await page.clock.runFor(3200);
      await page.mouse.up();
      const pin = page.locator(".kiosk-pin");
      for (const d of "0000") await pin.getByRole("button", { name: d, exact: true }).click();
      await pin.locator(".kiosk-pin-wrong").waitFor();
      for (const d of "2718") await pin.getByRole("button", { name: d, exact: true }).click();
      await page.locator(".kiosk-staff").waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
