//! Two tabs of the app share one store: each change is announced on a BroadcastChannel,
//! and the other tabs read what changed from the store (the message carries only the id:
//! the store stays the one truth, so no tab overwrites another's write).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "letterbook-store";

/// A change made by a tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Kept(String),
    Removed(String),
    Cleared,
}

impl Change {
    fn encode(&self) -> String {
        match self {
            Change::Kept(id) => format!("kept:{id}"),
            Change::Removed(id) => format!("removed:{id}"),
            Change::Cleared => "cleared".into(),
        }
    }

    fn decode(s: &str) -> Option<Change> {
        match s.split_once(':') {
            Some(("kept", id)) => Some(Change::Kept(id.into())),
            Some(("removed", id)) => Some(Change::Removed(id.into())),
            None if s == "cleared" => Some(Change::Cleared),
            _ => None,
        }
    }
}

thread_local! {
    static CHANNEL_HELD: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Listens for the other tabs' changes (once per visit).
pub fn listen(on_change: impl Fn(Change) + 'static) {
    let Ok(ch) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some(c) = e.data().as_string().as_deref().and_then(Change::decode) {
            on_change(c);
        }
    });
    ch.set_onmessage(Some(cb.as_ref().unchecked_ref()));
    cb.forget();
    CHANNEL_HELD.with(|c| *c.borrow_mut() = Some(ch));
}

/// Tells the other tabs (a tab does not hear its own messages).
pub fn announce(change: Change) {
    CHANNEL_HELD.with(|c| {
        if let Some(ch) = &*c.borrow() {
            let _ = ch.post_message(&change.encode().into());
        }
    });
}
