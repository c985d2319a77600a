// Trunk's post-build step (Trunk.toml [[hooks]]), on the staging folder before it becomes
// dist/: what only the finished build knows.
//  - sw.js gets the build's file list and a build id hashed from every file, so any change
//    of the build is a new service worker (and a reader is offered the new version);
//  - index.html gets the light shell (shell.html), its wasm asked for after the shell's
//    first paint, and its Content-Security-Policy: scripts only from the app's origin and
//    the inline scripts (Trunk's loader, the shell's) by their hashes, wasm compiled but no
//    eval, nothing remote; the same policy goes into _headers for hosts that read one (with
//    what a meta tag cannot say);
//  - every text and wasm file gets its precompressed copies beside it (.br, .gz), which a
//    host (and scripts/serve.mjs) sends to a browser that accepts them.
// A build without sw.js (the benchmark pages) is left as it is.
// Usage: node scripts/finish-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("finish-build: no folder (give one, or run as Trunk's post_build hook)");
  process.exit(2);
}
const sw = join(dir, "sw.js");
const html = join(dir, "index.html");
if (!existsSync(sw) || !existsSync(html)) process.exit(0);

/** Every file under `root`, as site paths ("/index.html"), sorted. */
function files(root, at = root) {
  return readdirSync(at)
    .flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? files(root, path) : ["/" + relative(root, path).split(sep).join("/")];
    })
    .sort();
}

// What a reader needs offline: everything but the worker itself, the host's rules and
// precompressed copies (the host sends those for the same paths).
const shell = files(dir).filter((f) => f !== "/sw.js" && f !== "/_headers" && !/\.(br|gz)$/.test(f));

// The light shell (shell.html, from scripts/prerender.mjs): the first screen painted
// before the wasm has arrived.
let page = readFileSync(html, "utf8").replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
const SHELL_AT = "<!-- letterbook:shell (scripts/finish-build.mjs puts shell.html here) -->";
if (page.includes(SHELL_AT)) {
  const shellHtml = readFileSync(join(import.meta.dirname, "..", "shell.html"), "utf8");
  page = page.replace(SHELL_AT, () => shellHtml.trim());
  // The app's wasm is asked for once the shell is painted (after the next frame, or a
  // tenth of a second in a hidden tab): on a slow network the first paint does not share
  // the line with it, and the page's largest paint is the shell's.
  const preload = /<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/g;
  const start = "const wasm = await init(";
  if (!preload.test(page) || !page.includes(start)) {
    console.error("finish-build: Trunk's loader has changed: the wasm's start after the first paint has no place");
    process.exit(1);
  }
  page = page
    .replace(preload, "")
    .replace(start, `await new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 100); });\n${start}`);
}

// The page's policy. The inline scripts are Trunk's loader and the shell's choice of
// screen; their hashes are their permission.
const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
page = page.replace(/(<meta charset="utf-8"\s*\/?>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!page.includes("Content-Security-Policy")) {
  console.error("finish-build: index.html has no <meta charset>: the policy has no place");
  process.exit(1);
}
writeFileSync(html, page);
writeFileSync(
  join(dir, "_headers"),
  [
    "/*",
    `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: no-referrer",
    "",
  ].join("\n"),
);

// The build id: every shell file's path and bytes (index.html with its policy).
const hash = createHash("sha256");
for (const f of shell) hash.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
const build = hash.digest("hex").slice(0, 16);
const worker = readFileSync(sw, "utf8")
  .replace("__LETTERBOOK_BUILD__", build)
  .replace("[/* __LETTERBOOK_FILES__ */]", JSON.stringify(shell));
if (worker.includes("__LETTERBOOK_")) {
  console.error("finish-build: sw.js has lost a placeholder");
  process.exit(1);
}
writeFileSync(sw, worker);

let raw = 0;
let br = 0;
for (const f of [...shell, "/sw.js"]) {
  if (!/\.(html|js|wasm|css|svg|tsv|json|webmanifest|txt)$/.test(f)) continue;
  const bytes = readFileSync(join(dir, f));
  const b = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  writeFileSync(join(dir, f + ".br"), b);
  writeFileSync(join(dir, f + ".gz"), gzipSync(bytes, { level: 9 }));
  raw += bytes.length;
  br += b.length;
}
console.error(
  `finish-build: build ${build}, ${shell.length} files for offline (${raw} bytes, ${br} as brotli), policy in index.html and _headers`,
);
