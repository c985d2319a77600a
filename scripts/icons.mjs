// The app's icons, made from its one SVG (public/favicon.svg) by Debian's Chromium:
// public/icons/icon-192.png and icon-512.png as drawn, and maskable-512.png with the
// drawing inside the safe circle on a full-bleed background (launchers crop it).
// Usage: node scripts/icons.mjs   (after scripts/setup.sh; commit what it writes)
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "..");
const svg = readFileSync(join(ROOT, "public", "favicon.svg"), "utf8");
const background = svg.match(/<rect[^>]*fill="(#[0-9a-fA-F]{3,6})"/)?.[1];
if (!background) throw new Error("favicon.svg: no background rect to extend for the maskable icon");
const out = join(ROOT, "public", "icons");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
for (const [name, size, inset, fill] of [
  ["icon-192.png", 192, 0, "transparent"],
  ["icon-512.png", 512, 0, "transparent"],
  // The maskable safe zone is the centred circle of 80 % of the size: the square drawing
  // fits in it at 0.8 / √2 ≈ 56 %, a little more reads better and stays clear of it.
  ["maskable-512.png", 512, 0.2, background],
]) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${fill}"><img src="${src}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  await page.waitForFunction(() => document.images[0].complete);
  await page.screenshot({ path: join(out, name), omitBackground: fill === "transparent" });
  console.log(`icons: ${name} (${size}×${size})`);
}
await browser.close();
