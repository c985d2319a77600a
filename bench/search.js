// The search benchmark (bench/search.html): our index (wasm) against MiniSearch and
// FlexSearch, in one page, on the same documents' texts of the twelve corpus volumes, with
// the same 220 queries (target/search-queries.tsv, from the native report): build time,
// index bytes, query latency p50/p95 by kind, and whether each finds the document a
// phrase was taken from. Query: ?volumes=a,b,c&rounds=N.

const params = new URLSearchParams(location.search);
const volumes = (params.get("volumes") ?? "").split(",").filter(Boolean);
const rounds = Number(params.get("rounds") ?? 3);
const status = (t) => (document.getElementById("status").textContent = t);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Our query language, as the peers can be asked it: words, a prefix, a filter on facts. */
function plain(kind, q) {
  if (kind === "prefix") return { words: q.slice(0, -1), prefix: true, filter: null };
  if (kind === "phrase") return { words: q.replace(/"/g, ""), prefix: false, filter: null };
  if (kind === "facet") {
    const [word, facet] = q.split(" ");
    let filter = null;
    let m;
    if ((m = facet.match(/^kind:(.*)$/))) filter = (d) => d.kind === m[1];
    else if ((m = facet.match(/^vol:(.*)$/))) filter = (d) => d.vol === m[1];
    else if ((m = facet.match(/^from:(.*)$/))) filter = (d) => d.from.includes(m[1]);
    else if ((m = facet.match(/^(\d+)\.\.(\d+)$/))) filter = (d) => d.year !== null && d.year >= +m[1] && d.year <= +m[2];
    return { words: word, prefix: false, filter };
  }
  return { words: q, prefix: false, filter: null };
}

async function run() {
  const wasm = window.wasmBindings;
  const queries = (await (await fetch("/queries.tsv")).text())
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [kind, from, ...q] = l.split("\t");
      return { kind, from: from || null, q: q.join("\t") };
    });
  // Parse (ours, as the app's worker does), then build each index from the same texts;
  // parse and build each timed as the median of `rounds` warm runs (a first run warms up).
  let xmlBytes = 0;
  const files = [];
  for (const id of volumes) {
    status(`Parsing ${id}…`);
    const bytes = new Uint8Array(await (await fetch(`/corpus/tei-volumes/${id}.xml`)).arrayBuffer());
    xmlBytes += bytes.length;
    files.push([id + ".xml", bytes]);
    wasm.add_volume(id + ".xml", bytes);
  }
  const median = (xs) => pct(xs, 0.5);
  const timed = (f) => {
    const xs = [];
    for (let i = 0; i <= rounds; i++) {
      const t = performance.now();
      f();
      if (i > 0) xs.push(performance.now() - t);
    }
    return median(xs);
  };
  status("Timing the parser…");
  const parseMs = timed(() => files.forEach(([name, bytes]) => wasm.parse_only(name, bytes)));
  status("Building our index…");
  let oursBytes = 0;
  const oursBuild = timed(() => (oursBytes = wasm.build_index()));
  let t;
  wasm.open_index();
  const docs = wasm.documents();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const textBytes = docs.reduce((n, d) => n + new TextEncoder().encode(d.title + d.text).length, 0);

  status("Building MiniSearch…");
  const miniOptions = { fields: ["title", "text"], idField: "id", searchOptions: { boost: { title: 3 }, combineWith: "AND" } };
  let mini;
  const miniBuild = timed(() => {
    mini = new MiniSearch(miniOptions);
    mini.addAll(docs);
  });
  const miniBytes = new TextEncoder().encode(JSON.stringify(mini)).length;

  status("Building FlexSearch…");
  let flex;
  const flexBuild = timed(() => {
    flex = new FlexSearch.Index({ tokenize: "forward" });
    for (let i = 0; i < docs.length; i++) flex.add(i, docs[i].title + "\n" + docs[i].text);
  });
  let flexBytes = 0;
  await flex.export((key, data) => { flexBytes += String(key).length + (data ? String(data).length : 0); });

  const engines = {
    ours: (x) => wasm.query(x.q, false),
    "ours+facets": (x) => wasm.query(x.q, true),
    MiniSearch: (x) => {
      const p = plain(x.kind, x.q);
      return mini.search(p.words, { prefix: p.prefix, filter: p.filter ? (r) => p.filter(byId.get(r.id)) : undefined }).length;
    },
    FlexSearch: (x) => {
      const p = plain(x.kind, x.q);
      let ids = flex.search(p.words, { limit: 1e6 });
      if (p.filter) ids = ids.filter((i) => p.filter(docs[i]));
      return ids.length;
    },
  };
  const finds = {
    ours: (x) => wasm.finds(x.q, x.from),
    MiniSearch: (x) => mini.search(plain(x.kind, x.q).words).some((r) => r.id === x.from),
    FlexSearch: (x) => flex.search(plain(x.kind, x.q).words, { limit: 1e6 }).some((i) => docs[i].id === x.from),
  };
  const result = { volumes: volumes.length, documents: docs.length, xmlBytes, textBytes, parseMs, engines: {} };
  const builds = { ours: [oursBuild, oursBytes], MiniSearch: [miniBuild, miniBytes], FlexSearch: [flexBuild, flexBytes] };
  for (const [name, run] of Object.entries(engines)) {
    status(`Querying with ${name}…`);
    const times = {};
    for (const x of queries) {
      run(x); // warm
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        run(x);
        const ms = performance.now() - t;
        (times[x.kind] ??= []).push(ms);
        (times.all ??= []).push(ms);
      }
    }
    const base = name.replace("+facets", "");
    const phrases = queries.filter((x) => x.from);
    const found = finds[base] && !name.includes("+") ? phrases.filter((x) => finds[base](x)).length : null;
    result.engines[name] = {
      build: name.includes("+") ? null : builds[base][0],
      bytes: name.includes("+") ? null : builds[base][1],
      latency: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { p50: pct(v, 0.5), p95: pct(v, 0.95), n: v.length }])),
      phrasesFound: found,
      phrases: phrases.length,
    };
  }
  window.__benchResult = result;
  status("Done.");
}

function start() {
  run().catch((e) => {
    window.__benchResult = { error: String(e && e.stack || e) };
  });
}
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
