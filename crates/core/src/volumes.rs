//! FRUS volume ids (`frus1981-88v03`, `frus1919Parisv01`, `frus1917Supp02v02`) and what a
//! cross-reference target (`d73`, `pg_9`, `frus1933v05#pg_151`) points at.

use crate::doc_id::DocId;

/// "1981–88, Volume III" for `frus1981-88v03`; "1919, The Paris Peace Conference, Volume I".
pub fn volume_label(id: &str) -> String {
    let Some(rest) = id.strip_prefix("frus") else {
        return id.to_string();
    };
    let years: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let mut tail = &rest[years.len()..];
    let mut parts = vec![years.replace('-', "–")];
    // A subseries ("Paris", "Supp02", "Russia", "Nicaragua") starts with a capital.
    if tail.starts_with(|c: char| c.is_ascii_uppercase()) {
        let sub: String = tail
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() && *c != 'v')
            .collect();
        tail = &tail[sub.len()..];
        let digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        tail = &tail[digits.len()..];
        parts.push(match (sub.as_str(), digits.parse::<u32>().ok()) {
            ("Supp", Some(n)) => format!("Supplement {n}"),
            ("Paris", _) => "The Paris Peace Conference".to_string(),
            (s, Some(n)) => format!("{s} {n}"),
            (s, None) => s.to_string(),
        });
    }
    if let Some(p) = tail.strip_prefix('p') {
        let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() {
            parts.push(format!("Part {digits}"));
            tail = &p[digits.len()..];
        }
    }
    // A volume number as FRUS has them (never above a few dozen); a link's absurd one
    // ("v4000000000") is said in digits, not in four million letters.
    match tail.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) {
        Some(v) if (1..4000).contains(&v) => parts.push(format!("Volume {}", roman(v))),
        Some(v) => parts.push(format!("Volume {v}")),
        None => {}
    }
    parts.join(", ")
}

pub(crate) fn roman(mut n: u32) -> String {
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Where a reference target points, relative to the document that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A document (`frus1981-88v03-d73`), perhaps at a page.
    Document {
        /// The document's id (`frus1981-88v03-d73`; `d73` when no volume is known).
        id: String,
        /// Its volume, as the target or the citing document names it.
        volume: Option<String>,
        /// The printed page to show in it, if any.
        page: Option<String>,
    },
    /// A printed page of a volume, in whichever document holds it.
    Page {
        /// The volume id; `None` when neither the target nor the document names one.
        volume: Option<String>,
        /// The printed page ("151").
        page: String,
    },
    /// A whole volume.
    Volume(String),
    /// An http(s) address.
    Url(String),
    /// Nothing we can follow (a malformed or unsafe target).
    Unknown,
}

/// Where the Office of the Historian publishes a volume, or one of its documents
/// (`d74`): `https://history.state.gov/historicaldocuments/frus1981-88v03/d74`. `None`
/// for an id that is not a FRUS volume's (the address is built, so it is checked).
pub fn online(volume: &str, document: Option<&str>) -> Option<String> {
    let safe = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if !volume.starts_with("frus") || !safe(volume) || document.is_some_and(|d| !safe(d)) {
        return None;
    }
    let base = format!("https://history.state.gov/historicaldocuments/{volume}");
    Some(match document {
        Some(d) => format!("{base}/{d}"),
        None => base,
    })
}

/// A document's page on history.state.gov, when its id names its volume
/// (`frus1981-88v03-d74`).
pub fn document_online(id: &str) -> Option<String> {
    let d = DocId::parse(id)?;
    online(d.volume()?, Some(&d.local()))
}

/// Where a reference of a document of `volume` leads on history.state.gov: the document,
/// the printed page (`pg_151`) or the volume. `None` when no volume is known.
pub fn target_online(volume: Option<&str>, target: &str) -> Option<String> {
    match destination(volume, target) {
        Destination::Document { id, .. } => document_online(&id),
        Destination::Page {
            volume: Some(v),
            page,
        } => online(&v, Some(&format!("pg_{page}"))),
        Destination::Volume(v) => online(&v, None),
        _ => None,
    }
}

/// Resolves `target` (`d73`, `pg_9`, `frus1933v05#pg_151`, `frus1933v05#d12`, a URL) for a
/// document of `volume`.
pub fn destination(volume: Option<&str>, target: &str) -> Destination {
    if target.starts_with("https://") || target.starts_with("http://") {
        return Destination::Url(target.to_string());
    }
    let (vol, local) = match target.split_once('#') {
        Some((v, l)) => (Some(v), l),
        None if target.starts_with("frus") => return Destination::Volume(target.to_string()),
        None => (None, target),
    };
    let vol = vol.filter(|v| !v.is_empty()).or(volume);
    if let Some(n) = local
        .strip_prefix('d')
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Destination::Document {
            id: DocId::new(vol, n).to_string(),
            volume: vol.map(str::to_string),
            page: None,
        };
    }
    if let Some(p) = local
        .strip_prefix("pg_")
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Destination::Page {
            volume: vol.map(str::to_string),
            page: p.to_string(),
        };
    }
    Destination::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_on_history_state_gov() {
        assert_eq!(
            document_online("frus1981-88v03-d74").as_deref(),
            Some("https://history.state.gov/historicaldocuments/frus1981-88v03/d74")
        );
        assert_eq!(
            online("frus1934v05", None).as_deref(),
            Some("https://history.state.gov/historicaldocuments/frus1934v05")
        );
        assert_eq!(document_online("d74"), None, "no volume");
        assert_eq!(
            target_online(Some("frus1934v05"), "frus1933v05#pg_151").as_deref(),
            Some("https://history.state.gov/historicaldocuments/frus1933v05/pg_151")
        );
        assert_eq!(
            target_online(Some("frus1934v05"), "frus1933v05").as_deref(),
            Some("https://history.state.gov/historicaldocuments/frus1933v05")
        );
        assert_eq!(target_online(None, "d73"), None);
        assert_eq!(online("frus1934v05/../x", None), None);
        assert_eq!(online("javascript:alert(1)", None), None);
    }

    #[test]
    fn labels() {
        assert_eq!(volume_label("frus1981-88v03"), "1981–88, Volume III");
        assert_eq!(volume_label("frus1934v05"), "1934, Volume V");
        assert_eq!(
            volume_label("frus1919Parisv01"),
            "1919, The Paris Peace Conference, Volume I"
        );
        assert_eq!(
            volume_label("frus1917Supp02v02"),
            "1917, Supplement 2, Volume II"
        );
        assert_eq!(volume_label("frus1894Nicaragua"), "1894, Nicaragua");
        assert_eq!(volume_label("frus1906p2"), "1906, Part 2");
        assert_eq!(volume_label("frus1861"), "1861");
    }

    #[test]
    fn destinations() {
        let v = Some("frus1981-88v03");
        assert_eq!(
            destination(v, "d73"),
            Destination::Document {
                id: "frus1981-88v03-d73".into(),
                volume: Some("frus1981-88v03".into()),
                page: None
            }
        );
        assert_eq!(
            destination(v, "pg_9"),
            Destination::Page {
                volume: Some("frus1981-88v03".into()),
                page: "9".into()
            }
        );
        assert_eq!(
            destination(v, "frus1933v05#pg_151"),
            Destination::Page {
                volume: Some("frus1933v05".into()),
                page: "151".into()
            }
        );
        assert_eq!(
            destination(v, "frus1933v05"),
            Destination::Volume("frus1933v05".into())
        );
        assert_eq!(
            destination(v, "https://history.state.gov/"),
            Destination::Url("https://history.state.gov/".into())
        );
        assert_eq!(destination(v, "javascript:alert(1)"), Destination::Unknown);
    }
}
