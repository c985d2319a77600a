//! The one door to the service worker (`public/sw.js`): registers it, and says whether the
//! browser is online and whether a new build waits. The page never reloads on its own: a
//! waiting build is taken only when the reader asks (`take_update`), because a reload in
//! the middle of reading loses their place.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the shell shows of the connection and the app's version.
#[derive(Debug, Clone, Copy)]
pub struct Offline {
    /// The browser says it is online (`navigator.onLine`, kept by its events).
    pub online: RwSignal<bool>,
    /// A new build has installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The last thing a link out could not do ("needs a connection"), for the status line.
    pub notice: RwSignal<Option<String>>,
    asked_reload: StoredValue<bool>,
}

impl Offline {
    /// Starts watching the connection and registers the worker (once, from the shell).
    pub fn start() -> Offline {
        let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
        let this = Offline {
            online: RwSignal::new(online),
            update_ready: RwSignal::new(false),
            notice: RwSignal::new(None),
            asked_reload: StoredValue::new(false),
        };
        this.watch_connection();
        this.guard_links_out();
        this.register();
        this
    }

    fn watch_connection(self) {
        let Some(w) = web_sys::window() else { return };
        for (event, value) in [("online", true), ("offline", false)] {
            let cb = Closure::<dyn Fn()>::new(move || {
                self.online.set(value);
                if value {
                    self.notice.set(None);
                }
            });
            let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
            cb.forget();
        }
    }

    /// Offline, a link out of the app (http, another origin) would show the browser's
    /// error page and leave the app: it says why it does not go instead.
    fn guard_links_out(self) {
        let Some(w) = web_sys::window() else { return };
        let origin = w.location().origin().unwrap_or_default();
        let cb = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
            // Online, or the kiosk has already shown the link as a QR code.
            if self.online.get_untracked() || e.default_prevented() {
                return;
            }
            let Some(link) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let href = link
                .dyn_ref::<web_sys::HtmlAnchorElement>()
                .map(|a| a.href())
                .unwrap_or_default();
            if (href.starts_with("http://") || href.starts_with("https://"))
                && !href.starts_with(&format!("{origin}/"))
            {
                e.prevent_default();
                let host = href.split('/').nth(2).unwrap_or(&href).to_string();
                self.notice.set(Some(format!(
                    "This link to {host} needs a connection; you are offline."
                )));
            }
        });
        if let Some(doc) = w.document() {
            let opts = web_sys::AddEventListenerOptions::new();
            opts.set_capture(true);
            let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
                "click",
                cb.as_ref().unchecked_ref(),
                &opts,
            );
        }
        cb.forget();
    }

    fn register(self) {
        let Some(w) = web_sys::window() else { return };
        // Browsers without service workers (or pages where they are blocked) still work:
        // they are only not offline.
        let has = js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false);
        if !has {
            return;
        }
        let container = w.navigator().service_worker();
        let on_change = Closure::<dyn Fn()>::new(move || {
            if self.asked_reload.get_value() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        );
        on_change.forget();
        leptos::task::spawn_local(async move {
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.register("/sw.js")).await
            else {
                return;
            };
            // Where workers are blocked the promise may give nothing.
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                self.watch_registration(&reg);
            }
        });
    }

    /// A worker that installs while another controls the page is a new build.
    fn watch_registration(self, reg: &web_sys::ServiceWorkerRegistration) {
        let waiting = move |reg: &web_sys::ServiceWorkerRegistration| {
            let controlled = web_sys::window()
                .and_then(|w| w.navigator().service_worker().controller())
                .is_some();
            if controlled && reg.waiting().is_some() {
                self.update_ready.set(true);
            }
        };
        waiting(reg);
        let r = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = r.installing() else {
                return;
            };
            let r2 = r.clone();
            let on_state = Closure::<dyn Fn()>::new(move || waiting(&r2));
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    }

    /// The reader chose the new version: the waiting worker takes over, then the page
    /// reloads (on `controllerchange`).
    pub fn take_update(self) {
        self.asked_reload.set_value(true);
        leptos::task::spawn_local(async move {
            let Some(w) = web_sys::window() else { return };
            let container = w.navigator().service_worker();
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await
            else {
                let _ = w.location().reload();
                return;
            };
            let waiting = reg
                .dyn_into::<web_sys::ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting());
            match waiting {
                Some(worker) => {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                    let _ = worker.post_message(&msg);
                }
                None => {
                    let _ = w.location().reload();
                }
            }
        });
    }
}
