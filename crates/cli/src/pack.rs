//! `letterbook pack`: a collection as a folder of static files — `collection.json`, one
//! pack per volume named by its content hash, the collection's summary, and (with
//! `--app`) the built app beside them, so that the folder is a whole site.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use letterbook_core::correspondence::Correspondence;
use letterbook_core::pack::{
    self, manifest::hashed_path, manifest::sha256_hex, Codec, Manifest, PackFile, PackedVolume,
    Record, MANIFEST_FORMAT,
};
use letterbook_core::{
    parse_any, presentation, volumes::volume_label, Document, ParseErrorKind, Parsed, Volume,
    VolumeStats,
};
use letterbook_search::{site::build_site, Segment};
use rayon::prelude::*;

/// What `pack` was asked to do.
pub struct Job {
    pub out: PathBuf,
    pub title: Option<String>,
    pub app: Option<PathBuf>,
    /// The zstd level of packs and summary.
    pub level: i32,
    /// Each source packed this many times under new ids (a synthetic collection of a
    /// whole series' size, for measuring; 1 otherwise).
    pub copies: u32,
    /// Kiosk settings and the file they came from.
    pub kiosk: Option<(PathBuf, letterbook_core::kiosk::KioskConfig)>,
    pub sources: Vec<PathBuf>,
}

/// One source, read and encoded.
struct Packed {
    entry: PackedVolume,
    record: Vec<u8>,
    volume: Option<Volume>,
    documents: Vec<Document>,
    /// Its documents' search index, merged into the site's.
    segment: Segment,
    warnings: Vec<String>,
}

/// Reads and encodes one source (`copies` times, under new ids from the second); the
/// reason it is skipped otherwise.
fn pack_one(path: &Path, level: i32, copies: u32) -> Result<Vec<Packed>, String> {
    let name = path.to_string_lossy();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_else(|| name.to_string());
    // Parsed under its file's name: the errors a pack keeps name no folder of the
    // packer's machine, and the same file makes the same pack wherever it lies.
    // What the packer reads names the source as it was given.
    let shown = |e: &letterbook_core::ParseError| {
        let mut e = e.clone();
        e.file = name.to_string();
        e.to_string()
    };
    let parsed = parse_any(&file, &bytes).map_err(|e| shown(&e))?;
    let mut warnings = Vec::new();
    let (record, kind, title) = match parsed {
        Parsed::Volume(v) => {
            if let Some(cut) = v
                .errors
                .iter()
                .find(|e| e.kind == ParseErrorKind::Truncated)
            {
                return Err(format!(
                    "{} (a cut or partial file: not packed)",
                    shown(cut)
                ));
            }
            if v.documents.is_empty() {
                return Err(match v.errors.first() {
                    Some(e) => format!("{} (no document read)", shown(e)),
                    None => format!("{name}: no document in this volume"),
                });
            }
            let title = if v.volume.title.is_empty() {
                volume_label(&v.volume.id)
            } else {
                v.volume.title.clone()
            };
            warnings = v.errors.iter().map(shown).collect();
            let record = Record {
                volume: Some(v.volume),
                documents: v.documents,
                file: file.clone(),
                errors: v.errors.iter().map(|e| e.to_string()).collect(),
                ends_early: None,
                index: None,
            };
            (record, "volume", title)
        }
        Parsed::Text(d) => {
            let title = match &d.n {
                Some(n) => format!("Document {n}: {}", d.title),
                None => d.title.clone(),
            };
            let record = Record {
                documents: vec![d],
                file: file.clone(),
                ..Default::default()
            };
            (record, "text", title)
        }
    };
    let source_bytes = bytes.len() as u64;
    let mut out = Vec::with_capacity(copies as usize);
    for k in 1..copies {
        let copy = copy_of(&record, k);
        let title = format!("{title} (copy {k})");
        out.push(packed(
            copy,
            kind,
            title,
            &file,
            source_bytes,
            level,
            Vec::new(),
        ));
    }
    out.insert(
        0,
        packed(record, kind, title, &file, source_bytes, level, warnings),
    );
    Ok(out)
}

fn packed(
    record: Record,
    kind: &str,
    title: String,
    file: &str,
    source_bytes: u64,
    level: i32,
    warnings: Vec<String>,
) -> Packed {
    let encoded = pack::encode_parts_with(record.parts(), Codec::Zstd(level));
    let sha256 = sha256_hex(&encoded);
    let stats = VolumeStats::of(&mut record.documents.iter());
    let id = match &record.volume {
        Some(v) => v.id.clone(),
        None => record.documents[0].id.clone(),
    };
    let segment = Segment::of(&record.documents);
    Packed {
        segment,
        entry: PackedVolume {
            id,
            kind: kind.into(),
            title,
            source: file.to_string(),
            source_bytes,
            from: stats.first_date.clone(),
            to: stats.last_date.clone(),
            documents: stats.documents as u64,
            footnotes: stats.footnotes as u64,
            pages: stats.pages as u64,
            pack: PackFile {
                path: hashed_path("packs", &sha256, "lbk"),
                bytes: encoded.len() as u64,
                sha256,
            },
            ends_early: None,
        },
        record: encoded,
        warnings,
        volume: record.volume,
        documents: record.documents,
    }
}

/// Copy `k` of a record under new ids: the volume `frus1934v05` becomes `frus1934v05c7`,
/// its documents `frus1934v05c7-d127` (a page text's document `…c7` too).
fn copy_of(record: &Record, k: u32) -> Record {
    let mut r = record.clone();
    let old = match &r.volume {
        Some(v) => v.id.clone(),
        None => r.documents[0].volume.clone().unwrap_or_default(),
    };
    let new = format!("{old}c{k}");
    let rename = |id: &mut String| {
        if !old.is_empty() && id.starts_with(&old) {
            id.replace_range(..old.len(), &new);
        } else {
            id.push_str(&format!("c{k}"));
        }
    };
    fn toc(entries: &mut [letterbook_core::model::TocEntry], rename: &dyn Fn(&mut String)) {
        for e in entries {
            if let Some(d) = &mut e.document {
                rename(d);
            }
            toc(&mut e.children, rename);
        }
    }
    if let Some(v) = &mut r.volume {
        v.id = new.clone();
        v.documents.iter_mut().for_each(rename);
        toc(&mut v.toc, &rename);
    }
    for d in &mut r.documents {
        rename(&mut d.id);
        if d.volume.is_some() {
            d.volume = Some(new.clone());
        }
    }
    r
}

/// Copies the built app (a folder) into the site, leaving the collection's own files.
fn copy_dir(from: &Path, to: &Path) -> io::Result<u64> {
    let mut n = 0;
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            n += copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
            n += 1;
        }
    }
    Ok(n)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Packs the sources; false when any was skipped (or the site could not be written).
pub fn run(job: Job) -> bool {
    let started = Instant::now();
    if let Some(app) = &job.app {
        // Copying the app onto itself empties its files; into itself, it never ends.
        let _ = std::fs::create_dir_all(&job.out);
        if let (Ok(a), Ok(o)) = (app.canonicalize(), job.out.canonicalize()) {
            if o.starts_with(&a) || a.starts_with(&o) {
                eprintln!(
                    "error: --out {} and --app {} overlap: pack into a folder of its own",
                    job.out.display(),
                    app.display()
                );
                return false;
            }
        }
        if !app.join("index.html").is_file() {
            eprintln!(
                "error: {}: not a built app (no index.html); build it with trunk build --release",
                app.display()
            );
            return false;
        }
        if let Err(e) = copy_dir(app, &job.out) {
            eprintln!("error: copying the app into {}: {e}", job.out.display());
            return false;
        }
    }
    let bar = io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(job.sources.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} sources {wide_msg}")
                .expect("template"),
        );
        bar
    });
    let results: Vec<Result<Vec<Packed>, String>> = job
        .sources
        .par_iter()
        .map(|p| {
            let r = pack_one(p, job.level, job.copies.max(1));
            if let Some(b) = &bar {
                b.inc(1);
                b.set_message(p.to_string_lossy().to_string());
            }
            r
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut skipped = 0usize;
    let mut packed: Vec<Packed> = Vec::new();
    let results = job
        .sources
        .iter()
        .zip(results)
        .flat_map(|(path, r)| match r {
            Ok(ps) => ps.into_iter().map(|p| (path, Ok(p))).collect(),
            Err(e) => vec![(path, Err(e))],
        });
    for (path, r) in results {
        match r {
            Ok(p) if packed.iter().any(|q| q.entry.id == p.entry.id) => {
                skipped += 1;
                eprintln!(
                    "skipped: {}: {} is already packed from another source",
                    path.display(),
                    p.entry.id
                );
            }
            Ok(p) => {
                for w in &p.warnings {
                    eprintln!("warning: {w}");
                }
                packed.push(p);
            }
            Err(why) => {
                skipped += 1;
                eprintln!("skipped: {why}");
            }
        }
    }
    let ok = skipped == 0;
    if packed.is_empty() {
        eprintln!("error: nothing to pack");
        return false;
    }
    let mut bytes_out = 0u64;
    for p in &packed {
        match write(&job.out.join(&p.entry.pack.path), &p.record) {
            Ok(()) => bytes_out += p.record.len() as u64,
            Err(e) => {
                eprintln!("error: {e}");
                return false;
            }
        }
    }
    let docs: Vec<&Document> = packed.iter().flat_map(|p| p.documents.iter()).collect();
    let vols: Vec<&Volume> = packed.iter().filter_map(|p| p.volume.as_ref()).collect();
    let corr = Correspondence::build(&docs, &vols);
    let summary = pack::encode_summary(&corr, Codec::Zstd(job.level));
    let sha256 = sha256_hex(&summary);
    let summary_file = PackFile {
        path: hashed_path("summary", &sha256, "lbs"),
        bytes: summary.len() as u64,
        sha256,
    };
    if let Err(e) = write(&job.out.join(&summary_file.path), &summary) {
        eprintln!("error: {e}");
        return false;
    }
    bytes_out += summary.len() as u64;
    // The search index over every document: its parts, then its table of contents.
    let segments: Vec<&Segment> = packed.iter().map(|p| &p.segment).collect();
    let merging = Instant::now();
    let index = build_site(&corr, &segments, &docs, Codec::Zstd(job.level));
    let index_bytes: usize =
        index.parts.iter().map(|(_, b)| b.len()).sum::<usize>() + index.meta.len();
    eprintln!(
        "search index: {} files, {} (its volumes' segments merged in {:.1} s)",
        index.parts.len() + 1,
        presentation::bytes(index_bytes as u64),
        merging.elapsed().as_secs_f64()
    );
    for (path, bytes) in &index.parts {
        if let Err(e) = write(&job.out.join(path), bytes) {
            eprintln!("error: {e}");
            return false;
        }
        bytes_out += bytes.len() as u64;
    }
    let sha256 = sha256_hex(&index.meta);
    let search_file = PackFile {
        path: hashed_path("search", &sha256, "lbx"),
        bytes: index.meta.len() as u64,
        sha256,
    };
    if let Err(e) = write(&job.out.join(&search_file.path), &index.meta) {
        eprintln!("error: {e}");
        return false;
    }
    bytes_out += index.meta.len() as u64;
    if let Some((file, config)) = &job.kiosk {
        let ids: std::collections::HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        if let Err(e) = crate::kiosk::check_featured(file, config, |id| ids.contains(id)) {
            eprintln!("error: {e}");
            return false;
        }
    }
    let manifest = Manifest {
        format: MANIFEST_FORMAT,
        record_format: pack::FORMAT,
        title: job
            .title
            .clone()
            .unwrap_or_else(|| "Foreign Relations of the United States".into()),
        generator: format!("letterbook {}", env!("CARGO_PKG_VERSION")),
        documents: docs.len() as u64,
        volumes: packed.iter().map(|p| p.entry.clone()).collect(),
        summary: summary_file,
        search: Some(search_file),
        kiosk: job.kiosk.as_ref().map(|(_, c)| c.clone()),
    };
    let json = manifest.to_json();
    // Written whole, then renamed into place: a site served while it is packed never
    // shows a half-written manifest.
    let part = job.out.join("collection.json.part");
    if let Err(e) = write(&part, json.as_bytes()).and_then(|()| {
        std::fs::rename(&part, job.out.join("collection.json")).map_err(|e| e.to_string())
    }) {
        eprintln!("error: {e}");
        return false;
    }
    bytes_out += json.len() as u64;
    if let Err(e) = crate::site_page::precompress(&job.out.join("collection.json"), json.as_bytes())
    {
        eprintln!("error: {e}");
        return false;
    }
    match crate::site_page::mark(&job.out) {
        Ok(true) => {}
        Ok(false) => eprintln!(
            "note: {} holds no app: with the app copied in, pack again so its page asks for the collection",
            job.out.display()
        ),
        Err(e) => {
            eprintln!("error: {e}");
            return false;
        }
    }
    let bytes_in: u64 = packed.iter().map(|p| p.entry.source_bytes).sum();
    let volumes = packed.iter().filter(|p| p.volume.is_some()).count();
    eprintln!(
        "packed {} and {} ({}) into {}: {} in, {} out, in {:.1} s{}",
        presentation::count(volumes as u64, "volume"),
        presentation::count((packed.len() - volumes) as u64, "page text"),
        presentation::count(docs.len() as u64, "document"),
        job.out.display(),
        presentation::bytes(bytes_in),
        presentation::bytes(bytes_out),
        started.elapsed().as_secs_f64(),
        if skipped > 0 {
            format!(
                "; {} skipped",
                presentation::count(skipped as u64, "source")
            )
        } else {
            String::new()
        }
    );
    ok
}
