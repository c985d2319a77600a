// The benchmark pages' static server: a Trunk build directory at "/", the FRUS corpus at
// "/corpus/" (so pages fetch the volumes the tests read). Used by scripts/bench-*.mjs.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { delimiter, extname, join, normalize, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const CORPUS = resolve(ROOT, process.env.LETTERBOOK_CORPUS ?? "../shared/corpus");

/** Builds a benchmark page (`bench/….html`) with Trunk into target/<dir> and serves it. */
export async function buildAndServe(html, dir) {
  const out = join(ROOT, "target", dir);
  // The project's wasm-opt (npm's binaryen) first, as scripts/env.sh puts it: Debian's breaks the module.
  const PATH = [join(ROOT, "node_modules", ".bin"), join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin"), process.env.PATH].join(delimiter);
  execFileSync("trunk", ["build", "--release", "--dist", out, "--public-url", "/", html], {
    cwd: ROOT,
    env: { ...process.env, PATH },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return startBenchServer(out, CORPUS);
}

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Serves `out` and `corpus` on 127.0.0.1 (a free port); resolves to the base URL and server. */
export async function startBenchServer(out, corpus) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const [root, rel] = path.startsWith("/corpus/") ? [corpus, path.slice(8)] : [out, path === "/" ? "index.html" : path];
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !(await stat(file).catch(() => null))?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${server.address().port}`, server };
}
