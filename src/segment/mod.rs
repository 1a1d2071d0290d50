//! Segmentation: jieba-rs (pinned at 0.11.0) with a built-in domain dictionary, optional user
//! dictionaries and protected strings.
//!
//! The domain dictionary (`data/dict/domain.txt`, embedded in the binary) adds multi-character
//! terms of Party-building and policy texts that jieba's default dictionary splits, e.g.
//! 党建引领 ("Party building leads"), 基层治理 ("grass-roots governance"), 红色物业 ("red property
//! management", Party-led residential property services). Protected strings are the
//! formulations (提法, "formulations": numbered slogans like `1+5+N` or `三治融合`) found by the
//! slogan extractor; they are never split.
//!
//! Repeated clauses are cut once per thread: the `cache` module keeps the tokens of each
//! block (jieba's unit of segmentation, roughly a clause between punctuation marks) seen
//! twice, with the same output as cutting afresh ([`SegmentOptions::cache`]).

mod cache;
mod dict;
mod protect;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use jieba_rs::Jieba;

pub use cache::{is_block_char, Selected, Selection, TokenClass, CACHE_BUDGET};
pub use dict::{parse_dict, DictEntry};
pub use protect::Protected;

use crate::error::{Error, Result};

/// The built-in domain dictionary, `data/dict/domain.txt`.
pub const DOMAIN_DICT: &str = include_str!("../../data/dict/domain.txt");

/// The part-of-speech tag given to protected strings by [`Segmenter::tag`]: `nz`, jieba's tag
/// for "other proper nouns".
pub const PROTECTED_TAG: &str = "nz";

/// Options for [`Segmenter::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentOptions {
    /// Use jieba's HMM for words not in the dictionary (default `true`; `--no-hmm` switches off).
    pub hmm: bool,
    /// Extra dictionaries in jieba's format (`--user-dict`, several allowed), loaded in order
    /// after the domain dictionary.
    pub user_dicts: Vec<PathBuf>,
    /// Load the built-in domain dictionary (default `true`).
    pub domain_dict: bool,
    /// Remember the tokens of each block (clause between punctuation) per thread and reuse
    /// them when the block comes again (default `true`; `--no-segment-cache` switches off).
    /// The output is the same either way; see the `cache` module.
    pub cache: bool,
}

impl Default for SegmentOptions {
    fn default() -> Self {
        SegmentOptions {
            hmm: true,
            user_dicts: Vec::new(),
            domain_dict: true,
            cache: true,
        }
    }
}

/// A loaded segmenter: build it once per run and share it (it is `Sync`) between threads.
///
/// The dictionaries load on a thread of their own (about 0.1 s for jieba's 350,000 words):
/// [`Segmenter::new`] returns once the user dictionaries are checked, so the caller can
/// read and clean the corpus meanwhile, and the first cut waits for the load to finish.
#[derive(Clone)]
pub struct Segmenter {
    jieba: std::sync::Arc<Loading>,
    hmm: bool,
    /// Whether blocks go through the per-thread cache.
    cache: bool,
    /// Names this segmenter's dictionary and HMM setting in the per-thread caches.
    id: u64,
}

/// Ids of segmenters, for the per-thread caches; a fresh one for every [`Segmenter::new`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("hmm", &self.hmm)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

impl Segmenter {
    /// Loads jieba's default dictionary, then the domain dictionary (unless switched off), then
    /// each user dictionary, in the background (see [`Segmenter`]). The user dictionaries are
    /// read and checked first: errors name the user dictionary and the line.
    pub fn new(options: &SegmentOptions) -> Result<Segmenter> {
        let mut entries: Vec<OwnedEntry> = Vec::new();
        if options.domain_dict {
            owned_entries(
                &mut entries,
                &parse_dict(Path::new("data/dict/domain.txt"), DOMAIN_DICT)?,
            );
        }
        for path in &options.user_dicts {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::at_offset(
                    path,
                    e.utf8_error().valid_up_to() as u64,
                    "user dictionary is not valid UTF-8",
                )
            })?;
            owned_entries(&mut entries, &parse_dict(path, &text)?);
        }
        Ok(Segmenter {
            jieba: std::sync::Arc::new(Loading::start(entries)),
            hmm: options.hmm,
            cache: options.cache,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// Whether the HMM is used for unknown words.
    pub fn hmm(&self) -> bool {
        self.hmm
    }

    /// Bare jieba-rs `cut` with this segmenter's dictionary and HMM setting (used as the speed
    /// reference).
    pub fn cut_plain<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.jieba
            .get()
            .cut(text, self.hmm)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// Cuts `text`; occurrences of the `protected` strings come out as single tokens
    /// (leftmost-longest, non-overlapping) and the text between them is cut normally.
    /// Compiles the protected set on each call: for many documents build a [`Protected`] once
    /// and use [`Segmenter::cut_protected`].
    pub fn cut<'a>(&self, text: &'a str, protected: &[&str]) -> Vec<&'a str> {
        if protected.is_empty() {
            return self.cut_plain(text);
        }
        self.cut_protected(text, &Protected::new(protected))
    }

    /// Like [`Segmenter::cut`] with a precompiled protected set.
    pub fn cut_protected<'a>(&self, text: &'a str, protected: &Protected) -> Vec<&'a str> {
        let mut out = Vec::with_capacity(text.len() / 4);
        self.for_each_token(text, protected, |t| out.push(t));
        out
    }

    /// Calls `emit` for each token of `text` in order, without collecting them (the counting
    /// path of [`crate::terms`]). The tokens are those of [`Segmenter::cut_protected`].
    pub fn for_each_token<'a>(
        &self,
        text: &'a str,
        protected: &Protected,
        mut emit: impl FnMut(&'a str),
    ) {
        let mut pos = 0;
        for (start, end) in protected.find_iter(text) {
            if start > pos {
                self.cut_span(&text[pos..start], &mut emit);
            }
            emit(&text[start..end]);
            pos = end;
        }
        if pos < text.len() {
            self.cut_span(&text[pos..], &mut emit);
        }
    }

    /// The distinct tokens of `text` (as [`Segmenter::for_each_token`] gives them) with their
    /// counts, in no particular order (sort them). With the block cache on, a repeated
    /// clause costs a lookup and one array increment per token.
    pub fn count_tokens<'a>(&self, text: &'a str, protected: &Protected) -> Vec<(&'a str, u64)> {
        self.count_selected(text, protected, &Selection::all()).kept
    }

    /// The distinct tokens of `text` that `sel` keeps, with their counts, in no particular
    /// order, and the number of word tokens by `sel`: the counts of
    /// [`Segmenter::count_tokens`], sorted by a verdict per distinct token. With the block
    /// cache on, the verdicts are remembered per thread for the selection's key.
    pub fn count_selected<'a>(
        &self,
        text: &'a str,
        protected: &Protected,
        sel: &Selection<'_>,
    ) -> Selected<'a> {
        if self.cache {
            return cache::count_cached(
                self.jieba.get(),
                self.hmm,
                self.id,
                text,
                protected.find_iter(text),
                sel,
            );
        }
        cache::count_uncached(
            |emit| self.for_each_token(text, protected, emit),
            text.len() / 20,
            sel,
        )
    }

    /// jieba-rs `cut` of a span without protected strings, through the block cache when on.
    fn cut_span<'a>(&self, span: &'a str, emit: &mut impl FnMut(&'a str)) {
        if self.cache {
            cache::cut_cached(self.jieba.get(), self.hmm, self.id, span, emit);
        } else {
            self.jieba
                .get()
                .cut(span, self.hmm)
                .into_iter()
                .for_each(|t| emit(t.word));
        }
    }

    /// Cuts and tags `text` with jieba-rs's part-of-speech tagger (ICTCLAS-style tags as in
    /// jieba: `n`, `v`, `vn`, `nr`, `x` ...); protected strings get [`PROTECTED_TAG`].
    pub fn tag<'a>(&'a self, text: &'a str, protected: &Protected) -> Vec<(&'a str, &'a str)> {
        let mut out = Vec::with_capacity(text.len() / 4);
        let mut pos = 0;
        let tag_span = |s: &'a str, out: &mut Vec<(&'a str, &'a str)>| {
            out.extend(
                self.jieba
                    .get()
                    .tag(s, self.hmm)
                    .into_iter()
                    .map(|t| (t.word, t.tag)),
            );
        };
        for (start, end) in protected.find_iter(text) {
            if start > pos {
                tag_span(&text[pos..start], &mut out);
            }
            out.push((&text[start..end], PROTECTED_TAG));
            pos = end;
        }
        if pos < text.len() {
            tag_span(&text[pos..], &mut out);
        }
        out
    }
}

/// A dictionary entry that can move to the loading thread: word, frequency, tag.
type OwnedEntry = (String, Option<usize>, Option<String>);

fn owned_entries(out: &mut Vec<OwnedEntry>, entries: &[DictEntry<'_>]) {
    out.extend(
        entries
            .iter()
            .map(|e| (e.word.to_string(), e.freq, e.tag.map(str::to_string))),
    );
}

/// jieba with jieba's default dictionary and then `entries`, added in order (a word without
/// a frequency gets the one jieba suggests from the words before it).
fn build(entries: &[OwnedEntry]) -> Jieba {
    let mut jieba = Jieba::new();
    for (word, freq, tag) in entries {
        jieba.add_word(word, *freq, tag.as_deref());
    }
    jieba
}

/// A jieba being built on a thread of its own, and then the built jieba.
struct Loading {
    built: std::sync::OnceLock<Jieba>,
    /// The loading thread, until the first [`Loading::get`] joins it.
    pending: std::sync::Mutex<Option<std::thread::JoinHandle<Jieba>>>,
    /// What the thread builds from, to build again here if it could not be started.
    entries: Vec<OwnedEntry>,
}

impl Loading {
    fn start(entries: Vec<OwnedEntry>) -> Loading {
        let copy = entries.clone();
        let pending = std::thread::Builder::new()
            .name("tifa-dictionary".into())
            .spawn(move || build(&copy))
            .ok();
        Loading {
            built: std::sync::OnceLock::new(),
            pending: std::sync::Mutex::new(pending),
            entries,
        }
    }

    /// The built jieba, waiting for the loading thread the first time (other callers wait
    /// for that one).
    fn get(&self) -> &Jieba {
        self.built.get_or_init(|| {
            let handle = self
                .pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            match handle.map(std::thread::JoinHandle::join) {
                Some(Ok(jieba)) => jieba,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => build(&self.entries),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(&SegmentOptions::default()).unwrap()
    }

    #[test]
    fn segmenter_is_sync_and_send() {
        fn check<T: Sync + Send>() {}
        check::<Segmenter>();
    }

    #[test]
    fn domain_dictionary_joins_terms() {
        let s = seg();
        let toks = s.cut("坚持党建引领，推进基层治理和乡村振兴", &[]);
        assert!(toks.contains(&"党建引领"), "{toks:?}");
        assert!(toks.contains(&"基层治理"), "{toks:?}");
        assert!(toks.contains(&"乡村振兴"), "{toks:?}");
        let bare = Segmenter::new(&SegmentOptions {
            domain_dict: false,
            ..Default::default()
        })
        .unwrap();
        assert!(!bare.cut("坚持党建引领", &[]).contains(&"党建引领"));
    }

    #[test]
    fn protected_strings_are_single_tokens() {
        let s = seg();
        let text = "构建1+5+N体系，推动三治融合，打造两区一中心，深化党建+网格";
        let toks = s.cut(text, &["1+5+N", "三治融合", "两区一中心", "党建+"]);
        for p in ["1+5+N", "三治融合", "两区一中心", "党建+"] {
            assert!(toks.contains(&p), "{p} missing in {toks:?}");
        }
        // Tokens cover the text exactly, in order.
        assert_eq!(toks.concat(), text);
        let plain = s.cut(text, &[]);
        assert!(!plain.contains(&"1+5+N"));
    }

    #[test]
    fn tagging_marks_protected() {
        let s = seg();
        let p = Protected::new(&["三治融合"]);
        let tags = s.tag("推动三治融合发展", &p);
        assert!(tags.contains(&("三治融合", PROTECTED_TAG)), "{tags:?}");
        let words: String = tags.iter().map(|t| t.0).collect();
        assert_eq!(words, "推动三治融合发展");
    }

    #[test]
    fn user_dict_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.txt");
        std::fs::write(&path, "好词 10 n\n坏词 ten\n").unwrap();
        let opts = SegmentOptions {
            user_dicts: vec![path.clone()],
            ..Default::default()
        };
        let msg = Segmenter::new(&opts).unwrap_err().to_string();
        assert!(msg.contains("mine.txt") && msg.contains(":2"), "{msg}");
        let missing = SegmentOptions {
            user_dicts: vec![dir.path().join("nope.txt")],
            ..Default::default()
        };
        assert!(Segmenter::new(&missing).is_err());
    }

    #[test]
    fn user_dict_adds_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.txt");
        std::fs::write(&path, "# mine\n红色驿站 2000 n\n").unwrap();
        let opts = SegmentOptions {
            user_dicts: vec![path],
            ..Default::default()
        };
        let s = Segmenter::new(&opts).unwrap();
        assert!(s.cut("建设红色驿站", &[]).contains(&"红色驿站"));
    }

    #[test]
    fn no_panic_on_odd_input() {
        let s = seg();
        for t in ["", " ", "\n\n", "\u{0}", "🙂🙂", "a+b+", "１＋５＋Ｎ"] {
            let toks = s.cut(t, &["+", "a+b"]);
            assert_eq!(toks.concat(), t);
        }
    }
}
