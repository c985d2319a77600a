//! When and where a document was written: its datelines, the div's date range, any other
//! encoded date, then the dateline's words; dates far from the volume's years are
//! diagnostics, not dates.

use super::super::tree::Node;
use super::Conv;
use crate::model::{DateInfo, DateSource, DiagnosticCode, Precision};

pub(super) struct DatelineFound {
    level: u8,
    when: Option<String>,
    date_text: String,
    place: Option<String>,
    text: String,
    offset: usize,
}

impl Conv<'_> {
    pub(super) fn dateline_found(&mut self, e: &Node<'_>, level: u8) {
        let date = e.find(&|n| n.is("date"));
        let place = e
            .find(&|n| n.is("placeName"))
            .map(|p| p.text().trim_end_matches([',', ';', ':', ' ']).to_string())
            .filter(|p| !p.is_empty());
        self.datelines.push(DatelineFound {
            level,
            when: date.and_then(|d| d.attr("when")).map(str::to_string),
            date_text: date.map(|d| d.text()).unwrap_or_default(),
            place,
            text: e.text(),
            offset: e.offset,
        });
    }

    pub(super) fn date_and_place(
        &mut self,
        div: &Node<'_>,
        title: &str,
        h: &crate::heading::Heading,
    ) -> (Option<DateInfo>, Option<String>) {
        let top: Vec<usize> = (0..self.datelines.len())
            .filter(|&i| self.datelines[i].level == 0)
            .collect();
        let place = top.iter().find_map(|&i| self.datelines[i].place.clone());
        // 1. The document's own dateline with a machine-readable date.
        for &i in &top {
            let d = &self.datelines[i];
            if let Some(when) = d.when.clone() {
                let text = if d.date_text.is_empty() {
                    d.text.clone()
                } else {
                    d.date_text.clone()
                };
                let offset = d.offset;
                if let Some(info) = self.trusted(&when, text, offset) {
                    return (Some(info), place);
                }
                return (None, place);
            }
        }
        // 2. The div's date range.
        if let Some(min) = div.attr("frus:doc-dateTime-min") {
            let max = div.attr("frus:doc-dateTime-max").unwrap_or(min);
            if let Some(info) = range(min, max) {
                if self.in_span(&info.iso) {
                    return (Some(info), place);
                }
                self.diag(
                    div.offset,
                    DiagnosticCode::SuspectDate,
                    crate::dates::untrusted(
                        &format!("date range {min}–{max}"),
                        "is far from the volume's years",
                    ),
                );
            }
        }
        // 3. Any other date/@when of the document (not in footnotes or attachments).
        if let Some(d) = find_date(div) {
            let when = d.attr("when").unwrap_or("").to_string();
            if let Some(info) = self.trusted(&when, d.text(), d.offset) {
                return (Some(info), place);
            }
        }
        // 4. A dateline without @when: read its words.
        for &i in &top {
            let text = self.datelines[i].text.clone();
            let hint = self.ctx.years.map(|y| y.0);
            if let Some(found) = crate::dates::find_dates(&text, hint).into_iter().next() {
                if self.in_span(&found.iso) {
                    let shown = if self.datelines[i].date_text.is_empty() {
                        text
                    } else {
                        self.datelines[i].date_text.clone()
                    };
                    return (
                        Some(DateInfo {
                            iso: found.iso,
                            precision: found.precision,
                            source: DateSource::Dateline,
                            text: shown,
                            event: Default::default(),
                        }),
                        place,
                    );
                }
            }
        }
        // 5. The heading's date: "Memorandum … of a Conversation With …, September 11,
        //    1934" (its dateline says "[Washington, undated.]"), "Press Release Issued by
        //    the Department of State, August 24, 1934", "Agreement …, Signed August 24,
        //    1934". Not a heading that names a recipient ("… to …, received August 20")
        //    nor a bracketed one, which dates its source.
        let lower = title.to_lowercase();
        if h.to.is_empty() && !lower.contains("received") && !title.starts_with('[') {
            let hint = self.ctx.years.map(|y| y.0);
            let found = crate::dates::heading_date(title, hint);
            if let Some(d) = found.filter(|d| self.in_span(&d.iso)) {
                return (
                    Some(DateInfo {
                        iso: d.iso.clone(),
                        precision: d.precision,
                        source: DateSource::Title,
                        text: title[d.start..d.end].to_string(),
                        // "Memorandum handed to Mr. Adee by …, September 17, 1900"
                        event: crate::infer::sentence_event(title),
                    }),
                    place,
                );
            }
        }
        (None, place)
    }

    fn in_span(&self, iso: &str) -> bool {
        crate::dates::year_of(iso).is_some_and(|y| crate::dates::plausible_year(y, self.ctx.years))
    }

    fn trusted(&mut self, when: &str, text: String, offset: usize) -> Option<DateInfo> {
        match parse_when(when) {
            Some((iso, precision)) if self.in_span(&iso) => Some(DateInfo {
                iso,
                precision,
                source: DateSource::Tei,
                text,
                event: Default::default(),
            }),
            Some(_) => {
                let span = self
                    .ctx
                    .years
                    .map(|(a, b)| {
                        if a == b {
                            format!("{a}")
                        } else {
                            format!("{a}–{b}")
                        }
                    })
                    .unwrap_or_default();
                self.diag(
                    offset,
                    DiagnosticCode::SuspectDate,
                    crate::dates::untrusted(
                        &format!("date/@when=\"{when}\" (“{text}”)"),
                        &format!("is far from the volume's years {span}"),
                    ),
                );
                None
            }
            None => {
                self.diag(
                    offset,
                    DiagnosticCode::InvalidDate,
                    crate::dates::untrusted(&format!("date/@when=\"{when}\""), "is not a date"),
                );
                None
            }
        }
    }
}

/// The first `date/@when` outside footnotes, attachments and nested documents.
fn find_date<'n, 'a>(e: &'n Node<'a>) -> Option<&'n Node<'a>> {
    for x in e.elements() {
        if x.is("date") && x.attr("when").is_some() {
            return Some(x);
        }
        if matches!(x.name, "note" | "attachment" | "div" | "quote") {
            continue;
        }
        if let Some(d) = find_date(x) {
            return Some(d);
        }
    }
    None
}

/// A TEI `@when` → ISO as the model writes it, with its precision. The time is kept as
/// printed (local); a zone suffix is dropped.
pub fn parse_when(when: &str) -> Option<(String, Precision)> {
    let w = when.trim();
    let (date, time) = match w.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (w, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let (iso, precision) = match parts.as_slice() {
        [y] if num(y, 4) => (y.to_string(), Precision::Year),
        [y, m] if num(y, 4) && num(m, 2) => (format!("{y}-{m}"), Precision::Month),
        [y, m, d] if num(y, 4) && num(m, 2) && num(d, 2) => {
            (format!("{y}-{m}-{d}"), Precision::Day)
        }
        _ => return None,
    };
    if precision >= Precision::Month {
        let m: u32 = parts[1].parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
    }
    if precision == Precision::Day {
        let (y, m, d): (i32, u32, u32) = (
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        );
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    }
    if let (Some(t), Precision::Day) = (time, precision) {
        let hm = t
            .get(..5)
            .filter(|hm| hm.as_bytes().get(2) == Some(&b':'))?;
        if hm != "00:00" {
            return Some((format!("{iso}T{hm}"), Precision::Minute));
        }
    }
    Some((iso, precision))
}

/// `frus:doc-dateTime-min/max` → one date with the precision both ends share.
fn range(min: &str, max: &str) -> Option<DateInfo> {
    let (a, pa) = parse_when(min)?;
    let (b, _) = parse_when(max).unwrap_or((a.clone(), pa));
    let (a, b) = (
        a.get(..10).unwrap_or(&a).to_string(),
        b.get(..10).unwrap_or(&b).to_string(),
    );
    let (iso, precision) = if a == b {
        (a.clone(), pa.min(Precision::Day))
    } else if a.get(..7) == b.get(..7) {
        (a[..7].to_string(), Precision::Month)
    } else if a.get(..4) == b.get(..4) {
        (a[..4].to_string(), Precision::Year)
    } else {
        (a[..4.min(a.len())].to_string(), Precision::Year)
    };
    let text = if a == b { a } else { format!("{a} – {b}") };
    Some(DateInfo {
        iso,
        precision,
        source: DateSource::Tei,
        text,
        event: Default::default(),
    })
}
