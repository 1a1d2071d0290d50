//! A curated, user-extensible lexicon of well-established formulations: the second source
//! beside the rules, for forms that stand without quotation marks (双循环, 不忘初心、牢记使命).

use super::{Kind, Mention};
use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, Input, MatchKind};

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
    /// All forms in one searcher, to find the positions where some form starts in one scan
    /// of the text instead of one scan per entry.
    ac: Option<AhoCorasick>,
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
        Ok(Lexicon::with_entries(entries))
    }

    /// Builds the searcher over the (sorted) entries' forms.
    fn with_entries(entries: Vec<Entry>) -> Lexicon {
        // Leftmost semantics find the earliest start of any form, which is all the scan
        // needs; they also let the crate use its SIMD prefilter for a few patterns. Should
        // the searcher not build, nothing is found (as with an empty lexicon), no panic.
        let ac = if entries.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(entries.iter().map(|e| e.normalized.as_str()))
                .ok()
        };
        Lexicon { entries, ac }
    }

    /// The entries, longest first, then alphabetically.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Adds the lexicon's forms found in `text` to `mentions` where no mention overlaps them;
    /// keeps the order by start offset.
    pub fn add_mentions(&self, text: &str, mentions: &mut Vec<Mention>) {
        let Some(ac) = &self.ac else {
            return;
        };
        // Every occurrence of every entry, sorted into entry order then text order: the
        // order in which one `match_indices` scan per entry would meet them. The searcher
        // finds the next position where some form starts; every form is tried there.
        let mut hits: Vec<(usize, usize)> = Vec::new();
        let mut pos = 0;
        while let Some(m) = ac.find(Input::new(text).range(pos..)) {
            let s = m.start();
            let rest = &text.as_bytes()[s..];
            for (i, e) in self.entries.iter().enumerate() {
                if rest.starts_with(e.normalized.as_bytes()) {
                    hits.push((i, s));
                }
            }
            pos = s + 1;
        }
        if hits.is_empty() {
            return;
        }
        hits.sort_unstable();
        // (entry, end) of the last occurrence a per-entry scan reported: such a scan is
        // leftmost and non-overlapping, so it skips occurrences that start before that end.
        let mut scanned: Option<(usize, usize)> = None;
        for (i, s) in hits {
            let e = &self.entries[i];
            let end = s + e.normalized.len();
            if scanned.is_some_and(|(j, pe)| j == i && s < pe) {
                continue;
            }
            scanned = Some((i, end));
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
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// [`super::extract()`] followed by the lexicon as a second source.
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

    /// The reference: one `match_indices` scan per entry, as before the automaton.
    fn add_mentions_per_entry(lex: &Lexicon, text: &str, mentions: &mut Vec<Mention>) {
        for e in lex.entries() {
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

    #[test]
    fn one_scan_equals_a_scan_per_entry() {
        // Overlapping and self-overlapping forms, a duplicate form, and a form that an
        // earlier mention blocks only in part of its occurrences.
        let tsv = "双循环\tquoted_slogan\t\t\n循环\tquoted_slogan\t\t\n\
                   三三\tnumeral_compound\t\t\n三三\tquoted_slogan\t\t\n\
                   不忘初心、牢记使命\tquoted_slogan\t\t\n不忘初心\tquoted_slogan\t\t\n";
        let lex = Lexicon::parse(tsv).unwrap();
        for text in [
            "三三三三三，双循环与循环，不忘初心、牢记使命，不忘初心。",
            "三三三",
            "“三三制”三三三",
            "",
            "循环循环双循环",
        ] {
            let base = super::super::extract(text);
            let mut a = base.clone();
            let mut b = base;
            lex.add_mentions(text, &mut a);
            add_mentions_per_entry(&lex, text, &mut b);
            assert_eq!(a, b, "{text}");
        }
        let text = "坚持不忘初心、牢记使命,构建双循环新格局。“三治融合”";
        let lex = Lexicon::builtin();
        let mut a = super::super::extract(text);
        let mut b = a.clone();
        lex.add_mentions(text, &mut a);
        add_mentions_per_entry(&lex, text, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn bad_line_is_an_error() {
        assert!(Lexicon::parse("双循环\tnot_a_kind\tx\t").is_err());
    }
}
