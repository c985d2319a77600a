// The timeline benchmark (bench/timeline.html): the real app's timeline and vis-timeline on
// the same documents, in the same page, one after the other. Query: ?set=12|100k&steps=N.
// Each step is timed from the input event to the next painted frame (a requestAnimationFrame
// callback queued after the event, then a task after that frame).

const params = new URLSearchParams(location.search);
const steps = Number(params.get("steps") ?? 40);
const copies = params.get("set") === "100k" ? 21 : 1;
const status = (t) => (document.getElementById("status").textContent = t);
const nextPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const summary = (xs) => ({ median: median(xs), p95: p95(xs), n: xs.length });

// Each step: `latency` from the input event to the next painted frame (the frame interval
// is part of it; `floor` below is the same for an event nothing handles), and `work`, the
// main-thread time the step costs: the event's handler plus what runs in that frame before
// our measuring callback (the chart's draw). A peer that needs seconds per step stops after
// a minute (at least three steps); the report gives how many steps were timed.
async function timeSteps(what, fire) {
  const latency = [];
  const work = [];
  const begun = performance.now();
  for (let i = 0; i < steps; i++) {
    if (latency.length >= 3 && performance.now() - begun > 60_000) break;
    status(`${what}: step ${i + 1} of ${steps}`);
    await nextPaint();
    const t0 = performance.now();
    fire(i);
    const t1 = performance.now();
    const inFrame = await new Promise((ok) => requestAnimationFrame((ts) => ok(performance.now() - Math.max(ts, t1))));
    await new Promise((ok) => setTimeout(ok, 0));
    latency.push(performance.now() - t0);
    work.push(t1 - t0 + Math.max(0, inFrame));
  }
  return { ...summary(latency), work: summary(work) };
}

async function waitFor(pred, ms = 600_000) {
  const t0 = performance.now();
  while (!pred()) {
    if (performance.now() - t0 > ms) throw new Error("timed out");
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

async function ours(wasm) {
  status("ours: first render…");
  const t0 = performance.now();
  const n = wasm.mount_timeline(copies);
  await waitFor(() => document.querySelector(".tl-mark"));
  await nextPaint();
  const first = performance.now() - t0;
  const frame = document.querySelector(".tl-frame");
  const rows = document.querySelector(".tl-rows").getBoundingClientRect();
  const wheel = (dy) =>
    frame.dispatchEvent(new WheelEvent("wheel", { deltaY: dy, clientX: rows.left + rows.width / 2, clientY: rows.top + 20, bubbles: true, cancelable: true }));
  // Zoom in 20 steps then out again (each ×1.5), around the middle.
  const zoom = await timeSteps("ours, zoom", (i) => wheel(i < steps / 2 ? -200 : 200));
  const key = (k) => frame.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  const pan = await timeSteps("ours, pan", (i) => key(i % 2 ? "ArrowLeft" : "ArrowRight"));
  const marks = document.querySelectorAll(".tl-mark").length;
  const floor = await timeSteps("frame floor", () => document.body.dispatchEvent(new Event("bench-nothing")));
  document.getElementById("app").remove();
  return { documents: n, first, zoom, pan, marks, floor };
}

async function vis(wasm) {
  const [flat, labels] = wasm.items(copies);
  const groups = new window.vis.DataSet(labels.map((l, i) => ({ id: i, content: l })));
  const items = [];
  for (let k = 0; k < flat.length; k += 2) items.push({ id: k / 2, group: flat[k], start: new Date(flat[k + 1]), content: "" });
  const data = new window.vis.DataSet(items);
  status(`vis-timeline: first render of ${items.length} items…`);
  const t0 = performance.now();
  const tl = new window.vis.Timeline(document.getElementById("vis"), data, groups, {
    stack: false, showCurrentTime: false, zoomMin: 6 * 3600 * 1000, height: "700px",
  });
  await nextPaint();
  const first = performance.now() - t0;
  const zoom = await timeSteps("vis-timeline, zoom", (i) => (i < steps / 2 ? tl.zoomIn(1 / 3, { animation: false }) : tl.zoomOut(1 / 3, { animation: false })));
  const pan = await timeSteps("vis-timeline, pan", (i) => {
    const w = tl.getWindow();
    const d = (w.end - w.start) * 0.25 * (i % 2 ? -1 : 1);
    tl.setWindow(w.start.valueOf() + d, w.end.valueOf() + d, { animation: false });
  });
  tl.destroy();
  return { documents: items.length, first, zoom, pan };
}

async function main() {
  const wasm = window.wasmBindings;
  const volumes = params.get("volumes").split(",");
  for (const v of volumes) {
    status(`parsing ${v}…`);
    const bytes = new Uint8Array(await (await fetch(`/corpus/tei-volumes/${v}.xml`)).arrayBuffer());
    wasm.add_volume(v + ".xml", bytes);
  }
  status("ours…");
  const a = await ours(wasm);
  status("vis-timeline…");
  let b;
  try {
    b = await vis(wasm);
  } catch (e) {
    b = { error: String(e) };
  }
  window.__benchResult = { ours: a, vis: b };
  status("done");
}

const start = () => main().catch((e) => (window.__benchResult = { error: String(e.stack ?? e) }));
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
