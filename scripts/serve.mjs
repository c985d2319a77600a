// A static server for dist/ on 127.0.0.1 with the single-page-app fallback a deep link
// needs (/read/… serves index.html). Used by the end-to-end tests and `scripts/run.sh`.
// Usage: node scripts/serve.mjs [dir] [port]   (port 0 picks a free one; prints the URL)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

/** The headers a `_headers` file (Netlify, Cloudflare Pages) gives every path ("/*"). */
async function hostHeaders(root) {
  const text = await readFile(join(root, "_headers"), "utf8").catch(() => "");
  const out = {};
  let all = false;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) all = line.trim() === "/*";
    else if (all) {
      const at = line.indexOf(":");
      if (at > 0) out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return out;
}

export async function startServer(dir, port = 0) {
  const root = resolve(dir);
  const host = await hostHeaders(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root) || path.endsWith("/_headers")) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info && !extname(path)) {
        file = join(root, "index.html"); // an app route: the app decides
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      // As a static host does: the build's precompressed copy when the browser takes it
      // (finish-build.mjs writes .br and .gz beside each file), a validator on every file,
      // so that a reload asks "changed?" and gets 304; Trunk's hashed files (a changed file
      // is a new name) kept for a year.
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const accepts = String(req.headers["accept-encoding"] ?? "");
      let encoding;
      for (const [enc, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (encoding || !new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
        const packed = await stat(file + ext).catch(() => null);
        if (packed?.isFile()) {
          file += ext;
          info = packed;
          encoding = enc;
        }
      }
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? "-" + encoding : ""}"`;
      const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)(\.br|\.gz)?$/.test(file);
      const headers = {
        ...host,
        "content-type": type,
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
        etag,
        "last-modified": new Date(info.mtimeMs).toUTCString(),
        vary: "accept-encoding",
        ...(encoding ? { "content-encoding": encoding } : {}),
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const server = await startServer(dir, port);
  console.log(`Letterbook: http://127.0.0.1:${server.address().port}/`);
}
