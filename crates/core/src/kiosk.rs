//! Kiosk mode's rules, apart from any screen: its settings (what a site's
//! `letterbook pack --kiosk kiosk.toml` writes into collection.json, or the try-out's
//! defaults), the staff PIN's check, and the idle clock (browse → "Are you still
//! reading?" → attract) as plain arithmetic on milliseconds, so it is tested without a
//! browser and the app only feeds it the time and the visitor's input.

use serde::{Deserialize, Serialize};

use crate::model::{Document, Party};

/// A kiosk's settings. The PIN is kept as a salted SHA-256, not as its digits: the file
/// is public on the site (four digits only keep visitors out, not a determined person).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskConfig {
    /// `sha256("letterbook-kiosk:" + pin)` in hex.
    pub pin_sha256: String,
    /// Documents the attract screen cycles through (`frus1934v05-d127`), in order.
    pub featured: Vec<String>,
    /// Seconds without input on a browsing screen before the question.
    pub idle_browse_secs: u32,
    /// Seconds without input with a letter open.
    pub idle_reading_secs: u32,
    /// Seconds the question waits for a tap before everything is reset.
    pub countdown_secs: u32,
    /// Seconds the staff panel stays open without input.
    pub staff_lock_secs: u32,
    /// Seconds each featured letter stays on the attract screen.
    pub attract_secs: u32,
}

/// The try-out's PIN (`?kiosk`); a site sets its own.
pub const TRY_OUT_PIN: &str = "0000";

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            pin_sha256: pin_hash(TRY_OUT_PIN),
            featured: Vec::new(),
            idle_browse_secs: 60,
            idle_reading_secs: 120,
            countdown_secs: 20,
            staff_lock_secs: 120,
            attract_secs: 8,
        }
    }
}

/// The PIN's stored form.
pub fn pin_hash(pin: &str) -> String {
    crate::digest::sha256_hex(format!("letterbook-kiosk:{pin}").as_bytes())
}

/// What is wrong with a kiosk's settings, said for the person who wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskError(pub String);

impl std::fmt::Display for KioskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KioskError {}

impl KioskConfig {
    /// Settings from their parts as a curator writes them (the PIN in digits).
    pub fn new(pin: &str, featured: Vec<String>) -> Result<KioskConfig, KioskError> {
        if pin.len() != 4 || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KioskError(format!(
                "pin: {pin:?} is not four digits (the staff keypad has digits only)"
            )));
        }
        Ok(KioskConfig {
            pin_sha256: pin_hash(pin),
            featured,
            ..KioskConfig::default()
        })
    }

    /// Whether `pin` is the staff PIN.
    pub fn pin_matches(&self, pin: &str) -> bool {
        pin_hash(pin) == self.pin_sha256
    }

    /// Timeouts that make a kiosk unusable are refused with what to write instead.
    pub fn check(&self) -> Result<(), KioskError> {
        let at_least = |name: &str, v: u32, min: u32| {
            if v < min {
                Err(KioskError(format!(
                    "{name}: {v} s is too short (at least {min} s)"
                )))
            } else {
                Ok(())
            }
        };
        at_least("idle_browse_secs", self.idle_browse_secs, 10)?;
        at_least("idle_reading_secs", self.idle_reading_secs, 10)?;
        // WCAG 2.2.1: at least 20 seconds to say "continue".
        at_least("countdown_secs", self.countdown_secs, 20)?;
        at_least("staff_lock_secs", self.staff_lock_secs, 30)?;
        at_least("attract_secs", self.attract_secs, 3)?;
        if self.pin_sha256.len() != 64 || !self.pin_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(KioskError("pin_sha256: not a SHA-256 in hex".into()));
        }
        Ok(())
    }
}

/// Where a visitor is in the idle cycle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// The attract screen: no timer runs.
    Attract,
    /// A visitor is using it.
    Active,
    /// "Are you still reading?".
    Asking {
        /// Whole seconds left before the reset.
        left_secs: u32,
    },
    /// The countdown ran out: reset everything and show the attract screen.
    Reset,
}

/// The idle clock: fed the time (ms) of every input and of every tick.
#[derive(Debug, Clone, PartialEq)]
pub struct IdleClock {
    config: KioskConfig,
    last_input: Option<f64>,
}

impl IdleClock {
    /// A clock at the attract screen.
    pub fn new(config: KioskConfig) -> IdleClock {
        IdleClock {
            config,
            last_input: None,
        }
    }

    /// A visitor touched the attract screen or anything else: the clock starts again.
    /// Input while the question shows answers it ("continue").
    pub fn input(&mut self, now_ms: f64) {
        self.last_input = Some(now_ms);
    }

    /// Back to the attract screen (after a reset, or by staff).
    pub fn attract(&mut self) {
        self.last_input = None;
    }

    /// The phase at `now_ms`; `reading` when a letter is open (the longer timeout).
    pub fn phase(&self, now_ms: f64, reading: bool) -> Phase {
        let Some(last) = self.last_input else {
            return Phase::Attract;
        };
        let idle = if reading {
            self.config.idle_reading_secs
        } else {
            self.config.idle_browse_secs
        } as f64
            * 1000.0;
        let elapsed = (now_ms - last).max(0.0);
        if elapsed < idle {
            return Phase::Active;
        }
        let countdown = self.config.countdown_secs as f64 * 1000.0;
        let into = elapsed - idle;
        if into >= countdown {
            Phase::Reset
        } else {
            Phase::Asking {
                left_secs: ((countdown - into) / 1000.0).ceil() as u32,
            }
        }
    }
}

/// A letter as the attract screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeaturedCard {
    /// The document's id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// "July 21, 1981".
    pub date: Option<String>,
    /// "Gromyko → Haig".
    pub route: Option<String>,
    /// The letter's first words, cut at a word, about a line of large type.
    pub line: String,
}

/// How much of a letter's text the attract screen shows.
const LINE_CHARS: usize = 160;

fn names(parties: &[Party]) -> String {
    parties
        .iter()
        .map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The card of `doc`.
pub fn card(doc: &Document) -> FeaturedCard {
    let (text, _) = crate::render::flat_text(doc);
    // The heading is the card's title; the line is what follows it.
    let body = text
        .strip_prefix(doc.title.as_str())
        .unwrap_or(&text)
        .trim_start();
    let body: String = body
        .split_whitespace()
        .filter(|w| !w.starts_with("[Page"))
        .collect::<Vec<_>>()
        .join(" ");
    let line = if body.chars().count() <= LINE_CHARS {
        body
    } else {
        let cut: String = body.chars().take(LINE_CHARS).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
    };
    let (from, to) = (names(&doc.from), names(&doc.to));
    FeaturedCard {
        id: doc.id.clone(),
        title: doc.title.clone(),
        date: doc.date.as_ref().map(|d| crate::dates::display(&d.iso)),
        route: (!from.is_empty() || !to.is_empty()).then(|| format!("{from} → {to}")),
        line,
    }
}

/// The attract screen's letters: the featured ones that are open, in their order; with
/// none featured (a try-out), up to six dated letters of what is open.
pub fn featured<'a>(
    config: &KioskConfig,
    get: impl Fn(&str) -> Option<&'a Document>,
    open: impl Iterator<Item = &'a Document>,
) -> Vec<FeaturedCard> {
    if !config.featured.is_empty() {
        return config
            .featured
            .iter()
            .filter_map(|id| get(id))
            .map(card)
            .collect();
    }
    open.filter(|d| d.date.is_some() && (!d.from.is_empty() || !d.to.is_empty()))
        .take(6)
        .map(card)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_is_four_digits_and_kept_hashed() {
        let c = KioskConfig::new("2718", vec!["frus1934v05-d127".into()]).unwrap();
        assert!(c.pin_matches("2718"));
        assert!(!c.pin_matches("2719"));
        assert!(!c.pin_sha256.contains("2718"));
        assert!(KioskConfig::new("12345", vec![]).is_err());
        assert!(KioskConfig::new("12a4", vec![]).is_err());
        assert!(KioskConfig::default().pin_matches(TRY_OUT_PIN));
        c.check().unwrap();
    }

    #[test]
    fn too_short_timeouts_are_refused() {
        let c = KioskConfig {
            countdown_secs: 5,
            ..KioskConfig::default()
        };
        assert!(c.check().unwrap_err().0.contains("countdown_secs"));
        let c = KioskConfig {
            pin_sha256: "x".into(),
            ..KioskConfig::default()
        };
        assert!(c.check().is_err());
    }

    #[test]
    fn the_idle_cycle() {
        let mut clock = IdleClock::new(KioskConfig::default());
        // No timer at the attract screen, however long.
        assert_eq!(clock.phase(1e9, false), Phase::Attract);
        clock.input(0.0);
        assert_eq!(clock.phase(59_999.0, false), Phase::Active);
        assert_eq!(
            clock.phase(60_000.0, false),
            Phase::Asking { left_secs: 20 }
        );
        assert_eq!(
            clock.phase(60_001.0, false),
            Phase::Asking { left_secs: 20 }
        );
        assert_eq!(clock.phase(79_000.0, false), Phase::Asking { left_secs: 1 });
        assert_eq!(clock.phase(80_000.0, false), Phase::Reset);
        // A letter open: two minutes.
        assert_eq!(clock.phase(60_000.0, true), Phase::Active);
        assert_eq!(
            clock.phase(125_000.0, true),
            Phase::Asking { left_secs: 15 }
        );
        // A tap continues.
        clock.input(70_000.0);
        assert_eq!(clock.phase(70_000.0, false), Phase::Active);
        clock.attract();
        assert_eq!(clock.phase(70_000.0, false), Phase::Attract);
    }

    #[test]
    fn the_seed_letter_as_a_card() {
        let seed = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../samples/frus1981-88v03-d74.txt"),
        )
        .expect("the built-in sample");
        let doc = crate::parse_text("frus1981-88v03-d74.txt", &seed).unwrap();
        let c = card(&doc);
        assert_eq!(c.id, "frus1981-88v03-d74");
        assert_eq!(c.route.as_deref(), Some("Gromyko → Haig"));
        assert_eq!(c.date.as_deref(), Some("July 21, 1981"));
        assert!(c.line.starts_with("Dear Mr. Secretary"), "{}", c.line);
        assert!(
            c.line.chars().count() <= LINE_CHARS + 1 && c.line.ends_with('…'),
            "{}",
            c.line
        );
        let mut config = KioskConfig::default();
        assert_eq!(featured(&config, |_| None, [&doc].into_iter()).len(), 1);
        config.featured = vec!["frus1981-88v03-d74".into(), "frus1861-d1".into()];
        let got = featured(
            &config,
            |id| (id == doc.id).then_some(&doc),
            std::iter::empty(),
        );
        assert_eq!(got, vec![c]);
    }

    #[test]
    fn settings_read_with_defaults_for_what_is_missing() {
        let c: KioskConfig = serde_json::from_str(r#"{"featured":["frus1861-d1"]}"#).unwrap();
        assert_eq!(c.featured, vec!["frus1861-d1".to_string()]);
        assert_eq!(c.idle_browse_secs, 60);
        assert!(c.pin_matches(TRY_OUT_PIN));
    }
}
