//! `letterbook`: parse and check FRUS documents from the command line.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod kiosk;
mod pack;
mod search;
mod site_page;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use letterbook_core::correspondence::Correspondence;
use letterbook_core::register::{self, tenure_check};
use letterbook_core::{
    dates, heading, presentation, Collection, Document, Format, OpenVolume, ParseError, Parsed,
    Severity, TocEntry, VolumeParse, VolumeStats,
};

#[derive(Parser)]
#[command(
    name = "letterbook",
    version,
    about = "Parse and check FRUS documents (TEI volumes and history.state.gov page texts)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents and print the model: JSON Lines with --json, else the page text.
    Parse {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per document (the model's schema), one per line.
        #[arg(long)]
        json: bool,
    },
    /// Summarise each file (per volume for TEI: documents, footnotes, pages, dates,
    /// diagnostics by kind); exit non-zero if any file has errors.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// List every diagnostic, not only their counts by kind.
        #[arg(long, short)]
        verbose: bool,
        /// Hold each date against the register of office-holders: a POCOM folder or the
        /// table `letterbook register` writes.
        #[arg(long, value_name = "POCOM_DIR_OR_TABLE")]
        register: Option<PathBuf>,
    },
    /// Read the register of office-holders (a POCOM folder: people, principal positions,
    /// missions) and print it as the compact table the app loads.
    Register { pocom: PathBuf },
    /// Pack TEI volumes and page texts into a folder any static host serves:
    /// collection.json, one pack per volume named by its content hash, the collection's
    /// summary, and with --app the built app beside them. Bad sources are reported and
    /// skipped (the exit code says so).
    Pack {
        /// The site's folder (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The collection's title in the library.
        #[arg(long)]
        title: Option<String>,
        /// A built app (trunk build --release: dist/) to copy in, making DIR a whole site.
        #[arg(long, value_name = "DIST")]
        app: Option<PathBuf>,
        /// zstd level of the packs and the summary: 19 is small and slow to write (about
        /// 0.4 s per MB of model on one core), 3 quick and about a quarter larger.
        #[arg(long, default_value_t = 19, value_parser = clap::value_parser!(i32).range(1..=22))]
        level: i32,
        /// Pack each source N times under new ids: a synthetic collection the size of the
        /// whole series, for measuring.
        #[arg(long, default_value_t = 1, hide = true)]
        copies: u32,
        /// Make the site a museum kiosk: its settings (the staff PIN, the featured
        /// documents, the timeouts; see docs/kiosk.md).
        #[arg(long, value_name = "KIOSK.TOML")]
        kiosk: Option<PathBuf>,
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<PathBuf>,
    },
    /// Search TEI volumes, page texts or a pack site (a folder with collection.json) as
    /// the app does: words, "phrases", -exclusions, OR, prefix*, in:notes, from:hull,
    /// kind:telegram, vol:frus1934v05, 1934-01..1934-06. One line per query with --json:
    /// {"query", "total", "hits": [{"id", "score", "snippet", …}], "micros"}.
    Search {
        /// One JSON object per query, one per line.
        #[arg(long)]
        json: bool,
        /// How many hits to print per query (every match is counted).
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// relevance, date (oldest first) or date-desc.
        #[arg(long, default_value = "relevance")]
        sort: String,
        /// The query.
        #[arg(
            long,
            short,
            required_unless_present = "queries",
            conflicts_with = "queries"
        )]
        query: Option<String>,
        /// A file of queries, one per line.
        #[arg(long, value_name = "FILE")]
        queries: Option<PathBuf>,
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<PathBuf>,
    },
    /// Print the table of contents of TEI volumes.
    Toc {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// The register from a POCOM folder, or from a table file.
fn load_register(path: &Path) -> Result<register::Register, ParseError> {
    if path.is_dir() {
        return register::pocom::read_dir(path);
    }
    let name = path.to_string_lossy();
    let bytes = std::fs::read(path).map_err(|e| ParseError::io(&name, &e))?;
    register::table::read_bytes(&name, &bytes)
}

/// Parses a file through the core's one door, with a progress bar over its bytes when
/// stderr is a terminal.
fn read_any(path: &Path, progress: bool) -> Result<Parsed, ParseError> {
    let name = path.to_string_lossy();
    let bytes = std::fs::read(path).map_err(|e| ParseError::io(&name, &e))?;
    let opened = letterbook_core::open(&name, &bytes)?;
    let bar =
        (progress && opened.format() == Format::Tei && io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(opened.len() as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {wide_msg}")
                    .expect("template"),
            );
            bar.set_message(name.to_string());
            bar
        });
    let parsed = Parsed::read(opened, |at| {
        if let Some(b) = &bar {
            b.set_position(at as u64);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    parsed
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    match cli.command {
        Command::Parse { files, json } => {
            // Links among the documents given together need all of them first.
            let mut all: Vec<Document> = Vec::new();
            let mut volumes = Vec::new();
            for path in &files {
                match read_any(path, false) {
                    Ok(Parsed::Text(doc)) => all.push(doc),
                    Ok(Parsed::Volume(v)) => {
                        for e in &v.errors {
                            eprintln!("error: {e}");
                            failed = true;
                        }
                        all.extend(v.documents);
                        volumes.push(v.volume);
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    }
                }
            }
            let model = {
                let docs: Vec<&Document> = all.iter().collect();
                let vols: Vec<_> = volumes.iter().collect();
                Correspondence::build(&docs, &vols)
            };
            for (i, mut doc) in all.into_iter().enumerate() {
                doc.links = model.model_links(i as u32);
                if json {
                    let line = serde_json::to_string(&doc).expect("the model serialises");
                    let _ = writeln!(out, "{line}");
                } else {
                    let _ = writeln!(out, "{}\n", letterbook_core::render::to_page_text(&doc));
                }
            }
        }
        Command::Toc { files } => {
            for path in &files {
                match read_any(path, true) {
                    Ok(Parsed::Volume(v)) => {
                        let _ = writeln!(out, "{} — {}", v.volume.id, v.volume.title);
                        for e in &v.errors {
                            eprintln!("error: {e}");
                            failed = true;
                        }
                        let toc = v.volume.toc.clone();
                        let mut coll = Collection::new();
                        let open =
                            OpenVolume::new(v.volume, &v.documents, String::new(), Vec::new());
                        coll.add_volume(open, v.documents);
                        for e in &toc {
                            print_toc(&mut out, e, 1, &coll);
                        }
                    }
                    Ok(Parsed::Text(_)) => {
                        eprintln!("error: {}: not a TEI volume", path.display());
                        failed = true;
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    }
                }
            }
        }
        Command::Pack {
            out: dir,
            title,
            app,
            level,
            copies,
            kiosk: kiosk_file,
            sources,
        } => {
            let kiosk = match kiosk_file.as_deref().map(kiosk::read).transpose() {
                Ok(k) => k.map(|config| (kiosk_file.clone().unwrap_or_default(), config)),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            failed = !pack::run(pack::Job {
                out: dir,
                title,
                app,
                level,
                copies,
                kiosk,
                sources,
            });
        }
        Command::Search {
            json,
            limit,
            sort,
            query,
            queries,
            sources,
        } => {
            let queries = match (query, queries) {
                (Some(q), _) => vec![q],
                (None, Some(file)) => match std::fs::read_to_string(&file) {
                    Ok(text) => text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_string)
                        .collect(),
                    Err(e) => {
                        eprintln!("error: {}: {e}", file.display());
                        return ExitCode::FAILURE;
                    }
                },
                (None, None) => Vec::new(),
            };
            failed = !search::run(
                search::Job {
                    json,
                    limit,
                    sort: letterbook_search::Sort::named(&sort),
                    queries,
                    sources,
                },
                &mut out,
            );
        }
        Command::Register { pocom } => match register::pocom::read_dir(&pocom) {
            Ok(r) => {
                let _ = out.write_all(register::table::write(&r).as_bytes());
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        },
        Command::Check {
            files,
            verbose,
            register,
        } => {
            let register = match register.as_deref().map(load_register).transpose() {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let bar = (files.len() > 20 && io::stderr().is_terminal()).then(|| {
                let bar = ProgressBar::new(files.len() as u64);
                bar.set_style(
                    ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                        .expect("template"),
                );
                bar
            });
            let (mut docs, mut warnings) = (0usize, 0usize);
            for path in &files {
                if let Some(b) = &bar {
                    b.set_message(path.to_string_lossy().to_string());
                }
                let mut parsed = read_any(path, bar.is_none());
                if let Some(r) = &register {
                    match &mut parsed {
                        Ok(Parsed::Volume(v)) => v
                            .documents
                            .iter_mut()
                            .for_each(|d| tenure_check::flag(d, r)),
                        Ok(Parsed::Text(d)) => tenure_check::flag(d, r),
                        Err(_) => {}
                    }
                }
                match parsed {
                    Ok(Parsed::Volume(v)) => {
                        docs += v.documents.len();
                        warnings += v
                            .documents
                            .iter()
                            .map(|d| d.diagnostics.len())
                            .sum::<usize>();
                        failed |= !v.errors.is_empty();
                        let _ = writeln!(
                            out,
                            "{}",
                            volume_summary(&path.to_string_lossy(), &v, verbose)
                        );
                    }
                    Ok(Parsed::Text(doc)) => {
                        docs += 1;
                        warnings += doc
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity == Severity::Warning)
                            .count();
                        failed |= doc
                            .diagnostics
                            .iter()
                            .any(|d| d.severity == Severity::Error);
                        let _ = writeln!(out, "{}", summary(&path.to_string_lossy(), &doc));
                    }
                    Err(e) => {
                        failed = true;
                        let _ = writeln!(out, "error: {e}");
                    }
                }
                if let Some(b) = &bar {
                    b.inc(1);
                }
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            let _ = writeln!(
                out,
                "{} parsed from {}, {}{}",
                presentation::count(docs as u64, "document"),
                presentation::count(files.len() as u64, "file"),
                presentation::count(warnings as u64, "warning"),
                if failed { ", errors" } else { "" }
            );
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn summary(file: &str, d: &Document) -> String {
    let parties = |ps: &[letterbook_core::Party]| {
        if ps.is_empty() {
            "?".to_string()
        } else {
            ps.iter().map(heading::short).collect::<Vec<_>>().join(", ")
        }
    };
    let placed = d.markers_placed().into_iter().filter(|&p| p).count();
    let date = d.date.as_ref().map_or("undated".to_string(), |dt| {
        match presentation::date_event(dt.event) {
            None => format!(
                "{} ({})",
                dates::display(&dt.iso),
                presentation::date_source(dt.source)
            ),
            Some(_) => presentation::date_phrase(&dates::display(&dt.iso), dt.source, dt.event),
        }
    });
    let pages = match (d.pages.first(), d.pages.last()) {
        (Some(a), Some(b)) if a != b => format!("pages {a}–{b}"),
        (Some(a), _) => format!("page {a}"),
        _ => "no page breaks".to_string(),
    };
    let mut s = format!(
        "{file}: {} {}: {} → {}; {date}; {} ({placed} placed); {pages}; {}",
        d.id,
        d.kind.as_str(),
        parties(&d.from),
        parties(&d.to),
        presentation::count(d.footnotes.len() as u64, "footnote"),
        presentation::count(d.refs.len() as u64, "ref")
    );
    for g in &d.diagnostics {
        let at = match (g.line, g.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: "),
            (Some(l), None) => format!("{file}:{l}: "),
            _ => format!("{file}: "),
        };
        let sev = match g.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        s.push_str(&format!("\n  {sev}: {at}{}", g.message));
    }
    s
}

fn print_toc(out: &mut impl Write, e: &TocEntry, depth: usize, docs: &Collection) {
    let pad = "  ".repeat(depth);
    match e.document.as_deref().and_then(|id| docs.get(id)) {
        Some(d) => {
            let date = d
                .date
                .as_ref()
                .map_or("undated".to_string(), |dt| dt.iso.clone());
            let n = d.n.as_deref().unwrap_or("–");
            let _ = writeln!(out, "{pad}{n}. {} ({date})", d.title);
        }
        None => {
            let _ = writeln!(
                out,
                "{pad}{}",
                if e.title.is_empty() {
                    "[Untitled section]"
                } else {
                    &e.title
                }
            );
        }
    }
    for c in &e.children {
        print_toc(out, c, depth + 1, docs);
    }
}

fn volume_summary(file: &str, v: &VolumeParse, verbose: bool) -> String {
    let docs = &v.documents;
    let st = VolumeStats::of(&mut docs.iter());
    let mut s = format!(
        "{file}: {} — {}\n  {}, {}, {}, {} dated, {} undated, {}, {}",
        v.volume.id,
        v.volume.title,
        presentation::count(st.documents as u64, "document"),
        presentation::count(st.footnotes as u64, "footnote"),
        presentation::count(st.pages as u64, "page break"),
        presentation::thousands(st.dated as u64),
        presentation::thousands(st.undated() as u64),
        presentation::count(v.volume.persons.len() as u64, "person"),
        presentation::count(v.volume.terms.len() as u64, "term"),
    );
    // By code, each with its first message as an example.
    let mut kinds: std::collections::BTreeMap<&str, (usize, &str)> = Default::default();
    for d in docs {
        for g in &d.diagnostics {
            kinds.entry(g.code.as_str()).or_insert((0, &g.message)).0 += 1;
        }
    }
    for (code, (n, first)) in &kinds {
        s.push_str(&format!("\n  {n:>5} × {code} (first: {first})"));
    }
    if verbose {
        for d in docs {
            for g in &d.diagnostics {
                let at = match (g.line, g.column) {
                    (Some(l), Some(c)) => format!("{file}:{l}:{c}: "),
                    _ => format!("{file}: "),
                };
                s.push_str(&format!(
                    "\n  warning: {at}{} [{}] ({})",
                    g.message, g.code, d.id
                ));
            }
        }
    }
    for e in &v.errors {
        s.push_str(&format!("\n  error: {e}"));
    }
    s
}
