//! Counting the tokens of a text through the block cache, with the caller's verdict on each
//! distinct token (is it a word, is it kept) remembered per token id.
//!
//! A document's distinct tokens are mostly the thread's familiar vocabulary: on the bench
//! corpus 2,800 distinct tokens per document, 90% of them known to the cache. Their
//! verdicts (a stopword lookup, a character scan) are taken once per token id and thread,
//! not once per document, and a document's counts come back already selected.

use std::collections::HashMap;

use jieba_rs::Jieba;

use super::{class_at, decode, run_end, BlockCache, Counter, Store, MAX_BLOCK};
use crate::terms::FxBuild;

/// The verdict of a [`Selection`] on one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenClass {
    /// The token counts toward [`Selected::words`].
    pub word: bool,
    /// The token is returned in [`Selected::kept`].
    pub kept: bool,
}

/// Which tokens a count returns: a verdict per token, and a key naming the verdicts for the
/// per-thread cache of them. Two selections with the same key must give every token the
/// same verdict (the key of [`Selection::all`] is `[0; 3]`).
pub struct Selection<'f> {
    /// Names `class` among the selections of a run.
    pub key: [u64; 3],
    /// The verdict on a token.
    pub class: &'f dyn Fn(&str) -> TokenClass,
}

impl Selection<'static> {
    /// Every token kept, none counted as a word.
    pub fn all() -> Selection<'static> {
        Selection {
            key: [0; 3],
            class: &|_| TokenClass {
                word: false,
                kept: true,
            },
        }
    }
}

/// The tokens of a text as a [`Selection`] sorts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selected<'a> {
    /// Each distinct kept token (an occurrence of it in the text) with its count, in no
    /// particular order.
    pub kept: Vec<(&'a str, u64)>,
    /// The number of word tokens (occurrences).
    pub words: u64,
}

impl<'a> Selected<'a> {
    /// Sorts in one distinct token of `count` occurrences.
    fn add(&mut self, token: &'a str, count: u64, class: TokenClass) {
        if class.word {
            self.words += count;
        }
        if class.kept {
            self.kept.push((token, count));
        }
    }
}

/// The verdicts of one [`Selection`] by token id.
#[derive(Default)]
pub(super) struct Verdicts {
    /// The selection's key.
    key: [u64; 3],
    /// Per token id: 0 not known yet, else 1 + 2 × word + 4 × kept. One byte per vocabulary
    /// entry, within the entry's share of the cache budget.
    class: Vec<u8>,
}

impl Verdicts {
    /// The verdict of `sel` on token `id` (`token`).
    fn of(&mut self, id: u32, token: &str, sel: &Selection<'_>) -> TokenClass {
        let i = id as usize;
        if i >= self.class.len() {
            self.class.resize(i + 1, 0);
        }
        match self.class[i] {
            0 => {
                let c = (sel.class)(token);
                self.class[i] = 1 | (u8::from(c.word) << 1) | (u8::from(c.kept) << 2);
                c
            }
            v => TokenClass {
                word: v & 2 != 0,
                kept: v & 4 != 0,
            },
        }
    }
}

/// Counts the tokens of `text` cut like `jieba.cut(text, hmm)` except that the byte ranges
/// `protected` (ascending, non-overlapping, on char boundaries) are single tokens, and sorts
/// each distinct token by `sel`.
///
/// The same counts as tallying [`super::cut_cached`]'s output, cheaper: a cached block
/// hands over token ids, which index an array of counts and of verdicts; only the other
/// tokens are hashed.
pub fn count_cached<'a>(
    jieba: &Jieba,
    hmm: bool,
    owner: u64,
    text: &'a str,
    protected: impl Iterator<Item = (usize, usize)>,
    sel: &Selection<'_>,
) -> Selected<'a> {
    let mut cache = BlockCache::take(owner);
    if cache.verdicts.key != sel.key {
        cache.verdicts = Verdicts {
            key: sel.key,
            class: Vec::new(),
        };
    }
    let BlockCache {
        store,
        counter,
        verdicts,
        ..
    } = &mut cache;
    // About one distinct word per 20 bytes of text in the provincial reports; most of them
    // are counted by id, the rest (blocks seen for the first time) here.
    let mut map: HashMap<&'a str, u64, FxBuild> =
        HashMap::with_capacity_and_hasher(text.len() / 80, FxBuild::default());
    let mut span = Span {
        jieba,
        hmm,
        text,
        store,
        counter,
        map: &mut map,
    };
    let mut pos = 0;
    for (start, end) in protected {
        if start > pos {
            span.count(pos, start);
        }
        *span.map.entry(&text[start..end]).or_insert(0) += 1;
        pos = end;
    }
    if pos < text.len() {
        span.count(pos, text.len());
    }
    // A token counted by string that also has an id counted here joins that count; the
    // rest are distinct from every token counted by id.
    let mut out = Selected {
        kept: Vec::with_capacity(counter.touched.len() + map.len()),
        words: 0,
    };
    for (t, c) in map {
        match store.vocab.get(t) {
            Some(&id) if counter.counts.get(id as usize).is_some_and(|&n| n > 0) => {
                counter.counts[id as usize] += c;
            }
            Some(&id) => out.add(t, c, verdicts.of(id, t, sel)),
            None => out.add(t, c, (sel.class)(t)),
        }
    }
    for &(id, start, end) in &counter.touched {
        let c = std::mem::take(&mut counter.counts[id as usize]);
        let t = &text[start..end];
        out.add(t, c, verdicts.of(id, t, sel));
    }
    counter.touched.clear();
    cache.put_back();
    out
}

/// The counting of one span of a text between protected strings.
struct Span<'s, 'a> {
    jieba: &'s Jieba,
    hmm: bool,
    text: &'a str,
    store: &'s mut Store,
    counter: &'s mut Counter,
    map: &'s mut HashMap<&'a str, u64, FxBuild>,
}

impl<'a> Span<'_, 'a> {
    /// Counts the tokens of `text[from..to]`, in one scan of its bytes: each block is looked
    /// up (or cut), each character between blocks counted by id, `\r\n` by string.
    fn count(&mut self, from: usize, to: usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = from;
        while i < to {
            let Some((block, width)) = class_at(text, i) else {
                break;
            };
            if block {
                let end = run_end(text, i + width, to, true);
                let run = &text[i..end];
                let cached = if run.len() <= MAX_BLOCK {
                    self.store.cached(self.jieba, self.hmm, run)
                } else {
                    None
                };
                match cached {
                    Some(tokens) => {
                        let mut start = i;
                        for (e, id) in decode(tokens) {
                            let e = i + e;
                            self.counter.count(id, start, e);
                            start = e;
                        }
                    }
                    None => {
                        for t in self.jieba.cut(run, self.hmm) {
                            *self.map.entry(t.word).or_insert(0) += 1;
                        }
                    }
                }
                i = end;
            } else if bytes[i] == b'\r' && i + 1 < to && bytes[i + 1] == b'\n' {
                *self.map.entry(&text[i..i + 2]).or_insert(0) += 1;
                i += 2;
            } else {
                let end = i + width;
                let id = self.store.char_id(&text[i..end]);
                self.counter.count(id, i, end);
                i = end;
            }
        }
    }
}

/// [`count_cached`] without the cache: every token hashed, every distinct token judged.
pub fn count_uncached<'a>(
    tokens: impl FnOnce(&mut dyn FnMut(&'a str)),
    size_hint: usize,
    sel: &Selection<'_>,
) -> Selected<'a> {
    let mut map: HashMap<&'a str, u64, FxBuild> =
        HashMap::with_capacity_and_hasher(size_hint, FxBuild::default());
    tokens(&mut |t| *map.entry(t).or_insert(0) += 1);
    let mut out = Selected {
        kept: Vec::with_capacity(map.len()),
        words: 0,
    };
    for (t, c) in map {
        out.add(t, c, (sel.class)(t));
    }
    out
}
