//! The site's page: the app's `index.html` in a packed folder gets the mark that tells the
//! app a collection is served beside it (a plain build asks for none), and the page's
//! precompressed copies are written again so that a host never sends a stale one; the
//! site's manifest gets precompressed copies of its own.

use std::io::Write;
use std::path::Path;

/// What the app looks for (`SITE_MARK` in the app's `site.rs`).
pub const MARK: &str = r#"<meta name="letterbook-collection" content="collection.json" />"#;

/// Marks `out/index.html` when there is one; Ok(false) when there is none (packs without
/// the app: whoever copies the app in later packs again, or adds the mark).
pub fn mark(out: &Path) -> Result<bool, String> {
    let path = out.join("index.html");
    let Ok(page) = std::fs::read_to_string(&path) else {
        return Ok(false);
    };
    if page.contains(MARK) {
        return Ok(true);
    }
    let Some(at) = page
        .find("<meta charset")
        .and_then(|i| page[i..].find('>').map(|j| i + j + 1))
    else {
        return Err(format!(
            "{}: no <meta charset>: not the app's page",
            path.display()
        ));
    };
    let marked = format!("{}\n    {MARK}{}", &page[..at], &page[at..]);
    let bytes = marked.as_bytes();
    std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    // Only the copies the app came with: a page served without them stays so.
    for ext in ["br", "gz"] {
        let copy = out.join(format!("index.html.{ext}"));
        if copy.exists() {
            write_copy(&copy, bytes, ext)?;
        }
    }
    Ok(true)
}

/// Writes `path.br` and `path.gz` beside a file of the site that a host would otherwise
/// send uncompressed (collection.json: a line per volume, a third of a megabyte for a
/// whole series).
pub fn precompress(path: &Path, bytes: &[u8]) -> Result<(), String> {
    for ext in ["br", "gz"] {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{ext}"));
        write_copy(Path::new(&name), bytes, ext)?;
    }
    Ok(())
}

fn write_copy(copy: &Path, bytes: &[u8], ext: &str) -> Result<(), String> {
    let packed = if ext == "br" {
        let mut packed = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut packed, 4096, 11, 22);
            w.write_all(bytes).map_err(|e| e.to_string())?;
        }
        packed
    } else {
        let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        w.write_all(bytes).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?
    };
    std::fs::write(copy, packed).map_err(|e| format!("{}: {e}", copy.display()))
}
