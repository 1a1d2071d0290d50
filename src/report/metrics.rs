//! The `metrics.json` value of the report.
//!
//! The per-document rows (`corpus.documents`, `corpus.cleaning`) are not turned into a
//! `serde_json::Value`: that tree costs about 2.7 KB per document, which on a corpus of
//! many short documents dominated peak memory (200,000 documents of 600 characters: 1.26 GB).
//! The value holds `null` in their place and [`Metrics`] writes the rows there as it reads
//! them back from the report's row spill (a temporary file on a large corpus), one at a time.

use super::analysis::Analysis;
use super::{ReportOptions, SCHEMA};
use crate::pipeline::spill::Spilled;
use crate::pipeline::{DocRow, RowsJson};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Value};

/// `metrics.json` as written: the report's metrics value with the per-document rows put in
/// place of its two `null`s.
pub struct Metrics<'a> {
    pub(super) value: &'a Value,
    pub(super) rows: &'a Spilled<DocRow>,
}

impl Serialize for Metrics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Spliced {
            m: self,
            value: self.value,
            in_corpus: false,
        }
        .serialize(s)
    }
}

/// An object of the value, serialised with the rows in place: the top level (whose
/// `corpus` is spliced in turn) or `corpus` (whose `documents` and `cleaning` are the rows).
struct Spliced<'a> {
    m: &'a Metrics<'a>,
    value: &'a Value,
    in_corpus: bool,
}

impl Serialize for Spliced<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(obj) = self.value.as_object() else {
            return self.value.serialize(s);
        };
        let mut m = s.serialize_map(Some(obj.len()))?;
        for (k, v) in obj {
            match (self.in_corpus, k.as_str()) {
                (false, "corpus") => m.serialize_entry(
                    k,
                    &Spliced {
                        m: self.m,
                        value: v,
                        in_corpus: true,
                    },
                )?,
                (true, "documents") => m.serialize_entry(
                    k,
                    &RowsJson {
                        rows: self.m.rows,
                        row: DocRow::summary,
                    },
                )?,
                (true, "cleaning") => m.serialize_entry(
                    k,
                    &RowsJson {
                        rows: self.m.rows,
                        row: DocRow::cleaning,
                    },
                )?,
                _ => m.serialize_entry(k, v)?,
            }
        }
        m.end()
    }
}

/// `metrics.json`: the options used, the corpus summary and cleaning report, terms,
/// keyness, slogans and co-occurrence (the field names of the commands' `--format json`),
/// with `null` for the per-document rows (see [`Metrics`]).
pub(super) fn metrics(opts: &ReportOptions, a: &Analysis) -> Value {
    json!({
        "schema": SCHEMA,
        "tifa_version": env!("CARGO_PKG_VERSION"),
        "options": options(opts),
        "corpus": {
            "summary": {
                "documents": a.rows.len(),
                "groups": a.group_docs,
                "fields": a.fields,
                "encodings": a.encodings,
                "chars": a.chars,
                "clean_chars": a.clean_chars,
                "tokens": a.tokens,
                "skipped": a.skipped.len(),
            },
            "documents": null,
            "skipped": a.skipped,
            "cleaning": null,
        },
        "terms": a.term_top,
        "keyness": { "over": a.key_over, "under": a.key_under },
        "slogans": a.slogans_json,
        "cooccur": {
            "group_item": a.group_item,
            "group_group": a.similarity,
            "item_item": { "contexts": a.contexts, "pairs": a.pairs },
        },
    })
}

/// The `options` section: what the report was made with.
fn options(opts: &ReportOptions) -> Value {
    let c = &opts.clean;
    let t = &opts.terms;
    json!({
        "corpus": opts.corpus.display().to_string(),
        "group_by": opts.group_by,
        "text_column": opts.load.text_column,
        "encoding": opts.load.encoding,
        "skip_bad": opts.load.skip_bad,
        "clean": {
            "markup": c.markup, "width": c.width, "simplify": c.simplify, "pinyin": c.pinyin,
            "rejoin": c.rejoin, "dedup": c.dedup, "drop_nontext": c.drop_nontext,
        },
        "terms": {
            "hmm": t.hmm,
            "user_dict": t.user_dict.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "domain_dict": t.domain_dict,
            "stopwords": t.stopwords.as_ref().map(|p| p.display().to_string()),
            "keep_stopwords": t.keep_stopwords,
            "min_chars": t.min_chars,
            "pos": t.pos,
            "lexicon": t.lexicon,
        },
        "top": opts.top,
        "keyness_measure": "G2",
        "similarity_measure": "jaccard",
        "pair_window": "sentence",
        "pair_min_count": 2,
        "pairs": opts.pairs,
    })
}
