//! A curated, user-extensible lexicon of well-established formulations: the second source
//! beside the rules, for forms that stand without quotation marks (双循环, 不忘初心、牢记使命).

use super::{Kind, Mention};
use crate::error::{Error, Result};

/// The built-in lexicon, `data/formulations.tsv`.
const BUILTIN: &str = include_str!("../../data/formulations.tsv");

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Normalised form, as it stands in the text.
    pub normalized: String,
    /// Kind of the formulation.
    pub kind: Kind,
    /// English gloss.
    pub gloss: String,
    /// Year and source of first use, where known (may be empty).
    pub first_use: String,
}

/// A list of entries, longest first (so 不忘初心、牢记使命 wins over 不忘初心).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
}

fn kind_of(name: &str) -> Option<Kind> {
    [
        Kind::Numeric,
        Kind::NumeralCompound,
        Kind::NumberedList,
        Kind::Plus,
        Kind::QuotedSlogan,
    ]
    .into_iter()
    .find(|k| k.name() == name)
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN).unwrap_or_default()
    }

    /// Parses a TSV lexicon: `normalized<TAB>kind<TAB>gloss<TAB>first use`; `#` starts a
    /// comment line. Errors name the line.
    pub fn parse(tsv: &str) -> Result<Lexicon> {
        let mut entries = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let kind = f.get(1).and_then(|k| kind_of(k.trim()));
            match (f.first().map(|s| s.trim()), kind) {
                (Some(name), Some(kind)) if !name.is_empty() => entries.push(Entry {
                    normalized: name.to_string(),
                    kind,
                    gloss: f.get(2).unwrap_or(&"").trim().to_string(),
                    first_use: f.get(3).unwrap_or(&"").trim().to_string(),
                }),
                _ => {
                    return Err(Error::at_line(
                        "lexicon",
                        n as u64 + 1,
                        "expected: normalized<TAB>kind<TAB>gloss<TAB>first use",
                    ))
                }
            }
        }
        entries.sort_by(|a: &Entry, b: &Entry| {
            b.normalized
                .len()
                .cmp(&a.normalized.len())
                .then_with(|| a.normalized.cmp(&b.normalized))
        });
        Ok(Lexicon { entries })
    }

    /// The entries, longest first, then alphabetically.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Adds the lexicon's forms found in `text` to `mentions` where no mention overlaps them;
    /// keeps the order by start offset.
    pub fn add_mentions(&self, text: &str, mentions: &mut Vec<Mention>) {
        for e in &self.entries {
            for (s, _) in text.match_indices(e.normalized.as_str()) {
                let end = s + e.normalized.len();
                if mentions.iter().any(|m| m.start < end && s < m.end) {
                    continue;
                }
                mentions.extend(Mention::new(
                    text,
                    s,
                    end,
                    e.normalized.clone(),
                    e.kind,
                    false,
                ));
            }
        }
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// [`super::extract`] followed by the lexicon as a second source.
pub fn extract_with_lexicon(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let mut m = super::extract(text);
    lexicon.add_mentions(text, &mut m);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_finds_unquoted_catchphrases() {
        let lex = Lexicon::builtin();
        assert!(lex.entries().len() >= 10);
        let t = "坚持不忘初心、牢记使命,加快构建以国内大循环为主体、国内国际双循环相互促进的新发展格局。";
        let names: Vec<String> = extract_with_lexicon(t, &lex)
            .into_iter()
            .map(|m| m.normalized)
            .collect();
        assert_eq!(names, ["不忘初心、牢记使命", "双循环"]);
    }

    #[test]
    fn bad_line_is_an_error() {
        assert!(Lexicon::parse("双循环\tnot_a_kind\tx\t").is_err());
    }
}
