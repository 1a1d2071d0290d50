//! The `metrics.json` value of the report.

use super::analysis::Analysis;
use super::{ReportOptions, SCHEMA};
use serde_json::{json, Value};

/// `metrics.json`: the options used, the corpus summary and cleaning report, terms,
/// keyness, slogans and co-occurrence (the field names of the commands' `--format json`).
pub(super) fn metrics(opts: &ReportOptions, a: &Analysis) -> Value {
    json!({
        "schema": SCHEMA,
        "tifa_version": env!("CARGO_PKG_VERSION"),
        "options": options(opts),
        "corpus": {
            "summary": {
                "documents": a.documents.len(),
                "groups": a.group_docs,
                "fields": a.fields,
                "encodings": a.encodings,
                "chars": a.chars,
                "clean_chars": a.clean_chars,
                "tokens": a.tokens,
                "skipped": a.skipped.len(),
            },
            "documents": a.documents,
            "skipped": a.skipped,
            "cleaning": a.cleaning,
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
            "width": c.width, "simplify": c.simplify, "pinyin": c.pinyin,
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
