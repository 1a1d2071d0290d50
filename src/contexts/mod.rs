//! Co-occurrence inputs built from analysed documents: per-group item counts (slogans or
//! terms) and the contexts (sentence, paragraph, document, or a window of N tokens) whose
//! items co-occur. The measures themselves are in [`crate::cooccur`].

use crate::cooccur::{Cooccurrence, GroupCounts};
use crate::pipeline::{Analysed, TermSetup};
use crate::terms::GroupTable;
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

mod sentences;

pub use sentences::sentences;

/// The co-occurrence context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// A sentence: text up to and including 。！？!?；; or a paragraph end.
    Sentence,
    /// A paragraph of the cleaned text.
    Paragraph,
    /// A whole document.
    Doc,
    /// N word tokens on each side of every item occurrence (see
    /// [`Cooccurrence::add_windows`]).
    Tokens(usize),
}

/// What contexts are cut from: a document's cleaned text, its paragraphs and its
/// formulations (protected when segmenting), borrowed from an [`Analysed`] document
/// ([`ContextDoc::of`]) or from wherever a caller kept them.
#[derive(Debug, Clone, Copy)]
pub struct ContextDoc<'d> {
    /// Cleaned text.
    pub text: &'d str,
    /// Paragraph ranges in `text`.
    pub paragraphs: &'d [Range<usize>],
    /// Formulations found in `text`.
    pub mentions: &'d [crate::slogans::Mention],
}

impl<'d> ContextDoc<'d> {
    /// The view of an analysed document.
    pub fn of(d: &'d Analysed) -> ContextDoc<'d> {
        ContextDoc {
            text: &d.prepared.clean.text,
            paragraphs: &d.prepared.clean.paragraphs,
            mentions: &d.mentions,
        }
    }
}

fn ranges(d: ContextDoc<'_>, window: Window) -> Vec<Range<usize>> {
    match window {
        Window::Sentence => sentences(d.text),
        Window::Paragraph => d.paragraphs.to_vec(),
        Window::Doc | Window::Tokens(_) => std::iter::once(0..d.text.len()).collect(),
    }
}

/// Slogan (formulation) counts per group, in corpus group order, with the group's word-token
/// total (0 when segmentation did not run).
pub fn slogan_groups(docs: &[Analysed]) -> Vec<GroupCounts> {
    let mut acc = SloganGroups::default();
    for d in docs {
        acc.add(d);
    }
    acc.finish()
}

/// [`slogan_groups`] one document at a time.
#[derive(Debug, Default, Clone)]
pub struct SloganGroups {
    acc: IndexMap<String, (BTreeMap<String, u64>, u64)>,
}

impl SloganGroups {
    /// Adds one document's formulations and word tokens to its group.
    pub fn add(&mut self, d: &Analysed) {
        let e = match self.acc.get_index_of(d.group.as_str()) {
            Some(i) => &mut self.acc[i],
            None => self.acc.entry(d.group.clone()).or_default(),
        };
        for m in &d.mentions {
            match e.0.get_mut(m.normalized.as_str()) {
                Some(c) => *c += 1,
                None => {
                    e.0.insert(m.normalized.clone(), 1);
                }
            }
        }
        e.1 += d.terms.as_ref().map_or(0, |t| t.tokens());
    }

    /// The counts per group, in first-seen group order.
    pub fn finish(self) -> Vec<GroupCounts> {
        self.acc
            .into_iter()
            .map(|(g, (c, tokens))| GroupCounts::new(g, c.into_iter().collect(), tokens))
            .collect()
    }
}

/// The term table of the documents' counts (documents without counts add their group only).
fn table_of(docs: &[Analysed]) -> GroupTable {
    let mut t = GroupTable::new();
    let empty = crate::terms::DocTerms::default();
    for d in docs {
        t.add(&d.group, d.terms.as_ref().unwrap_or(&empty));
    }
    t
}

/// The `n` most frequent terms of the corpus (count descending, then term ascending).
pub fn top_terms(docs: &[Analysed], n: usize) -> Vec<String> {
    table_of(docs).top_terms(n)
}

/// Counts of the given terms per group, in corpus group order, with word-token totals.
pub fn term_groups(docs: &[Analysed], items: &[String]) -> Vec<GroupCounts> {
    term_groups_of(&table_of(docs), items)
}

/// [`term_groups`] from a streaming [`GroupTable`].
pub fn term_groups_of(table: &GroupTable, items: &[String]) -> Vec<GroupCounts> {
    table
        .item_counts(items)
        .into_iter()
        .map(|(g, c, tokens)| GroupCounts::new(g, c, tokens))
        .collect()
}

/// Co-occurrence of formulations: each context's set of normalised formulations.
/// `Window::Tokens` needs `setup` (formulations are protected tokens) and falls back to
/// sentences without it.
pub fn slogan_cooccurrence(
    docs: &[Analysed],
    window: Window,
    setup: Option<&TermSetup>,
) -> Cooccurrence {
    let mut co = Cooccurrence::new();
    for d in docs {
        add_slogan_contexts(&mut co, d, window, setup);
    }
    co
}

/// Adds one document's contexts to a formulation co-occurrence (see
/// [`slogan_cooccurrence`]).
pub fn add_slogan_contexts(
    co: &mut Cooccurrence,
    d: &Analysed,
    window: Window,
    setup: Option<&TermSetup>,
) {
    if let (Window::Tokens(n), Some(s)) = (window, setup) {
        let by_start: BTreeMap<usize, &str> = d
            .mentions
            .iter()
            .map(|m| (m.start, m.normalized.as_str()))
            .collect();
        let occ = token_positions(ContextDoc::of(d), s, |start, _tok| {
            by_start.get(&start).copied()
        });
        co.add_windows(&occ, n);
        return;
    }
    let w = if matches!(window, Window::Tokens(_)) {
        Window::Sentence
    } else {
        window
    };
    // Mentions by start offset, so each context takes its mentions by binary search (a
    // scan of all mentions per sentence would be quadratic on one huge document).
    let mut by_start: Vec<(usize, &str)> = d
        .mentions
        .iter()
        .map(|m| (m.start, m.normalized.as_str()))
        .collect();
    by_start.sort_unstable();
    if w == Window::Sentence {
        // Most sentences hold no formulation: only those that do are delimited, the others
        // are counted (their contexts hold no item, so the order of the adds is immaterial).
        let starts: Vec<usize> = by_start.iter().map(|m| m.0).collect();
        let mut held = 0;
        let n = sentences::sentences_holding(&d.prepared.clean.text, &starts, |r| {
            co.add(by_start[r].iter().map(|m| m.1));
            held += 1;
        });
        co.add_empty(n - held);
        return;
    }
    for r in ranges(ContextDoc::of(d), w) {
        let lo = by_start.partition_point(|m| m.0 < r.start);
        let hi = by_start.partition_point(|m| m.0 < r.end);
        co.add(by_start[lo..hi].iter().map(|m| m.1));
    }
}

/// Co-occurrence of the given terms: contexts are re-segmented (this is the one analysis
/// that needs token order, so it segments a second time; counts come from the first pass),
/// with the formulations protected as in the counts.
pub fn term_cooccurrence(
    docs: &[Analysed],
    items: &[String],
    window: Window,
    setup: &TermSetup,
) -> Cooccurrence {
    let wanted: HashSet<&str> = items.iter().map(String::as_str).collect();
    let mut co = Cooccurrence::new();
    for d in docs {
        add_term_contexts(&mut co, d, &wanted, window, setup);
    }
    co
}

/// Adds one document's contexts to a term co-occurrence (see [`term_cooccurrence`]):
/// `wanted` holds the items. The document's counts are not needed (its text is segmented
/// again), so it may come from a pipeline run without segmentation.
pub fn add_term_contexts(
    co: &mut Cooccurrence,
    d: &Analysed,
    wanted: &HashSet<&str>,
    window: Window,
    setup: &TermSetup,
) {
    term_contexts(ContextDoc::of(d), wanted, window, setup).add_to(co);
}

/// One document's contexts for a co-occurrence, found apart from the [`Cooccurrence`] so
/// that documents can be segmented in parallel and added in order ([`TermContexts::add_to`]).
/// The items borrow from the set of wanted items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermContexts<'a> {
    /// Item occurrences by word-token position, for windows of `n` tokens on each side.
    Windows(Vec<(usize, &'a str)>, usize),
    /// The items of each sentence, paragraph or document, in order.
    Sets(Vec<Vec<&'a str>>),
}

impl TermContexts<'_> {
    /// Adds the contexts to `co`.
    pub fn add_to(self, co: &mut Cooccurrence) {
        match self {
            TermContexts::Windows(occ, n) => co.add_windows(&occ, n),
            TermContexts::Sets(sets) => {
                for set in sets {
                    co.add(set);
                }
            }
        }
    }
}

/// The contexts of the `wanted` items in one document (see [`add_term_contexts`]).
pub fn term_contexts<'a>(
    d: ContextDoc<'_>,
    wanted: &HashSet<&'a str>,
    window: Window,
    setup: &TermSetup,
) -> TermContexts<'a> {
    if let Window::Tokens(n) = window {
        let occ = token_positions(d, setup, |_, tok| wanted.get(tok).copied());
        return TermContexts::Windows(occ, n);
    }
    // The whole text is cut once with its formulations protected (as the counts cut it),
    // and each token goes to the context it starts in: jieba never joins characters across
    // the punctuation and line breaks that end sentences and paragraphs.
    let text = d.text;
    let contexts = ranges(d, window);
    let protected = crate::segment::Protected::at_spans(
        d.mentions
            .iter()
            .filter(|m| m.is_token())
            .map(|m| (m.start, m.end))
            .collect(),
    );
    let base = text.as_ptr() as usize;
    let mut sets: Vec<Vec<&'a str>> = vec![Vec::new(); contexts.len()];
    let mut at = 0;
    setup.segmenter.for_each_token(text, &protected, |t| {
        let start = t.as_ptr() as usize - base;
        while contexts.get(at).is_some_and(|r| r.end <= start) {
            at += 1;
        }
        if let (Some(r), Some(w)) = (contexts.get(at), wanted.get(t)) {
            if r.start <= start {
                sets[at].push(w);
            }
        }
    });
    TermContexts::Sets(sets)
}

/// Word-token positions of the items selected by `pick(byte_start, token)`.
fn token_positions<'a>(
    d: ContextDoc<'_>,
    setup: &TermSetup,
    pick: impl Fn(usize, &str) -> Option<&'a str>,
) -> Vec<(usize, &'a str)> {
    let text = d.text;
    let surfaces: Vec<&str> = d
        .mentions
        .iter()
        .filter(|m| m.is_token())
        .map(|m| m.surface.as_str())
        .collect();
    let protected = crate::segment::Protected::new(&surfaces);
    let base = text.as_ptr() as usize;
    let mut pos = 0usize;
    let mut out = Vec::new();
    setup.segmenter.for_each_token(text, &protected, |t| {
        if !crate::terms::is_word(t) {
            return;
        }
        let start = t.as_ptr() as usize - base;
        if let Some(item) = pick(start, t) {
            out.push((pos, item));
        }
        pos += 1;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A formulation that is among the items is found in sentence contexts: the contexts
    /// are cut with the formulations protected, as the counts are (cut alone, jieba splits
    /// 1+5+N into 1 / + / 5 / + / N).
    #[test]
    fn term_contexts_keep_formulations_whole() {
        let setup = TermSetup {
            segmenter: crate::segment::Segmenter::new(&Default::default()).unwrap(),
            filter: crate::terms::TermFilter::default(),
        };
        let text = "推行“1+5+N”调解模式。完善1+5+N体系和调解机制。";
        let mentions = crate::slogans::extract(text);
        assert!(
            mentions.iter().any(|m| m.surface == "1+5+N"),
            "{mentions:?}"
        );
        let plain = setup.segmenter.cut(text, &[]);
        assert!(!plain.contains(&"1+5+N"), "{plain:?}");
        let doc = ContextDoc {
            text,
            paragraphs: &[],
            mentions: &mentions,
        };
        let wanted: HashSet<&str> = ["1+5+N", "调解"].into_iter().collect();
        let got = term_contexts(doc, &wanted, Window::Sentence, &setup);
        // By hand: sentence 1 holds 1+5+N and 调解 (in 调解模式, if jieba cuts 调解/模式),
        // sentence 2 holds 1+5+N and 调解 (调解机制).
        let TermContexts::Sets(sets) = got else {
            panic!("sentence windows give sets")
        };
        assert_eq!(sets.len(), 2);
        for set in &sets {
            assert!(set.contains(&"1+5+N"), "{sets:?}");
        }
    }
}
