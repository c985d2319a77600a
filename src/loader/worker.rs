//! The page's side of the file worker (`src/bin/worker.rs`): one worker for the visit,
//! started with the first file, sent one file at a time once it has said "ready". The
//! file's bytes go to it and come back as transferred buffers (never copied between the
//! two). Cancelling the file it is reading ends the worker; the next file starts another.
//! A browser that gives no worker, or a module that does not load, leaves the files to
//! the page (`in_page.rs`).

use std::cell::RefCell;

use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::state::Library;

/// Trunk's loader for the worker's module (`index.html`, `data-loader-shim`).
const SCRIPT: &str = "/letterbook-worker_loader.js";
/// A module that has not said "ready" by then is taken as not loading.
const READY_MS: i32 = 15_000;

/// How a file came back.
pub enum Outcome {
    Done {
        record: Vec<u8>,
        source: Vec<u8>,
    },
    Failed(String),
    Cancelled,
    /// No worker: the buffer, untouched, for the page to read.
    Unavailable(ArrayBuffer),
}

#[derive(Default)]
struct Client {
    live: Option<Live>,
    /// No worker in this browser, or its module does not load: for the rest of the visit.
    broken: bool,
}

struct Live {
    worker: Worker,
    ready: bool,
    /// Who waits for "ready": (resolve, reject).
    waiting: Vec<(Function, Function)>,
    /// The file it is reading, and how to answer for it.
    current: Option<(u32, Function)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the worker; `false` when the browser refuses.
fn start(lib: Library) -> bool {
    let opts = WorkerOptions::new();
    opts.set_type(WorkerType::Module);
    let Ok(worker) = Worker::new_with_options(SCRIPT, &opts) else {
        return false;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        match get(&data, "type").as_string().as_deref() {
            Some("ready") => CLIENT.with(|c| {
                if let Some(live) = c.borrow_mut().live.as_mut() {
                    live.ready = true;
                    for (resolve, _) in live.waiting.drain(..) {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                }
            }),
            Some("progress") => {
                let (Some(key), Some(p)) =
                    (get(&data, "id").as_f64(), get(&data, "progress").as_f64())
                else {
                    return;
                };
                lib.update_load(key as u32, |l| l.progress = p);
            }
            Some(_) => {
                let id = get(&data, "id").as_f64().map(|k| k as u32);
                answer(id, &data);
            }
            None => {}
        }
    });
    // An `ErrorEvent` when the module threw; a plain `Event` when it did not load.
    let on_error = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
        ev.prevent_default();
        let why = get(&ev, "message")
            .as_string()
            .unwrap_or_else(|| "its module did not load".into());
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let Some(mut live) = c.live.take() else {
                return;
            };
            if !live.ready {
                // Its module did not load: the page reads files from now on.
                c.broken = true;
                leptos::logging::warn!("no file worker ({why}): files are read in the page");
                for (_, reject) in live.waiting.drain(..) {
                    let _ = reject.call0(&JsValue::NULL);
                }
            }
            if let Some((_, resolve)) = live.current.take() {
                let msg = format!("the file worker stopped ({why}); try the file again");
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &object(&[("type", "failed".into()), ("error", msg.into())]),
                );
            }
            live.end();
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    CLIENT.with(|c| {
        c.borrow_mut().live = Some(Live {
            worker,
            ready: false,
            waiting: Vec::new(),
            current: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    true
}

impl Live {
    /// Ends the worker; its handlers go first (a message already on its way would call a
    /// dropped closure), and the closures are dropped after the current task (one of
    /// them may be what is running).
    fn end(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        leptos::task::spawn_local(async move { drop(self) });
    }
}

/// Answers for the file being read (`id`, when the message names it).
fn answer(id: Option<u32>, data: &JsValue) {
    let resolve = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let live = c.live.as_mut()?;
        match &live.current {
            Some((key, _)) if id.is_none_or(|i| i == *key) => live.current.take().map(|(_, r)| r),
            _ => None,
        }
    });
    if let Some(r) = resolve {
        let _ = r.call1(&JsValue::NULL, data);
    }
}

/// Waits until the worker has said "ready"; `false` when it will not.
async fn ready() -> bool {
    let promise = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let live = c.live.as_mut()?;
        if live.ready {
            return None;
        }
        Some(Promise::new(&mut |resolve, reject| {
            live.waiting.push((resolve, reject.clone()));
            let _ = web_sys::window().map(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, READY_MS)
            });
        }))
    });
    match promise {
        None => CLIENT.with(|c| c.borrow().live.is_some()),
        Some(p) => {
            let ok = JsFuture::from(p).await.is_ok();
            if !ok {
                CLIENT.with(|c| {
                    let mut c = c.borrow_mut();
                    if let Some(live) = c.live.take() {
                        live.end();
                    }
                    c.broken = true;
                });
            }
            ok
        }
    }
}

/// Reads file `name` (load `key`) in the worker.
pub async fn read(lib: Library, key: u32, name: &str, buffer: ArrayBuffer) -> Outcome {
    let broken = CLIENT.with(|c| c.borrow().broken);
    let live = CLIENT.with(|c| c.borrow().live.is_some());
    if broken || (!live && !start(lib)) || !ready().await {
        CLIENT.with(|c| c.borrow_mut().broken = true);
        return Outcome::Unavailable(buffer);
    }
    // Cancelled while the worker was starting: never sent.
    if super::is_cancelled(key) {
        return Outcome::Cancelled;
    }
    let job = object(&[
        ("id", key.into()),
        ("name", name.into()),
        ("bytes", buffer.clone().into()),
    ]);
    let promise = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let live = c.live.as_mut()?;
        let transfer: Array = std::iter::once(JsValue::from(buffer.clone())).collect();
        live.worker
            .post_message_with_transfer(&job, &transfer)
            .ok()?;
        Some(Promise::new(&mut |resolve, _| {
            live.current = Some((key, resolve));
        }))
    });
    let Some(promise) = promise else {
        return Outcome::Unavailable(buffer);
    };
    let data = match JsFuture::from(promise).await {
        Ok(d) => d,
        Err(_) => return Outcome::Failed(format!("{name}: the file worker gave no answer")),
    };
    let bytes = |k: &str| {
        get(&data, k)
            .dyn_into::<ArrayBuffer>()
            .ok()
            .map(|b| Uint8Array::new(&b).to_vec())
    };
    match get(&data, "type").as_string().as_deref() {
        Some("done") => match (bytes("record"), bytes("source")) {
            (Some(record), Some(source)) => Outcome::Done { record, source },
            _ => Outcome::Failed(format!("{name}: the file worker's answer is incomplete")),
        },
        Some("cancelled") => Outcome::Cancelled,
        _ => Outcome::Failed(
            get(&data, "error")
                .as_string()
                .unwrap_or_else(|| format!("{name}: the file worker failed")),
        ),
    }
}

/// Cancels load `key` if the worker is reading it: the worker is ended (the next file
/// starts another).
pub fn cancel(key: u32) {
    let resolve = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let reading = c
            .live
            .as_ref()
            .is_some_and(|l| matches!(l.current, Some((k, _)) if k == key));
        if !reading {
            return None;
        }
        let mut live = c.live.take()?;
        let resolve = live.current.take().map(|(_, r)| r);
        live.end();
        resolve
    });
    if let Some(r) = resolve {
        let _ = r.call1(&JsValue::NULL, &object(&[("type", "cancelled".into())]));
    }
}
