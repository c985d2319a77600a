//! `letterbook pack --kiosk kiosk.toml`: a curator's kiosk settings, read and checked,
//! become the site's `kiosk` in collection.json (the PIN hashed).

use std::path::Path;

use letterbook_core::kiosk::{KioskConfig, KioskError};
use serde::Deserialize;

/// The file as a curator writes it (docs/kiosk.md).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KioskToml {
    /// Four digits, quoted ("0427"): a number would lose a leading zero.
    pin: String,
    #[serde(default)]
    featured: Vec<String>,
    idle_browse_secs: Option<u32>,
    idle_reading_secs: Option<u32>,
    countdown_secs: Option<u32>,
    staff_lock_secs: Option<u32>,
    attract_secs: Option<u32>,
}

/// Reads and checks `path`; every error names the file (and the line, for syntax).
pub fn read(path: &Path) -> Result<KioskConfig, String> {
    let at = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{at}: {e}"))?;
    let raw: KioskToml = toml::from_str(&text).map_err(|e| format!("{at}: {e}"))?;
    let mut config = KioskConfig::new(&raw.pin, raw.featured).map_err(|e| format!("{at}: {e}"))?;
    let d = KioskConfig::default();
    config.idle_browse_secs = raw.idle_browse_secs.unwrap_or(d.idle_browse_secs);
    config.idle_reading_secs = raw.idle_reading_secs.unwrap_or(d.idle_reading_secs);
    config.countdown_secs = raw.countdown_secs.unwrap_or(d.countdown_secs);
    config.staff_lock_secs = raw.staff_lock_secs.unwrap_or(d.staff_lock_secs);
    config.attract_secs = raw.attract_secs.unwrap_or(d.attract_secs);
    config
        .check()
        .map_err(|KioskError(e)| format!("{at}: {e}"))?;
    Ok(config)
}

/// Featured documents the site does not hold are an error: the attract screen would skip
/// them without a word.
pub fn check_featured(
    path: &Path,
    config: &KioskConfig,
    has: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let missing: Vec<&str> = config
        .featured
        .iter()
        .map(String::as_str)
        .filter(|id| !has(id))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: featured documents not in the collection: {}",
            path.display(),
            missing.join(", ")
        ))
    }
}
