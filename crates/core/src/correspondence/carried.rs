//! Letters carried inside other documents: a telegram whose text is "text of a letter the
//! Secretary has asked Dobrynin to convey to Gromyko … Begin text … July 10, 1981 … Dear
//! Mr. Minister". The letter's own writer, addressee and date are what a reply answers.

use std::sync::OnceLock;

use regex_lite::Regex;

use crate::heading::party;
use crate::model::{plain_text, Block, BlockKind, Document, Party};

/// A letter carried inside a document, as its opening paragraphs describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    /// The letter's writer ("the Secretary"), when the sentence names one.
    pub from: Option<Party>,
    /// Its addressee ("Gromyko"), when the sentence names one.
    pub to: Option<Party>,
    /// The carried letter's own date (`YYYY-MM-DD`), when printed at its head.
    pub date: Option<String>,
    /// The sentence that says so.
    pub evidence: String,
}

fn intro() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:the )?(?:following (?:fyi |is )?(?:is )?)?text of (?:a |the |an )?(?:personal |private |unofficial )?(?:letter|message|note)\b([^:]{0,200})").unwrap()
    })
}

/// A party as a sentence names it: "the Secretary", "Gromyko", "President Reagan", "the
/// Minister of Foreign Affairs" (capitalised words, joined by of/in/the).
const PARTY: &str = r"(?:the )?[A-Z][\w.’'-]*(?: (?:of |in |the )?[A-Z][\w.’'-]*){0,5}";

/// "from X", "X has asked …", "to X": the three places a sentence puts a party.
fn party_res() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        let verbs = "has|have|had|is|was|wishes|wished|asked|sent|addressed|handed";
        [
            Regex::new(&format!(r"\bfrom ({PARTY})")).unwrap(),
            Regex::new(&format!(r"^\s*(?:which |that )?({PARTY}) (?:{verbs})\b")).unwrap(),
            Regex::new(&format!(r"\bto ({PARTY})")).unwrap(),
        ]
    })
}

/// The letter a document carries, if its opening paragraphs say it carries one.
pub fn find(doc: &Document) -> Option<Carried> {
    let body: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| !b.before_head && !matches!(b.kind, BlockKind::Source | BlockKind::Dateline))
        .take(8)
        .collect();
    for (i, b) in body.iter().enumerate() {
        let t = plain_text(&b.inlines);
        if !(t.contains("ext of") || t.contains("EXT OF")) {
            continue;
        }
        let Some(c) = intro().captures(&t) else {
            continue;
        };
        let rest = c.get(1).map_or("", |m| m.as_str());
        let [from_re, subject_re, to_re] = party_res();
        let from = from_re
            .captures(rest)
            .or_else(|| subject_re.captures(rest))
            .map(|c| party(&c[1]));
        // The first capitalised "to …" is the addressee ("to convey to Gromyko on his
        // return to Moscow").
        let to = to_re.captures(rest).map(|c| party(&c[1]));
        if from.is_none() && to.is_none() {
            continue;
        }
        // The letter's own date: a short line standing alone within the next few blocks.
        let date = body[i + 1..].iter().take(4).find_map(|b| {
            let t = plain_text(&b.inlines);
            if t.len() > 40 {
                return None;
            }
            let (d, _) = crate::dates::as_dateline(&t)?;
            Some(d.iso.get(..10)?.to_string())
        });
        let sentence_end = c.get(0).map_or(t.len(), |m| m.end());
        return Some(Carried {
            from,
            to,
            date,
            evidence: t[..sentence_end.min(t.len())].trim().to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn para(t: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            inlines: vec![Inline::Text(t.into())],
            level: 0,
            label: None,
            depth: 0,
            before_head: false,
            rend: None,
            cells: vec![],
        }
    }

    fn doc() -> Document {
        serde_json::from_str(r#"{"id":"x","volume":null,"n":null,"title":"","head":[],"kind":"telegram","from":[],"to":[],"date":null,"place":null,"blocks":[],"footnotes":[],"pages":[],"refs":[],"links":[],"diagnostics":[]}"#).unwrap()
    }

    #[test]
    fn secretary_letter_in_a_telegram() {
        let mut d = doc();
        d.blocks = vec![
            para("1. (Secret—Entire text.)"),
            para("2. Following FYI is text of a letter the Secretary has asked Dobrynin to convey to Gromyko on his return to Moscow for consultations July 14:"),
            para("Begin text"),
            para("July 10, 1981"),
            para("Dear Mr. Minister:"),
        ];
        let c = find(&d).unwrap();
        assert_eq!(c.from.unwrap().role.as_deref(), Some("Secretary"));
        assert_eq!(c.to.unwrap().name.as_deref(), Some("Gromyko"));
        assert_eq!(c.date.as_deref(), Some("1981-07-10"));
    }

    #[test]
    fn letter_from_named_sender() {
        let mut d = doc();
        d.blocks = vec![para(
            "Following is text of a message from President Reagan to President Brezhnev:",
        )];
        let c = find(&d).unwrap();
        assert_eq!(c.from.unwrap().name.as_deref(), Some("Reagan"));
        assert_eq!(c.to.unwrap().name.as_deref(), Some("Brezhnev"));
        d.blocks = vec![para("I enclose a copy of my letter to the Minister.")];
        assert!(find(&d).is_none());
    }
}
