//! Offsets from cleaned text back into the raw (decoded) text.
//!
//! Cleaning deletes, replaces and rejoins text, so a byte offset in the cleaned text is not
//! the offset of the same character in the raw text. An [`OffsetMap`] records, for every
//! place where the difference between the two changes, an anchor `(clean, raw)`; between
//! anchors the two advance together. Lookups are a binary search. Maps are built with
//! [`MapBuilder`], which every cleaning step uses to emit its output, so that steps compose:
//! a step's input already carries a map to the raw text, and the builder translates.

/// The anchors `(clean, raw)` and replaced runs `(clean_start, clean_end, raw_end)` of an
/// [`OffsetMap`].
pub(crate) type MapParts<'a> = (&'a [(usize, usize)], &'a [(usize, usize, usize)]);

/// A piecewise map from byte offsets in cleaned text to byte offsets in the raw text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(clean, raw)` anchors, strictly increasing in `clean`.
    anchors: Vec<(usize, usize)>,
    /// Replaced runs `(clean_start, clean_end, raw_end)`, increasing: text that stands for
    /// raw text of another length (１ → 1), so the end of a range inside one maps to the end
    /// of the raw text it replaced, not into the middle of a character.
    replaced: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// The anchors and replaced runs (for [`crate::pipeline`]'s spill file).
    pub(crate) fn parts(&self) -> MapParts<'_> {
        (&self.anchors, &self.replaced)
    }

    /// A map from the parts [`OffsetMap::parts`] returned.
    pub(crate) fn from_parts(
        anchors: Vec<(usize, usize)>,
        replaced: Vec<(usize, usize, usize)>,
    ) -> OffsetMap {
        OffsetMap { anchors, replaced }
    }

    /// The identity map (cleaned text equals raw text).
    pub fn identity() -> OffsetMap {
        OffsetMap {
            anchors: vec![(0, 0)],
            replaced: Vec::new(),
        }
    }

    /// The raw byte offset of the cleaned byte offset `clean`.
    pub fn to_raw(&self, clean: usize) -> usize {
        let i = self.anchors.partition_point(|&(c, _)| c <= clean);
        if i == 0 {
            return clean;
        }
        let (c, r) = self.anchors[i - 1];
        r + (clean - c)
    }

    /// The raw byte range of a cleaned byte range. The end maps to the raw offset of the
    /// last byte plus one, so deleted text after the range is not included.
    pub fn range_to_raw(&self, clean: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.to_raw(clean.start);
        if clean.end <= clean.start {
            return start..start;
        }
        let end = self.end_to_raw(clean.end);
        start..end.max(start)
    }

    /// The raw offset just past the raw text of the cleaned bytes before `clean_end`.
    fn end_to_raw(&self, clean_end: usize) -> usize {
        let last = clean_end - 1;
        let i = self.replaced.partition_point(|&(s, _, _)| s <= last);
        if i > 0 {
            let (s, e, raw_end) = self.replaced[i - 1];
            if last >= s && last < e {
                return raw_end;
            }
        }
        self.to_raw(last) + 1
    }

    /// The number of anchors (a measure of how much cleaning changed).
    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    /// True when the map has no anchors (an empty document).
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }
}

/// Builds cleaned text together with its [`OffsetMap`] to the raw text.
///
/// `src` is the map of the step's input (to raw); `push_copy` copies input bytes, keeping
/// their mapping, and `push_replaced` emits new text that stands for an input range.
#[derive(Debug)]
pub struct MapBuilder<'a> {
    src: &'a OffsetMap,
    text: String,
    anchors: Vec<(usize, usize)>,
    replaced: Vec<(usize, usize, usize)>,
}

impl<'a> MapBuilder<'a> {
    /// A builder for a step whose input maps to raw text by `src`.
    pub fn new(src: &'a OffsetMap, capacity: usize) -> MapBuilder<'a> {
        MapBuilder {
            src,
            text: String::with_capacity(capacity),
            anchors: Vec::new(),
            replaced: Vec::new(),
        }
    }

    fn anchor(&mut self, raw: usize) {
        let clean = self.text.len();
        if let Some(&(c, r)) = self.anchors.last() {
            if r + (clean - c) == raw {
                return; // continues the current run
            }
            if c == clean {
                self.anchors.pop();
                if let Some(&(c2, r2)) = self.anchors.last() {
                    if r2 + (clean - c2) == raw {
                        return;
                    }
                }
            }
        }
        self.anchors.push((clean, raw));
    }

    /// Copies `s`, which stands at byte offset `input_at` of the step's input, unchanged.
    pub fn push_copy(&mut self, s: &str, input_at: usize) {
        if s.is_empty() {
            return;
        }
        // Input anchors inside the copied range must be carried over.
        let a = &self.src.anchors;
        let first = a.partition_point(|&(c, _)| c <= input_at);
        self.anchor(self.src.to_raw(input_at));
        let end = input_at + s.len();
        let mut i = first;
        let mut copied = 0;
        while i < a.len() && a[i].0 < end {
            let (c, r) = a[i];
            let upto = c - input_at;
            self.text.push_str(&s[copied..upto]);
            copied = upto;
            self.anchor(r);
            i += 1;
        }
        self.text.push_str(&s[copied..]);
        // Replaced runs of the input inside the copied range stay replaced runs.
        let r = &self.src.replaced;
        let shift = self.text.len() - s.len();
        let mut j = r.partition_point(|&(_, e, _)| e <= input_at);
        while j < r.len() && r[j].0 < end {
            let (rs, re, raw_end) = r[j];
            let cs = rs.max(input_at) - input_at + shift;
            let ce = re.min(end) - input_at + shift;
            if ce > cs {
                self.replaced.push((cs, ce, raw_end));
            }
            j += 1;
        }
    }

    /// Emits `s` in place of the input range starting at `input_at` (all of `s` maps to
    /// the raw offset of `input_at`, so a replacement of one character by another of a
    /// different width still points at the original character).
    pub fn push_replaced(&mut self, s: &str, input_at: usize) {
        self.push_replacing(s, input_at..input_at);
    }

    /// Emits `s` in place of the input range `input` (e.g. `1` for the full-width `１`):
    /// `s` maps to the raw offset of `input.start`, and the end of any range within `s`
    /// maps to the raw end of `input`.
    pub fn push_replacing(&mut self, s: &str, input: std::ops::Range<usize>) {
        if s.is_empty() {
            return;
        }
        let raw = self.src.to_raw(input.start);
        let raw_end = if input.end > input.start {
            self.src.range_to_raw(input).end
        } else {
            raw
        };
        self.anchor(raw);
        let start = self.text.len();
        self.text.push_str(s);
        // Following text must start a new run: anchor the end explicitly.
        let clean = self.text.len();
        let next = if raw_end > raw {
            raw_end
        } else {
            raw + s.len()
        };
        self.anchors.push((clean, next));
        if input_nonempty(raw, raw_end) {
            self.replaced.push((start, clean, raw_end));
        }
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Finishes: the cleaned text and its map to the raw text.
    pub fn finish(mut self) -> (String, OffsetMap) {
        // A trailing anchor at the very end stays: it maps the end of the text.
        if self.anchors.is_empty() {
            self.anchors.push((0, 0));
        }
        (
            self.text,
            OffsetMap {
                anchors: self.anchors,
                replaced: self.replaced,
            },
        )
    }
}

fn input_nonempty(raw: usize, raw_end: usize) -> bool {
    raw_end > raw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_and_replacement_map_back() {
        // raw: "發(fā)展１２" ; clean: "發展12"
        let raw = "發(fā)展１２";
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, raw.len());
        b.push_copy("發", 0);
        // skip "(fā)" (1 + 3 + 1 = 5 bytes: '(' 'f' 'ā'(2) ')')
        let zhan = raw.find('展').unwrap();
        b.push_copy("展", zhan);
        let one = raw.find('１').unwrap();
        b.push_replaced("1", one);
        b.push_replaced("2", one + 3);
        let (text, map) = b.finish();
        assert_eq!(text, "發展12");
        assert_eq!(map.to_raw(0), 0);
        assert_eq!(map.to_raw(3), zhan);
        assert_eq!(map.to_raw(6), one);
        assert_eq!(map.to_raw(7), one + 3);
        assert_eq!(&raw[map.range_to_raw(3..6)], "展");
    }

    #[test]
    fn steps_compose() {
        // Step 1 deletes "xx" from "abxxcd"; step 2 deletes "b" from "abcd".
        let raw = "abxxcd";
        let id = OffsetMap::identity();
        let mut b = MapBuilder::new(&id, 6);
        b.push_copy("ab", 0);
        b.push_copy("cd", 4);
        let (t1, m1) = b.finish();
        assert_eq!(t1, "abcd");
        let mut b = MapBuilder::new(&m1, 4);
        b.push_copy("a", 0);
        b.push_copy("cd", 2);
        let (t2, m2) = b.finish();
        assert_eq!(t2, "acd");
        assert_eq!(&raw[m2.to_raw(1)..m2.to_raw(1) + 1], "c");
        assert_eq!(&raw[m2.to_raw(2)..m2.to_raw(2) + 1], "d");
    }
}
