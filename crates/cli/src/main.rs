//! `letterbook`: parse and check FRUS documents from the command line.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use letterbook_core::{dates, heading, parse_text, Document, ParseError, Severity};

#[derive(Parser)]
#[command(
    name = "letterbook",
    version,
    about = "Parse and check FRUS documents (history.state.gov page texts)"
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
    /// Summarise each document with its diagnostics; exit non-zero if any file has errors.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn read(path: &PathBuf) -> Result<Document, ParseError> {
    let name = path.to_string_lossy();
    let bytes =
        std::fs::read(path).map_err(|e| ParseError::new(&name, format!("cannot read: {e}")))?;
    parse_text(&name, &bytes)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    match cli.command {
        Command::Parse { files, json } => {
            for path in &files {
                match read(path) {
                    Ok(doc) if json => {
                        let line = serde_json::to_string(&doc).expect("the model serialises");
                        let _ = writeln!(out, "{line}");
                    }
                    Ok(doc) => {
                        let _ = writeln!(out, "{}\n", letterbook_core::render::to_page_text(&doc));
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    }
                }
            }
        }
        Command::Check { files } => {
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
                match read(path) {
                    Ok(doc) => {
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
                "{docs} of {} documents parsed, {warnings} warnings{}",
                files.len(),
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
        format!("{} ({})", dates::display(&dt.iso), dt.source.describe())
    });
    let pages = match (d.pages.first(), d.pages.last()) {
        (Some(a), Some(b)) if a != b => format!("pages {a}–{b}"),
        (Some(a), _) => format!("page {a}"),
        _ => "no page breaks".to_string(),
    };
    let mut s = format!(
        "{file}: {} {}: {} → {}; {date}; {} footnotes ({placed} placed); {pages}; {} refs",
        d.id,
        d.kind.as_str(),
        parties(&d.from),
        parties(&d.to),
        d.footnotes.len(),
        d.refs.len()
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
