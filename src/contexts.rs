//! Co-occurrence inputs built from analysed documents: per-group item counts (slogans or
//! terms) and the contexts (sentence, paragraph, document, or a window of N tokens) whose
//! items co-occur. The measures themselves are in [`crate::cooccur`].

use crate::cooccur::{Cooccurrence, GroupCounts};
use crate::pipeline::{Analysed, TermSetup};
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

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

/// The sentence ranges of a cleaned text (byte ranges; sentence-final punctuation and a
/// following closing quote stay with their sentence; empty sentences are skipped).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_here = match c {
            '。' | '！' | '？' | '!' | '?' | '；' | ';' => {
                let mut e = i + c.len_utf8();
                while let Some(&(j, q)) = chars.peek() {
                    if matches!(q, '”' | '’' | '」' | '』' | '"') {
                        e = j + q.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                Some(e)
            }
            '\n' => Some(i),
            _ => None,
        };
        if let Some(e) = end_here {
            if !text[start..e].trim().is_empty() {
                out.push(start..e);
            }
            start = if c == '\n' { i + 1 } else { e };
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

fn ranges(d: &Analysed, window: Window) -> Vec<Range<usize>> {
    let text = &d.prepared.clean.text;
    match window {
        Window::Sentence => sentences(text),
        Window::Paragraph => d.prepared.clean.paragraphs.clone(),
        Window::Doc | Window::Tokens(_) => std::iter::once(0..text.len()).collect(),
    }
}

/// Slogan (formulation) counts per group, in corpus group order, with the group's word-token
/// total (0 when segmentation did not run).
pub fn slogan_groups(docs: &[Analysed]) -> Vec<GroupCounts> {
    let mut acc: IndexMap<&str, (BTreeMap<&str, u64>, u64)> = IndexMap::new();
    for d in docs {
        let e = acc.entry(d.group.as_str()).or_default();
        for m in &d.mentions {
            *e.0.entry(m.normalized.as_str()).or_insert(0) += 1;
        }
        e.1 += d.terms.as_ref().map_or(0, |t| t.tokens());
    }
    acc.into_iter()
        .map(|(g, (c, tokens))| {
            GroupCounts::new(
                g,
                c.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                tokens,
            )
        })
        .collect()
}

/// The `n` most frequent terms of the corpus (count descending, then term ascending).
pub fn top_terms(docs: &[Analysed], n: usize) -> Vec<String> {
    let mut total: BTreeMap<&str, u64> = BTreeMap::new();
    for d in docs {
        if let Some(t) = &d.terms {
            for (term, c) in t.counts() {
                *total.entry(term).or_insert(0) += c;
            }
        }
    }
    let mut v: Vec<(&str, u64)> = total.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().take(n).map(|(t, _)| t.to_string()).collect()
}

/// Counts of the given terms per group, in corpus group order, with word-token totals.
pub fn term_groups(docs: &[Analysed], items: &[String]) -> Vec<GroupCounts> {
    let mut acc: IndexMap<&str, (IndexMap<String, u64>, u64)> = IndexMap::new();
    for d in docs {
        let e = acc
            .entry(d.group.as_str())
            .or_insert_with(|| (items.iter().map(|i| (i.clone(), 0)).collect(), 0));
        if let Some(t) = &d.terms {
            for i in items {
                if let Some(c) = e.0.get_mut(i) {
                    *c += t.get(i);
                }
            }
            e.1 += t.tokens();
        }
    }
    acc.into_iter()
        .map(|(g, (mut c, tokens))| {
            c.retain(|_, v| *v > 0);
            GroupCounts::new(g, c, tokens)
        })
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
        if let (Window::Tokens(n), Some(s)) = (window, setup) {
            let by_start: BTreeMap<usize, &str> = d
                .mentions
                .iter()
                .map(|m| (m.start, m.normalized.as_str()))
                .collect();
            let occ = token_positions(d, s, |start, _tok| by_start.get(&start).copied());
            co.add_windows(&occ, n);
            continue;
        }
        let w = if matches!(window, Window::Tokens(_)) {
            Window::Sentence
        } else {
            window
        };
        for r in ranges(d, w) {
            // Mentions are in text order, so those starting in `r` are one run, found by
            // binary search (a scan of all of them per range was quadratic on long texts).
            let first = d.mentions.partition_point(|m| m.start < r.start);
            co.add(
                d.mentions[first..]
                    .iter()
                    .take_while(|m| m.start < r.end)
                    .map(|m| m.normalized.as_str()),
            );
        }
    }
    co
}

/// Co-occurrence of the given terms: contexts are re-segmented (this is the one analysis
/// that needs token order, so it segments a second time; counts come from the first pass).
pub fn term_cooccurrence(
    docs: &[Analysed],
    items: &[String],
    window: Window,
    setup: &TermSetup,
) -> Cooccurrence {
    let wanted: HashSet<&str> = items.iter().map(String::as_str).collect();
    let mut co = Cooccurrence::new();
    for d in docs {
        if let Window::Tokens(n) = window {
            let occ = token_positions(d, setup, |_, tok| wanted.get(tok).copied());
            co.add_windows(&occ, n);
            continue;
        }
        let text = &d.prepared.clean.text;
        for r in ranges(d, window) {
            let mut ctx: Vec<&str> = Vec::new();
            setup.segmenter.for_each_token(
                &text[r.clone()],
                &crate::segment::Protected::new::<&str>(&[]),
                |t| {
                    if let Some(w) = wanted.get(t) {
                        ctx.push(w);
                    }
                },
            );
            co.add(ctx);
        }
    }
    co
}

/// Word-token positions of the items selected by `pick(byte_start, token)`.
fn token_positions<'a>(
    d: &'a Analysed,
    setup: &TermSetup,
    pick: impl Fn(usize, &str) -> Option<&'a str>,
) -> Vec<(usize, &'a str)> {
    let text = &d.prepared.clean.text;
    let surfaces: Vec<&str> = d.mentions.iter().map(|m| m.surface.as_str()).collect();
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

    #[test]
    fn sentences_split_after_final_punctuation_and_quotes() {
        let t = "他说：“好。”然后走了！第二段\n新段落；末尾";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec!["他说：“好。”", "然后走了！", "第二段", "新段落；", "末尾"]
        );
    }
}
