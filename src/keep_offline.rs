//! Keeping a pack site's whole collection offline: every pack, the summary and every file
//! of the search index, put in the cache the service worker answers from
//! (`letterbook-packs`), without opening a volume (a series does not fit in memory; a
//! volume is decoded only when read). It says first how many bytes it needs and whether
//! the browser has the room, runs with one progress bar, pauses, and goes on after a
//! reload from where it stopped (the cache is the record of what is done).

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::shelf::Site;
use crate::state::Library;

/// The cache the service worker serves content-named files from (public/sw.js).
const CACHE: &str = "letterbook-packs";
/// Remembers that the reader asked (and for which collection), to go on after a reload.
const WANTED_KEY: &str = "letterbook-keep-offline";

/// Where keeping the collection offline stands.
#[derive(Debug, Clone, PartialEq)]
pub enum KeepState {
    /// Not a site, or not measured yet.
    Unknown,
    /// What it needs and what the browser has (None: it does not say).
    Ready {
        need: u64,
        missing: u64,
        free: Option<u64>,
    },
    Running {
        done: u64,
        total: u64,
    },
    Paused {
        done: u64,
        total: u64,
    },
    Done {
        total: u64,
    },
    /// The browser has no Cache API (or refused it), or a file failed.
    Failed(String),
}

/// The collection kept offline: its state and which volumes are kept.
#[derive(Debug, Clone, Copy)]
pub struct KeepOffline {
    pub state: RwSignal<KeepState>,
    /// Volumes whose pack is in the cache.
    pub volumes: RwSignal<HashSet<String>>,
    pause: StoredValue<bool>,
}

/// A file of the collection: its path on the site, its size, the volume it is the pack of.
#[derive(Debug, Clone)]
struct Wanted {
    path: String,
    bytes: u64,
    volume: Option<String>,
}

use crate::storage::local as storage;

async fn cache() -> Result<web_sys::Cache, String> {
    let w = web_sys::window().ok_or("no window")?;
    let caches = w
        .caches()
        .map_err(|_| "this browser keeps no files for offline use (no Cache API)".to_string())?;
    let c = JsFuture::from(caches.open(CACHE))
        .await
        .map_err(|e| crate::net::js_err(CACHE, e))?;
    Ok(c.unchecked_into())
}

async fn has(cache: &web_sys::Cache, path: &str) -> bool {
    JsFuture::from(cache.match_with_str(&format!("/{path}")))
        .await
        .is_ok_and(|r| !r.is_undefined())
}

impl KeepOffline {
    pub fn new() -> KeepOffline {
        KeepOffline {
            state: RwSignal::new(KeepState::Unknown),
            volumes: RwSignal::new(HashSet::new()),
            pause: StoredValue::new(false),
        }
    }

    /// Every file of the collection, with its size (the search index's own list read).
    async fn files(lib: Library) -> Result<Vec<Wanted>, String> {
        let Some((volumes, summary, search)) = lib.site.with_untracked(|s| match s {
            Site::Ready(c) => Some((c.volumes.clone(), c.summary.clone(), c.search.clone())),
            _ => None,
        }) else {
            return Ok(Vec::new());
        };
        let mut out: Vec<Wanted> = volumes
            .iter()
            .map(|v| Wanted {
                path: v.entry.pack.path.clone(),
                bytes: v.entry.pack.bytes,
                volume: Some(v.entry.id.clone()),
            })
            .collect();
        out.push(Wanted {
            path: summary.path.clone(),
            bytes: summary.bytes,
            volume: None,
        });
        if let Some(file) = search {
            for (path, bytes) in crate::finder::site_index_files(&file).await? {
                out.push(Wanted {
                    path,
                    bytes,
                    volume: None,
                });
            }
        }
        Ok(out)
    }

    /// Measures what keeping it needs (once the site is read), marks the volumes already
    /// kept, and goes on if the reader had asked before this page was loaded.
    pub fn measure(self, lib: Library) {
        spawn_local(async move {
            let files = match Self::files(lib).await {
                Ok(f) if !f.is_empty() => f,
                Ok(_) => return,
                Err(why) => {
                    self.state.set(KeepState::Failed(why));
                    return;
                }
            };
            let cache = match cache().await {
                Ok(c) => c,
                Err(why) => {
                    self.state.set(KeepState::Failed(why));
                    return;
                }
            };
            let mut missing = 0;
            let mut kept = HashSet::new();
            for f in &files {
                if has(&cache, &f.path).await {
                    if let Some(v) = &f.volume {
                        kept.insert(v.clone());
                    }
                } else {
                    missing += f.bytes;
                }
            }
            self.volumes.set(kept);
            let need: u64 = files.iter().map(|f| f.bytes).sum();
            if missing == 0 {
                self.state.set(KeepState::Done { total: need });
                return;
            }
            let free = crate::storage::estimate()
                .await
                .map(|(used, quota)| (quota - used).max(0.0) as u64);
            self.state.set(KeepState::Ready {
                need,
                missing,
                free,
            });
            if Self::wanted(lib) {
                self.start(lib);
            }
        });
    }

    fn wanted(lib: Library) -> bool {
        let title = lib.site.with_untracked(|s| match s {
            Site::Ready(c) => c.title.clone(),
            _ => String::new(),
        });
        storage()
            .and_then(|s| s.get_item(WANTED_KEY).ok().flatten())
            .is_some_and(|t| t == title)
    }

    /// Downloads what is not kept yet, one file after another.
    pub fn start(self, lib: Library) {
        if matches!(self.state.get_untracked(), KeepState::Running { .. }) {
            return;
        }
        if let (Some(s), Site::Ready(c)) = (storage(), lib.site.get_untracked()) {
            let _ = s.set_item(WANTED_KEY, &c.title);
        }
        self.pause.set_value(false);
        spawn_local(async move {
            let run = async {
                let files = Self::files(lib).await?;
                let cache = cache().await?;
                let total: u64 = files.iter().map(|f| f.bytes).sum();
                let mut done = 0;
                self.state.set(KeepState::Running { done, total });
                for f in files {
                    if self.pause.get_value() {
                        self.state.set(KeepState::Paused { done, total });
                        return Ok(());
                    }
                    if !has(&cache, &f.path).await {
                        let url = format!("/{}", f.path);
                        JsFuture::from(cache.add_with_str(&url))
                            .await
                            .map_err(|e| crate::net::js_err(&url, e))?;
                    }
                    if let Some(v) = f.volume {
                        self.volumes.update(|s| {
                            s.insert(v);
                        });
                    }
                    done += f.bytes;
                    self.state.set(KeepState::Running { done, total });
                }
                self.state.set(KeepState::Done { total });
                Ok::<(), String>(())
            };
            if let Err(why) = run.await {
                self.state.set(KeepState::Failed(why));
            }
        });
    }

    /// Stops after the file under way; what is kept stays kept.
    pub fn pause(self) {
        self.pause.set_value(true);
        if let Some(s) = storage() {
            let _ = s.remove_item(WANTED_KEY);
        }
    }
}

impl Default for KeepOffline {
    fn default() -> Self {
        Self::new()
    }
}
