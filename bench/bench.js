// Runs in the benchmark page: ?volumes=a,b,c&runs=N. Volumes are fetched from
// /corpus/tei-volumes/<id>.xml (the benchmark script serves the corpus there).
const params = new URLSearchParams(location.search);
const volumes = (params.get("volumes") ?? "").split(",").filter(Boolean);
const runs = Number(params.get("runs") ?? 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run() {
  const wasm = window.wasmBindings;
  const status = document.getElementById("status");
  const body = document.querySelector("#results tbody");
  const rows = [];
  for (const id of volumes) {
    status.textContent = `Parsing ${id}…`;
    const res = await fetch(`/corpus/tei-volumes/${id}.xml`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const ours = [], oursBytes = [], dom = [];
    let documents = 0;
    for (let i = 0; i < runs + 1; i++) {
      let t = performance.now();
      documents = wasm.parse_tei_string(id + ".xml", text);
      const a = performance.now() - t;
      t = performance.now();
      wasm.parse_tei_bytes(id + ".xml", bytes);
      const b = performance.now() - t;
      t = performance.now();
      const doc = new DOMParser().parseFromString(text, "application/xml");
      if (!doc.documentElement || doc.getElementsByTagName("parsererror").length) throw new Error(`DOMParser failed on ${id}`);
      const c = performance.now() - t;
      if (i > 0) { ours.push(a); oursBytes.push(b); dom.push(c); } // the first run warms up
    }
    const row = {
      volume: id,
      mb: bytes.length / 1e6,
      documents,
      ours: median(ours),
      oursBytes: median(oursBytes),
      dom: median(dom),
      longestStep: wasm.longest_step_ms(id + ".xml", bytes),
    };
    row.ratio = row.ours / row.dom;
    row.mbps = row.mb / (row.ours / 1000);
    rows.push(row);
    const tr = document.createElement("tr");
    for (const v of [row.volume, row.mb.toFixed(2), row.documents, row.ours.toFixed(1), row.oursBytes.toFixed(1),
      row.dom.toFixed(1), row.ratio.toFixed(2), row.mbps.toFixed(0), row.longestStep.toFixed(1)]) {
      const td = document.createElement("td");
      td.textContent = String(v);
      tr.append(td);
    }
    body.append(tr);
  }
  // Opening a volume again from its record (the store's, LZ4) and from its pack file (a
  // pack site's, zstd), against parsing its XML: /site/ holds the corpus packed by
  // `letterbook pack` (the benchmark script writes it).
  const site = await fetch("/site/collection.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  for (const row of rows) {
    status.textContent = `Decoding ${row.volume}…`;
    const entry = site?.volumes.find((v) => v.id === row.volume);
    const xml = new Uint8Array(await (await fetch(`/corpus/tei-volumes/${row.volume}.xml`)).arrayBuffer());
    const record = wasm.store_record(row.volume + ".xml", xml);
    const pack = entry ? new Uint8Array(await (await fetch("/site/" + entry.pack.path)).arrayBuffer()) : null;
    const lz4 = [], zstd = [];
    for (let i = 0; i < runs + 1; i++) {
      let t = performance.now();
      if (wasm.open_record(record) !== row.documents) throw new Error(`${row.volume}: the record opens wrong`);
      const a = performance.now() - t;
      let b = NaN;
      if (pack) {
        t = performance.now();
        if (wasm.open_record(pack) !== row.documents) throw new Error(`${row.volume}: the pack opens wrong`);
        b = performance.now() - t;
      }
      if (i > 0) { lz4.push(a); zstd.push(b); }
    }
    Object.assign(row, { recordBytes: record.length, packBytes: pack?.length ?? 0, lz4: median(lz4), zstd: median(zstd) });
  }
  status.textContent = "Done.";
  window.__benchResult = rows;
}

const start = () => run().catch((e) => {
  document.getElementById("status").textContent = "Failed: " + e;
  window.__benchResult = { error: String(e) };
});
// Trunk's loader may finish before or after this module runs.
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
