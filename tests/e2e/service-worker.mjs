// The service worker as both end-to-end suites see it (Playwright's and puppeteer-core's
// pages both have evaluate): waiting for it to control the page, asking which build it
// is, and turning a copy of the build into the next one.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Resolves once a service worker controls `page`. */
export const controlled = (page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });

/** The build id of the worker that controls the page. */
export const buildOf = (page) =>
  page.evaluate(
    () =>
      new Promise((ok) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = (e) => ok(e.data.build);
        navigator.serviceWorker.controller.postMessage({ type: "BUILD" }, [ch.port2]);
      }),
  );

/**
 * Makes the build served from `dir` (whose worker is build `a`) a new build, as any change
 * of the build does: the worker's build id becomes "bbbb…", which is returned. Its
 * precompressed copies are of build A, so they go and the server sends the file itself.
 */
export function nextBuild(dir, a) {
  const sw = join(dir, "sw.js");
  const b = "b".repeat(16);
  writeFileSync(sw, readFileSync(sw, "utf8").replace(`const BUILD = "${a}"`, `const BUILD = "${b}"`));
  rmSync(sw + ".br");
  rmSync(sw + ".gz");
  return b;
}
