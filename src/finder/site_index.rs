//! The site's search index (`search` in `collection.json`): its table of contents, read
//! once when a query first needs it; its parts of terms and of text, fetched as queries
//! and result lists need them, each checked against its name, and kept for the visit.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use letterbook_core::pack::{manifest::sha256_hex, PackFile};
use letterbook_search::site::{self, SiteMeta, SiteText};
use letterbook_search::Table;

use crate::net::get;

/// What the visit has of the site's index.
#[derive(Default)]
pub struct SiteIndex {
    /// The table of contents, once read (`Err`: why it cannot be used).
    pub meta: Option<Result<Arc<SiteMeta>, String>>,
    terms: HashMap<usize, Arc<Table>>,
    text: HashMap<usize, Rc<Vec<SiteText>>>,
}

thread_local! {
    static SITE: RefCell<SiteIndex> = RefCell::new(SiteIndex::default());
}

async fn fetch(path: &str, expected: Option<&PackFile>) -> Result<Vec<u8>, String> {
    let url = format!("/{path}");
    let resp = get(&url).await?;
    if !resp.ok() {
        return Err(format!(
            "{url}: HTTP {} (the site's search index names this file and the site does not serve it)",
            resp.status()
        ));
    }
    let bytes =
        crate::site::read_body(&resp, &url, expected.map_or(0, |f| f.bytes), |_| {}).await?;
    match expected {
        Some(f) if bytes.len() as u64 != f.bytes || sha256_hex(&bytes) != f.sha256 => Err(format!(
            "{url} does not match collection.json: the site is being updated, or the file is damaged"
        )),
        Some(_) => Ok(bytes),
        None => site::check_part(path, &bytes).map(|()| bytes).map_err(|e| e.to_string()),
    }
}

/// The table of contents, fetched once.
pub async fn meta(file: &PackFile) -> Result<Arc<SiteMeta>, String> {
    if let Some(m) = SITE.with(|s| s.borrow().meta.clone()) {
        return m;
    }
    let read = fetch(&file.path, Some(file))
        .await
        .and_then(|b| SiteMeta::read(&b).map_err(|e| format!("/{}: {e}", file.path)))
        .map(Arc::new);
    SITE.with(|s| s.borrow_mut().meta = Some(read.clone()));
    read
}

/// The parts of terms `wanted` (by number), each fetched once.
pub async fn terms(meta: &SiteMeta, wanted: &[usize]) -> Result<Vec<Arc<Table>>, String> {
    let mut out = Vec::with_capacity(wanted.len());
    for &i in wanted {
        if let Some(t) = SITE.with(|s| s.borrow().terms.get(&i).cloned()) {
            out.push(t);
            continue;
        }
        let part = &meta.terms[i];
        let bytes = fetch(&part.path, None).await?;
        let t = Arc::new(site::read_term_part(&bytes).map_err(|e| format!("/{}: {e}", part.path))?);
        SITE.with(|s| s.borrow_mut().terms.insert(i, t.clone()));
        out.push(t);
    }
    Ok(out)
}

/// Document `doc`'s text, its part fetched once.
pub async fn text(meta: &SiteMeta, doc: u32) -> Result<Option<SiteText>, String> {
    let Some(i) = meta.text_part(doc) else {
        return Ok(None);
    };
    let part = match SITE.with(|s| s.borrow().text.get(&i).cloned()) {
        Some(p) => p,
        None => {
            let path = &meta.text[i].path;
            let bytes = fetch(path, None).await?;
            let texts = Rc::new(site::read_text_part(&bytes).map_err(|e| format!("/{path}: {e}"))?);
            SITE.with(|s| s.borrow_mut().text.insert(i, texts.clone()));
            texts
        }
    };
    Ok(part.iter().find(|t| t.doc == doc).cloned())
}
