//! `letterbook search`: the app's search, from the command line, over TEI volumes, page
//! texts and pack sites (their split index: only the parts a query needs are read).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use letterbook_core::correspondence::{when, Correspondence};
use letterbook_core::pack::{decode_summary, Manifest};
use letterbook_core::{Document, Parsed, Volume};
use letterbook_search::site::{self, SiteMeta, SiteText};
use letterbook_search::{parse, search, snippet, Index, Segment, Sort, Source, Table};

/// What `search` was asked to do.
pub struct Job {
    pub json: bool,
    pub limit: usize,
    pub sort: Sort,
    pub queries: Vec<String>,
    pub sources: Vec<PathBuf>,
}

/// A pack site given as a source: its summary and its index's table of contents, and the
/// parts read so far.
struct Site {
    dir: PathBuf,
    summary: Correspondence,
    meta: SiteMeta,
    terms: HashMap<usize, Arc<Table>>,
    text: HashMap<usize, Vec<SiteText>>,
}

impl Site {
    fn open(dir: &Path) -> Result<Site, String> {
        let read = |rel: &str| {
            std::fs::read(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.join(rel).display()))
        };
        let manifest = Manifest::parse(&read("collection.json")?)
            .map_err(|e| format!("{}: {e}", dir.join("collection.json").display()))?;
        let summary = decode_summary(&read(&manifest.summary.path)?)
            .map_err(|e| format!("{}: {e}", manifest.summary.path))?;
        let Some(index) = &manifest.search else {
            return Err(format!(
                "{}: this collection was packed without a search index; pack it again",
                dir.display()
            ));
        };
        let meta =
            SiteMeta::read(&read(&index.path)?).map_err(|e| format!("{}: {e}", index.path))?;
        Ok(Site {
            dir: dir.to_path_buf(),
            summary,
            meta,
            terms: HashMap::new(),
            text: HashMap::new(),
        })
    }

    fn part(&self, path: &str) -> Result<Vec<u8>, String> {
        let bytes = std::fs::read(self.dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
        site::check_part(path, &bytes).map_err(|e| e.to_string())?;
        Ok(bytes)
    }

    /// The parts of terms a query needs, read once.
    fn tables(&mut self, parts: &[usize]) -> Result<Vec<Arc<Table>>, String> {
        let mut out = Vec::new();
        for &i in parts {
            if !self.terms.contains_key(&i) {
                let path = self.meta.terms[i].path.clone();
                let t =
                    site::read_term_part(&self.part(&path)?).map_err(|e| format!("{path}: {e}"))?;
                self.terms.insert(i, Arc::new(t));
            }
            out.push(self.terms[&i].clone());
        }
        Ok(out)
    }

    /// Document `doc`'s text, its part read once.
    fn text_of(&mut self, doc: u32) -> Option<&SiteText> {
        let i = self.meta.text_part(doc)?;
        if !self.text.contains_key(&i) {
            let path = self.meta.text[i].path.clone();
            let texts = self
                .part(&path)
                .ok()
                .and_then(|b| site::read_text_part(&b).ok())?;
            self.text.insert(i, texts);
        }
        self.text[&i].iter().find(|t| t.doc == doc)
    }
}

/// Runs every query; false when a source could not be read.
pub fn run(job: Job, out: &mut impl Write) -> bool {
    let mut ok = true;
    let mut site: Option<Site> = None;
    let mut docs: Vec<Document> = Vec::new();
    let mut volumes: Vec<Volume> = Vec::new();
    let mut segments: Vec<Arc<Segment>> = Vec::new();
    for path in &job.sources {
        if path.is_dir() {
            if site.is_some() {
                eprintln!("error: {}: one pack site at a time", path.display());
                ok = false;
                continue;
            }
            match Site::open(path) {
                Ok(s) => site = Some(s),
                Err(e) => {
                    eprintln!("error: {e}");
                    ok = false;
                }
            }
            continue;
        }
        match crate::read_any(path, false) {
            Ok(Parsed::Volume(v)) => {
                for e in &v.errors {
                    eprintln!("warning: {e}");
                }
                segments.push(Arc::new(Segment::of(&v.documents)));
                docs.extend(v.documents);
                volumes.push(v.volume);
            }
            Ok(Parsed::Text(d)) => {
                segments.push(Arc::new(Segment::of(std::slice::from_ref(&d))));
                docs.push(d);
            }
            Err(e) => {
                eprintln!("error: {e}");
                ok = false;
            }
        }
    }
    if site.is_none() && docs.is_empty() {
        eprintln!("error: nothing to search");
        return false;
    }
    // The model: the site's summary first (its numbering is the index's), then the rest.
    let local = {
        let refs: Vec<&Document> = docs.iter().collect();
        let vols: Vec<&Volume> = volumes.iter().collect();
        Correspondence::build(&refs, &vols)
    };
    let corr = match &site {
        Some(s) if docs.is_empty() => s.summary.clone(),
        Some(s) => s.summary.merged(&local),
        None => local,
    };
    let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    // Newest first: a page text read after its volume's copy is the one searched.
    let local_sources: Vec<Source> = segments
        .iter()
        .rev()
        .map(|s| Source::Segment(s.clone()))
        .collect();
    let local_index = Index::new(&corr, &local_sources);
    for q in &job.queries {
        let query = parse(q);
        let site_tables = match &mut site {
            Some(s) => {
                let parts = s.meta.parts_for(&query);
                match s.tables(&parts) {
                    Ok(t) => Some((t, Arc::new(s.meta.norms.clone()))),
                    Err(e) => {
                        eprintln!("error: {e}");
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        let started = Instant::now();
        let index = match site_tables {
            Some((tables, norms)) => {
                let mut sources = vec![Source::Site { tables, norms }];
                sources.extend(local_sources.iter().map(|s| match s {
                    Source::Segment(seg) => Source::Segment(seg.clone()),
                    Source::Site { .. } => unreachable!("local sources are segments"),
                }));
                std::borrow::Cow::Owned(Index::new(&corr, &sources))
            }
            None => std::borrow::Cow::Borrowed(&local_index),
        };
        let results = search(&index, &corr, &query, job.sort);
        let mut hits = Vec::new();
        for h in results.hits.iter().take(job.limit) {
            let d = &corr.docs[h.doc as usize];
            let snip = match by_id.get(d.id.as_str()) {
                Some(doc) => {
                    snippet(doc, &query, 160).or_else(|| letterbook_search::opening(doc, 160))
                }
                None => site.as_mut().and_then(|s| {
                    let t = s.text_of(h.doc)?;
                    letterbook_search::snippet::snippet_in(&t.passages, &|f| t.note(f), &query, 160)
                        .or_else(|| letterbook_search::snippet::opening_in(&t.passages, 160))
                }),
            };
            hits.push((h, d, snip));
        }
        let micros = started.elapsed().as_micros();
        if job.json {
            let line = serde_json::json!({
                "query": q,
                "total": results.total(),
                "hits": hits.iter().map(|(h, d, s)| serde_json::json!({
                    "id": d.id,
                    "score": (h.score * 1000.0).round() / 1000.0,
                    "title": d.title,
                    "date": d.when.certainty.placed().then(|| when::iso_day(d.when.start)),
                    "snippet": s.as_ref().map(|s| s.plain()).unwrap_or_default(),
                    "in": s.as_ref().map(|s| s.field.as_str()),
                    "note": s.as_ref().and_then(|s| s.note.clone()),
                })).collect::<Vec<_>>(),
                "notices": results.notices,
                "micros": micros,
            });
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(
                out,
                "{q}: {} ({:.2} ms)",
                letterbook_core::presentation::count(results.total() as u64, "document"),
                micros as f64 / 1000.0
            );
            for n in &results.notices {
                let _ = writeln!(out, "  note: {n}");
            }
            for (h, d, s) in &hits {
                let date = if d.when.certainty.placed() {
                    when::iso_day(d.when.start)
                } else {
                    "undated".into()
                };
                let _ = writeln!(out, "  {:7.3}  {}  {date}  {}", h.score, d.id, d.title);
                if let Some(s) = s {
                    let place = match &s.note {
                        Some(n) => format!("[note {n}] "),
                        None => String::new(),
                    };
                    let _ = writeln!(out, "           {place}{}", s.plain());
                }
            }
        }
    }
    ok
}
