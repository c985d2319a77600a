//! Folding: what a reader types and what the text prints meet as one form. Lower case,
//! diacritics dropped (é → e), ligatures and the letters Unicode does not decompose spelled
//! out (ß → ss, æ → ae, ø → o), so `Pérez`, `PEREZ` and `perez` are one word.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out` (nothing for a combining mark).
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(spelled) = spelled_out(c) {
        out.push_str(spelled);
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                match spelled_out(d) {
                    Some(s) => out.push_str(s),
                    None => out.push(d),
                }
            }
        });
    }
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Letters with no canonical decomposition that a reader types as plain letters.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ĳ' | 'Ĳ' => "ij",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬀ' => "ff",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn case_diacritics_and_ligatures_fold() {
        assert_eq!(fold("Pérez"), "perez");
        assert_eq!(fold("MÜNCHEN"), "munchen");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Encyclopædia"), "encyclopaedia");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Señor Ñuñez"), "senor nunez");
        assert_eq!(fold("façade"), "facade");
        assert_eq!(fold("São Tomé"), "sao tome");
        assert_eq!(fold("Ørsted"), "orsted");
        assert_eq!(fold("ﬁnance"), "finance");
    }

    #[test]
    fn other_scripts_are_lower_cased_and_kept() {
        assert_eq!(fold("МОСКВА"), "москва");
        assert_eq!(fold("Ἀθῆναι"), "αθηναι");
    }
}
