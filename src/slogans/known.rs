//! Corpus-level recognition: slogans quoted somewhere in the corpus are also counted where
//! they stand unquoted (红色物业 quoted in two articles, unquoted in a third).

use super::form_index::FormIndex;
use super::numerals::is_numeral;
use super::{Kind, Mention};
use std::collections::BTreeMap;

/// The precision guards of [`recognise_known_with`]: which quoted forms are searched for
/// unquoted.
///
/// A form is searched when it has at least `min_chars` characters and either was quoted in at
/// least `min_docs` documents or has at least `min_chars_single` characters. The default
/// (3 characters; 2 documents or 5 characters) was chosen on the seeds and the held-out
/// provincial reports (`tests/slogans_gold.rs`, `corpus_pass_guards`): on the five seeds it
/// finds the unquoted 红色物业 of 004 at precision 275/276, while allowing 4-character forms
/// quoted once adds ordinary phrases such as 项目建设 (277/280), and dropping the guard
/// (2 characters, any) adds 全覆盖, 大合力, 强起来, 堵点 … (277/288). On the held-out texts
/// no guard changed precision. Numeral pairs quoted in two documents (两新, 两委; added
/// after a held-out batch of local reports missed four unquoted 两新组织) change none of
/// these figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownGuard {
    /// Shortest form searched, in characters.
    pub min_chars: usize,
    /// A form quoted in at least this many documents is searched (if `min_chars` long).
    pub min_docs: usize,
    /// A form quoted in fewer documents is searched when at least this many characters long.
    pub min_chars_single: usize,
    /// Shortest numeral compound searched, in characters: a numeral other than 一 and one
    /// more character (两新, 两委, 四风) is a name, where other two-character quotations
    /// (堵点, 全覆盖's 覆盖) are ordinary words. It too must be quoted in `min_docs`
    /// documents.
    pub min_chars_compound: usize,
}

impl Default for KnownGuard {
    fn default() -> Self {
        KnownGuard {
            min_chars: 3,
            min_docs: 2,
            min_chars_single: 5,
            min_chars_compound: 2,
        }
    }
}

/// Adds unquoted mentions (`quoted: false`) of forms extracted as quoted somewhere in the
/// corpus, with the default [`KnownGuard`], and of the numbered formulations a document
/// quotes where that document repeats them unquoted ([`KnownForms::apply`]). `texts[i]` is
/// the cleaned text `mentions[i]` was extracted from; extra texts or mention lists without a
/// partner are ignored.
///
/// Only forms that stand literally in the text are searched (the surface equals the
/// normalised form: not joined split quotes “打虎”、“拍蝇”, not digit codes named from
/// “365工作法”), and never digit codes (an unquoted 136 is a number). A new mention never
/// overlaps an existing one; among overlapping candidates the leftmost, then longest, wins. Each
/// new mention takes the kind most often given to its quoted form (ties: the first in
/// [`Kind`] order). Each list stays ordered by start offset (then end). One pass per text,
/// with the forms indexed by their first character.
///
/// This is [`KnownCollector`] then [`KnownForms::apply`], which a streaming pipeline calls
/// in two passes over the corpus.
pub fn recognise_known(texts: &[&str], mentions: &mut [Vec<Mention>]) {
    recognise_known_with(texts, mentions, KnownGuard::default());
}

/// [`recognise_known`] with explicit guards.
pub fn recognise_known_with(texts: &[&str], mentions: &mut [Vec<Mention>], guard: KnownGuard) {
    let mut collector = KnownCollector::default();
    for ms in mentions.iter().take(texts.len()) {
        collector.add(ms);
    }
    let forms = collector.finish(guard);
    for (text, ms) in texts.iter().zip(mentions.iter_mut()) {
        forms.apply(text, ms);
    }
}

/// The first pass of [`recognise_known`]: the quoted forms of each document, fed one
/// document at a time in corpus order.
#[derive(Debug, Default, Clone)]
pub struct KnownCollector {
    /// normalised form → (documents where it was quoted, the last such document, kinds).
    quoted: BTreeMap<String, (usize, usize, BTreeMap<Kind, usize>)>,
    /// Documents added so far.
    docs: usize,
}

impl KnownCollector {
    /// Records the quoted forms among one document's mentions.
    pub fn add(&mut self, mentions: &[Mention]) {
        let doc = self.docs;
        self.docs += 1;
        for m in mentions {
            // (Not a long list of phrases: it is counted where it is quoted.)
            if m.quoted && m.kind != Kind::Numeric && m.surface == m.normalized && m.is_token() {
                let e = match self.quoted.get_mut(m.normalized.as_str()) {
                    Some(e) => e,
                    None => self.quoted.entry(m.normalized.clone()).or_insert((
                        0,
                        usize::MAX,
                        BTreeMap::new(),
                    )),
                };
                if e.1 != doc {
                    e.0 += 1;
                    e.1 = doc;
                }
                *e.2.entry(m.kind).or_insert(0) += 1;
            }
        }
    }

    /// The forms to search for unquoted, chosen by `guard`.
    pub fn finish(self, guard: KnownGuard) -> KnownForms {
        let known: Vec<(String, Kind)> = self
            .quoted
            .into_iter()
            .filter_map(|(form, (docs, _, kinds))| {
                let kind = kinds
                    .iter()
                    .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                    .map_or(Kind::QuotedSlogan, |k| *k.0);
                let n = form.chars().count();
                let searched = if n < guard.min_chars {
                    n >= guard.min_chars_compound
                        && docs >= guard.min_docs
                        && kind == Kind::NumeralCompound
                        && is_numeral_pair(&form)
                } else {
                    docs >= guard.min_docs || n >= guard.min_chars_single
                };
                searched.then_some((form, kind))
            })
            .collect();
        let index = FormIndex::new(&known);
        KnownForms { known, index }
    }
}

/// True for a numeral other than 一 and one character that is no numeral: 两新, 四风; not
/// 一线 (一 opens ordinary words: 一线, 一流, 一体) nor 九五 (numerals alone).
fn is_numeral_pair(form: &str) -> bool {
    let mut cs = form.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None) => a != '一' && is_numeral(a) && !is_numeral(b),
        _ => false,
    }
}

/// The second pass of [`recognise_known`]: the forms quoted somewhere in the corpus, indexed
/// for search.
#[derive(Debug, Clone)]
pub struct KnownForms {
    known: Vec<(String, Kind)>,
    index: FormIndex,
}

impl KnownForms {
    /// Adds to `mentions` the unquoted occurrences of the known forms in `text` (the
    /// cleaned text the mentions were extracted from).
    /// Then, the same for this document's own numbered formulations that the guard left
    /// out: quoted here as they stand, three characters or more or a numeral pair (四风, not
    /// a count such as 五年), a name wherever this document repeats it.
    pub fn apply(&self, text: &str, mentions: &mut Vec<Mention>) {
        if !self.known.is_empty() {
            add_unquoted(text, mentions, &self.index, &self.known);
        }
        let local = local_forms(mentions, &self.known);
        if !local.is_empty() {
            add_unquoted(text, mentions, &FormIndex::new(&local), &local);
        }
    }

    /// The number of forms searched.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// True when no form is searched.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }
}

/// Units of time and of counting: a numeral and one of them is a plain count (过去五年,
/// 三天), however a document quotes it once (“五年”).
const COUNTED_UNITS: [char; 10] = ['年', '月', '日', '天', '周', '次', '个', '岁', '人', '名'];

/// The numbered formulations (numeral compounds and numbered lists: 三维建会, 四个一) that
/// `mentions` quote as they stand, at least three characters or a numeral pair (四风), and
/// that `known` (sorted by form) lacks, sorted by form. The corpus guard leaves out a short
/// form quoted in one document, which may be an ordinary phrase (项目建设); a numbered
/// formulation is a name, so the document that quotes it (省总工会探索“三维建会”模式) also
/// names it where it does not (“行业建会、集中入会、兜底建会”三维建会模式).
fn local_forms(mentions: &[Mention], known: &[(String, Kind)]) -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = mentions
        .iter()
        .filter(|m| {
            m.quoted
                && matches!(m.kind, Kind::NumeralCompound | Kind::NumberedList)
                && m.surface == m.normalized
                && m.is_token()
                && (m.normalized.chars().nth(2).is_some()
                    || (is_numeral_pair(&m.normalized) && !m.normalized.ends_with(COUNTED_UNITS)))
                && known
                    .binary_search_by(|(f, _)| f.as_str().cmp(m.normalized.as_str()))
                    .is_err()
        })
        .map(|m| (m.normalized.clone(), m.kind))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// True when `m`, an unquoted mention the rules found, gives way to the known `form` found
/// at `s..e`: it starts there and ends inside, and the corpus never quotes it. The rules
/// guess the end of an unquoted formula (四议两公 in the heading 四议两公开工作制度); a longer
/// form quoted elsewhere in the corpus is better evidence. A form the corpus quotes itself
/// (三会一课 before 制度, when “三会一课制度” is quoted too) stays.
fn gives_way(m: &Mention, s: usize, e: usize, known: &[(String, Kind)]) -> bool {
    !m.quoted
        && m.start == s
        && m.end < e
        && known
            .binary_search_by(|(f, _)| f.as_str().cmp(m.normalized.as_str()))
            .is_err()
}

/// Adds the forms found in `text` (leftmost, then longest; not overlapping each other) that
/// overlap no mention of `ms` (but a long list of phrases), or only one that [`gives_way`]
/// to them, which they replace.
/// `known` is sorted by form.
fn add_unquoted(text: &str, ms: &mut Vec<Mention>, index: &FormIndex, known: &[(String, Kind)]) {
    ms.sort_by_key(|m| (m.start, m.end));
    // max_end[i]: the largest end among ms[..=i], so overlap is one binary search.
    let mut max_end = Vec::with_capacity(ms.len());
    // A long quoted list of phrases (not a token: [`Mention::is_token`]) may hold a known
    // form (…、开源节流、三资盘活、…): it overlaps nothing.
    let mut run = 0;
    for m in ms.iter() {
        if m.is_token() {
            run = run.max(m.end);
        }
        max_end.push(run);
    }
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    // One pass over the bytes: each character boundary is tried; after a match the scan
    // resumes at its end.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some((start, i)) = index.next_match(bytes, at, known) {
        at = start;
        let (form, kind) = &known[i];
        let (s, e) = (at, at + form.len());
        at = e;
        let before = ms.partition_point(|m| m.start < e);
        if before > 0 && max_end[before - 1] > s {
            // The mentions overlapping s..e: those of ms[..before] ending after s, found
            // going back while the running maximum of their ends is past s.
            let mut overlapping = (0..before)
                .rev()
                .take_while(|&j| max_end[j] > s)
                .filter(|&j| ms[j].end > s && ms[j].is_token());
            match (overlapping.next(), overlapping.next()) {
                (Some(j), None) if gives_way(&ms[j], s, e, known) => replaced.push(j),
                _ => continue,
            }
        }
        added.extend(Mention::new(text, s, e, form.clone(), *kind, false));
    }
    if !added.is_empty() {
        if !replaced.is_empty() {
            let mut j = 0;
            ms.retain(|_| {
                j += 1;
                replaced.binary_search(&(j - 1)).is_err()
            });
        }
        ms.extend(added);
        ms.sort_by_key(|m| (m.start, m.end));
    }
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn run(texts: &[&str]) -> Vec<Vec<(String, bool)>> {
        let mut ms: Vec<Vec<Mention>> = texts.iter().map(|t| extract(t)).collect();
        recognise_known(texts, &mut ms);
        ms.into_iter()
            .map(|v| v.into_iter().map(|m| (m.normalized, m.quoted)).collect())
            .collect()
    }

    #[test]
    fn quoted_in_two_documents_counts_unquoted_in_a_third() {
        let out = run(&[
            "推进“红色物业”。",
            "打造“红色物业”。",
            "发展红色物业,红色物业好。",
        ]);
        // Third text: two unquoted 红色物业 (4 characters, quoted in 2 documents).
        assert_eq!(
            out[2],
            [
                ("红色物业".to_string(), false),
                ("红色物业".to_string(), false)
            ]
        );
        // The quoted occurrences are not doubled.
        assert_eq!(out[0], [("红色物业".to_string(), true)]);
    }

    #[test]
    fn guards() {
        // 两张皮: 3 characters, quoted in one document only → not searched.
        let out = run(&["防止“两张皮”。", "不搞两张皮。"]);
        assert!(out[1].is_empty());
        // Quoted in two documents → searched.
        let out = run(&["防止“两张皮”。", "杜绝“两张皮”。", "不搞两张皮。"]);
        assert_eq!(out[2], [("两张皮".to_string(), false)]);
        // 2 characters: not searched, however often quoted,
        let out = run(&["“网格”", "“网格”", "网格员"]);
        assert!(out[2].is_empty());
        // unless a numeral (not 一) and a character, quoted in two documents (拉萨,
        // scholarmate.com: 拉萨市共有606个两新组织党组织).
        let out = run(&["“两新”组织", "“两新”组织", "606个两新组织党组织"]);
        assert_eq!(out[2], [("两新".to_string(), false)]);
        let out = run(&["“两新”组织", "606个两新组织"]);
        assert!(out[1].is_empty());
        let out = run(&["“一线”", "“一线”", "一线城市"]);
        assert!(out[2].is_empty());
        // 4 characters quoted once: not searched (项目建设 is an ordinary phrase too).
        let out = run(&["抓好“项目建设”。", "推进项目建设。"]);
        assert!(out[1].is_empty());
        // A numbered formulation quoted once: searched in the document that quotes it
        // (b82: “三维建会”模式 …兜底建会”三维建会模式), not in others.
        let out = run(&[
            "探索“三维建会”模式,推广三维建会经验。",
            "推广三维建会经验。",
        ]);
        assert_eq!(
            out[0],
            [
                ("三维建会".to_string(), true),
                ("三维建会".to_string(), false)
            ]
        );
        assert!(out[1].is_empty());
        // Not an ordinary phrase quoted once, nor a plain count.
        let out = run(&["抓好“项目建设”,推进项目建设。"]);
        assert_eq!(out[0].len(), 1);
        let out = run(&["这“五年”,过去五年。"]);
        assert_eq!(out[0].len(), 1);
        // 5 characters quoted once: searched, also in the same document.
        let out = run(&["打通“最后一公里”,走好最后一公里。"]);
        assert_eq!(out[0].len(), 2);
        assert!(!out[0][1].1);
    }

    #[test]
    fn no_overlap_with_existing_mentions_and_digit_codes_ignored() {
        // 三治融合 is found by the rules unquoted; it must not be added twice. The code 136
        // is never searched unquoted.
        let out = run(&["“三治融合”和“136”", "推进三治融合,136户"]);
        assert_eq!(out[1], [("三治融合".to_string(), false)]);
    }

    #[test]
    fn longest_form_wins() {
        // 红色物业 and 红色物业服务 both quoted in two documents: the longer one is taken
        // where both match, the shorter one elsewhere.
        let q = "“红色物业”“红色物业服务”";
        let out = run(&[q, q, "红色物业服务站,红色物业。"]);
        assert_eq!(
            out[2],
            [
                ("红色物业服务".to_string(), false),
                ("红色物业".to_string(), false)
            ]
        );
    }

    #[test]
    fn a_longer_quoted_form_replaces_an_unquoted_guess_it_extends() {
        // The rules take 四议两公 from the unquoted heading (numeral, one character, numeral,
        // one character); 四议两公开 is quoted in the text, so the heading counts it.
        let t = "四议两公开工作制度\n推行“四议两公开”工作法。";
        let out = run(&[t]);
        assert_eq!(
            out[0],
            [
                ("四议两公开".to_string(), false),
                ("四议两公开".to_string(), true)
            ]
        );
        // A guess that is a quoted form itself stays: 三会一课 before 制度.
        let q = "“三会一课”“三会一课制度”";
        let out = run(&[q, q, "落实三会一课制度。"]);
        assert_eq!(out[2], [("三会一课".to_string(), false)]);
    }

    #[test]
    fn empty_and_mismatched_inputs() {
        let mut ms: Vec<Vec<Mention>> = vec![];
        recognise_known(&[], &mut ms);
        let mut ms = vec![extract("“红色物业”"), Vec::new()];
        recognise_known(&["“红色物业”"], &mut ms);
        assert!(ms[1].is_empty());
    }
}

#[cfg(test)]
mod prop {
    use super::super::extract;
    use super::*;
    use proptest::prelude::*;

    /// The reference of [`add_unquoted`]: every character position in turn, the longest
    /// (then first) form of at least two characters found by comparing each form.
    fn add_unquoted_naive(text: &str, ms: &mut Vec<Mention>, known: &[(String, Kind)]) {
        let old = ms.clone();
        let mut resume = 0;
        for (at, _) in text.char_indices() {
            if at < resume {
                continue;
            }
            let best = known
                .iter()
                .filter(|(f, _)| f.chars().count() >= 2 && text[at..].starts_with(f.as_str()))
                .fold(None::<&(String, Kind)>, |b, f| match b {
                    Some(b) if b.0.len() >= f.0.len() => Some(b),
                    _ => Some(f),
                });
            let Some((form, kind)) = best else { continue };
            let (s, e) = (at, at + form.len());
            resume = e;
            let overlapping: Vec<&Mention> = old
                .iter()
                .filter(|m| m.is_token() && m.end > s && e > m.start)
                .collect();
            let known_form = |f: &str| known.iter().any(|(k, _)| k == f);
            let yields =
                |m: &Mention| !m.quoted && m.start == s && m.end < e && !known_form(&m.normalized);
            match overlapping[..] {
                [] => {}
                [m] if yields(m) => {
                    let m = m.clone();
                    ms.retain(|x| *x != m);
                }
                _ => continue,
            }
            ms.extend(Mention::new(text, s, e, form.clone(), *kind, false));
        }
        ms.sort_by_key(|m| (m.start, m.end));
    }

    proptest! {
        // The byte scan of the index against the reference, with forms in all three levels
        // of the index (2-3, 4-7 and 8 or more bytes).
        #[test]
        fn scan_equals_naive(
            text in "[一三红色物业服务融合“”+ab🙂，。]{0,40}",
            forms in proptest::collection::vec("[一三红色物业服务融合+ab🙂]{0,8}", 0..10),
        ) {
            // Sorted and distinct, as KnownCollector::finish gives them.
            let mut known: Vec<(String, Kind)> =
                forms.into_iter().map(|f| (f, Kind::QuotedSlogan)).collect();
            known.sort();
            known.dedup();
            let index = FormIndex::new(&known);
            let mut a = extract(&text);
            let mut b = a.clone();
            add_unquoted(&text, &mut a, &index, &known);
            add_unquoted_naive(&text, &mut b, &known);
            prop_assert_eq!(a, b);
        }

        // Random corpora of three texts: never a panic; every list ordered by start, offsets
        // on character boundaries, surface = text[start..end]; an added (unquoted) mention
        // overlaps no mention the rules found that is kept, and replaces at most one, an
        // unquoted one starting where it does.
        #[test]
        fn invariants(texts in proptest::collection::vec("[一三两红色物业服务融合“”、+0-9，。\n ]{0,40}", 3)) {
            // Two texts quote 红色物业 so that the pass has a form to search.
            let texts: Vec<String> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| if i < 2 { format!("“红色物业”{t}") } else { t.clone() })
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let before: Vec<Vec<Mention>> = refs.iter().map(|t| extract(t)).collect();
            let mut ms = before.clone();
            recognise_known(&refs, &mut ms);
            for ((t, after), old) in refs.iter().zip(&ms).zip(&before) {
                for w in after.windows(2) {
                    prop_assert!((w[0].start, w[0].end) <= (w[1].start, w[1].end));
                }
                for m in after {
                    prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
                    prop_assert_eq!(&t[m.start..m.end], m.surface.as_str());
                    if !old.contains(m) {
                        prop_assert!(!m.quoted);
                        let overlapped: Vec<&Mention> = old
                            .iter()
                            .filter(|o| o.end > m.start && m.end > o.start)
                            .collect();
                        prop_assert!(overlapped.len() <= 1);
                        for o in overlapped {
                            prop_assert!(!after.contains(o) && !o.quoted && o.start == m.start);
                        }
                    }
                }
            }
        }
    }
}
