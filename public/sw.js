// Letterbook's service worker: the app works offline once it has been opened.
// scripts/finish-build.mjs fills BUILD (a hash of every file of the build, so any change
// of the build is a new worker) and SHELL_FILES (the build's files) after each Trunk build.
// Hand-written: a handful of rules, no library.

const BUILD = "__LETTERBOOK_BUILD__";
const SHELL_FILES = [/* __LETTERBOOK_FILES__ */];
const SHELL = `letterbook-shell-${BUILD}`;
// Packs, summaries and search parts are named by their content's hash: kept across builds.
const PACKS = "letterbook-packs";
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const CONTENT_HASHED = /^\/(packs|summary|search)\//;

self.addEventListener("install", (event) => {
  // A new build waits until the reader chooses to reload (the page offers it); the first
  // one has nothing to wait for.
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("letterbook-shell-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "SKIP_WAITING") self.skipWaiting();
  if (data.type === "BUILD") event.ports[0]?.postMessage({ build: BUILD });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request, SHELL));
  } else if (CONTENT_HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request, PACKS));
  } else {
    event.respondWith(networkFirst(request));
  }
});

// A page: the network's answer when there is one (a new build's html), else the shell,
// which routes any address itself (deep links work offline).
async function navigation(request) {
  try {
    const response = await fetch(request);
    if (response.ok) return response;
    return (await caches.match("/index.html", { cacheName: SHELL })) ?? response;
  } catch (e) {
    const shell = await caches.match("/index.html", { cacheName: SHELL });
    if (shell) return shell;
    throw e;
  }
}

async function cacheFirst(request, name) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(name).then((cache) => cache.put(request, copy));
  }
  return response;
}

// Files whose name stays (the manifest, the register, collection.json, the file worker):
// fresh when online, the last copy when not.
async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      const path = new URL(request.url).pathname;
      const name = SHELL_FILES.includes(path) ? SHELL : PACKS;
      caches.open(name).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (e) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw e;
  }
}
