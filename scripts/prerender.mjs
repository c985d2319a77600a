// The light shell (src/shell.rs): writes shell.html, the app's first screen on the routes a
// first visit most often opens (the library, the sample letter, the timeline), taken from
// the built app's own rendering in Chromium. scripts/finish-build.mjs puts it into
// index.html, so a slow network paints them long before the wasm has arrived; the app
// removes it as it renders. The end-to-end suite (tests/e2e/shell.test.mjs) fails when the
// app no longer renders what shell.html holds: then run this again and build again.
// Usage: trunk build --release && node scripts/prerender.mjs && trunk build --release
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const ROOT = resolve(import.meta.dirname, "..");

/** The routes with a first screen in the shell, and what shows the app has drawn it. */
export const ROUTES = [
  { path: "/", ready: ".where-from" },
  { path: "/read/frus1981-88v03-d74", ready: "#doc-title" },
  { path: "/timeline", ready: "#tl-title" },
];

/** A phone's viewport: what is drawn to a measure (the timeline) is drawn for it. */
export const VIEWPORT = { width: 412, height: 823 };

/**
 * The app's chrome and a route's main content as the shell's markup, taken in `page`
 * once the app has drawn it. Ids and what points at them are dropped (the shell must not
 * answer for the app's elements), and so is the current page's mark.
 */
export async function snapshot(page) {
  return page.evaluate(() => {
    const DROP = ["id", "for", "aria-controls", "aria-labelledby", "aria-describedby", "aria-activedescendant", "aria-current", "aria-owns", "tabindex", "autofocus"];
    const clean = (el) => {
      const copy = el.cloneNode(true);
      for (const node of [copy, ...copy.querySelectorAll("*")]) for (const a of DROP) node.removeAttribute(a);
      // What only the app can open (dialogs, popovers, menus) is not a first screen.
      for (const node of copy.querySelectorAll("dialog, [popover], [hidden]")) node.remove();
      // What is drawn to a measure (the timeline's marks, ticks and bars) is placed by the
      // app's style properties, which the page's policy refuses as markup: the app draws it.
      for (const node of copy.querySelectorAll("[style]")) node.remove();
      // What a live region says is the moment's news (what this browser keeps, what is in
      // view): it is not the same on the reader's machine, nor from one run to the next.
      for (const node of copy.querySelectorAll("[role=status], [role=alert], [aria-live]")) node.replaceChildren();
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      for (const c of comments) c.remove();
      return copy;
    };
    return {
      header: clean(document.querySelector("header.app-bar")).outerHTML,
      main: clean(document.querySelector("main#main")).innerHTML,
      footer: clean(document.querySelector("footer.app-footer")).outerHTML,
    };
  });
}

/** Opens each route in the built app served from `dist` and takes its snapshot. */
export async function takeAll(browser, base) {
  const shots = [];
  for (const route of ROUTES) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(base + route.path);
    await page.locator(route.ready).waitFor();
    await page.waitForLoadState("networkidle");
    // Settled: the same markup twice, half a second apart (a busy machine draws late).
    let shot = await snapshot(page);
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(500);
      const again = await snapshot(page);
      if (JSON.stringify(again) === JSON.stringify(shot)) break;
      shot = again;
    }
    shots.push({ ...route, ...shot });
    await context.close();
  }
  return shots;
}

/**
 * shell.html from the snapshots: a template per route, then the chrome with the choice
 * made between the main element and the footer, so that nothing already painted moves.
 */
export function shellHtml(shots) {
  const templates = shots
    .map((s) => `<template data-route="${s.path}"${s.path === "/" ? ' data-lists="collection"' : ""}>${s.main}</template>`)
    .join("\n");
  return `<!-- Written by node scripts/prerender.mjs from the app's own rendering: do not edit. -->
${templates}
<div id="shell" class="shell" inert aria-busy="true">
${shots[0].header}
<main></main>
<script>
(() => {
  // The address's first screen, unless the app will show another: a kiosk opens on its
  // attract screen, and a site's library lists the site's collection.
  const path = location.pathname;
  for (const a of document.querySelectorAll("#shell .app-nav a")) {
    const to = a.getAttribute("href");
    if (to === path || (to !== "/" && path.startsWith(to))) a.setAttribute("aria-current", "page");
  }
  let kiosk = /(^|&)kiosk(=|&|$)/.test(location.search.slice(1));
  try { kiosk = kiosk || localStorage.getItem("letterbook-kiosk") !== null; } catch (e) {}
  const site = document.querySelector('meta[name="letterbook-collection"]') !== null;
  if (kiosk) return;
  for (const t of document.querySelectorAll("template[data-route]")) {
    if (t.dataset.route === path && !(site && t.dataset.lists === "collection")) {
      document.querySelector("#shell main").append(t.content.cloneNode(true));
    }
  }
})();
</script>
${shots[0].footer}
</div>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(join(ROOT, "dist"), 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const html = shellHtml(await takeAll(browser, base));
    writeFileSync(join(ROOT, "shell.html"), html);
    console.error(`prerender: shell.html, ${html.length} bytes (${ROUTES.map((r) => r.path).join(", ")}); build again to put it in index.html`);
  } finally {
    await browser.close();
    server.close();
  }
}
