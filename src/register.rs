//! The register of office-holders, fetched once beside the app (`register.tsv`, the table
//! `letterbook register` writes) the first time a file is opened, and held against each
//! document's date before it joins the library (`tenure_check`). Without it (the file is
//! missing, the network is down) documents open unflagged: nothing waits on it or fails.

use std::cell::RefCell;
use std::rc::Rc;

use letterbook_core::register::{table, tenure_check, Register};
use letterbook_core::Document;
use wasm_bindgen_futures::JsFuture;

/// Where the build puts the table: at the root beside the page, like the icon (index.html
/// copies it from assets/).
const URL: &str = "/register.tsv";

enum Held {
    NotAsked,
    Loaded(Rc<Register>),
    Unavailable,
}

thread_local! {
    static REGISTER: RefCell<Held> = const { RefCell::new(Held::NotAsked) };
}

/// The register, fetched on first use; `None` when it cannot be had.
pub async fn register() -> Option<Rc<Register>> {
    let known = REGISTER.with(|r| match &*r.borrow() {
        Held::Loaded(reg) => Some(Some(reg.clone())),
        Held::Unavailable => Some(None),
        Held::NotAsked => None,
    });
    if let Some(known) = known {
        return known;
    }
    let (held, got) = match fetch().await {
        Ok(reg) => {
            let reg = Rc::new(reg);
            (Held::Loaded(reg.clone()), Some(reg))
        }
        Err(e) => {
            leptos::logging::warn!("the register of office-holders is not available: {e}");
            (Held::Unavailable, None)
        }
    };
    REGISTER.with(|r| *r.borrow_mut() = held);
    got
}

async fn fetch() -> Result<Register, String> {
    let resp = crate::net::get(URL).await?;
    if !resp.ok() {
        return Err(format!("{URL}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{URL}: {e:?}"))?)
        .await
        .map_err(|e| format!("{URL}: {e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    table::read_bytes(URL, &bytes).map_err(|e| e.to_string())
}

/// Flags each document whose date its own people's terms of office contradict.
pub async fn flag_all(docs: &mut [Document]) {
    if let Some(reg) = register().await {
        for d in docs {
            tenure_check::flag(d, &reg);
        }
    }
}
