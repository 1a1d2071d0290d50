//! The pipeline that every subcommand shares: load → clean (in parallel, one pass per
//! document) → cross-document de-duplication (sequential, in document order, so the result
//! does not depend on the thread count) → the analyses.
//!
//! Two drivers give the same documents: [`stream::run`] (a batch at a time, memory bounded
//! by the batch and the accumulators: the commands use it) and [`prepare`] + [`analyse`]
//! (the whole corpus in memory: for library users and tests). [`cleaning::clean_stream`]
//! streams the cleaned documents alone, for the commands that analyse nothing (`corpus`,
//! `clean`, `kwic`).

pub mod cleaning;
mod rows;
pub mod spill;
pub mod stream;

pub use rows::{
    cleaning_row, summarize, CleaningRow, DocRow, DocSummary, RowsJson, ROW_SPILL_BYTES,
};

use crate::clean::{self, CleanOptions, Cleaned};
use crate::load::{Corpus, Document};
use rayon::prelude::*;

/// A document with its cleaned text.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The loaded document (metadata and raw text).
    pub doc: Document,
    /// The cleaned text, its offsets into `doc.raw`, and what cleaning changed.
    pub clean: Cleaned,
    /// Characters of the raw text (the streaming pipeline drops `doc.raw` after cleaning).
    pub raw_chars: usize,
}

/// Cleans every document of `corpus` (in parallel), then removes material repeated across
/// documents (first copy wins, in document order).
pub fn prepare(corpus: Corpus, opts: &CleanOptions) -> Vec<Prepared> {
    let mut docs: Vec<Prepared> = corpus
        .documents
        .into_par_iter()
        .map(|doc| {
            let clean = clean::clean(&doc.raw, opts);
            let raw_chars = doc.raw.chars().count();
            Prepared {
                doc,
                clean,
                raw_chars,
            }
        })
        .collect();
    if opts.dedup {
        let ids: Vec<String> = docs.iter().map(|p| p.doc.id.clone()).collect();
        let mut cleaned: Vec<Cleaned> = docs
            .iter_mut()
            .map(|p| std::mem::replace(&mut p.clean, empty_cleaned()))
            .collect();
        clean::dedup_across(&mut cleaned, &ids);
        for (p, c) in docs.iter_mut().zip(cleaned) {
            p.clean = c;
        }
    }
    docs
}

fn empty_cleaned() -> Cleaned {
    Cleaned {
        text: String::new(),
        paragraphs: Vec::new(),
        map: crate::offsets::OffsetMap::identity(),
        script: clean::Script::Unknown,
        report: clean::CleanReport::default(),
    }
}

/// The group label of a document for `--group-by FIELD` (`(none)` when the field is
/// missing or empty, so that every document belongs to exactly one group).
pub fn group_of<'a>(doc: &'a Document, field: &str) -> &'a str {
    if field == "id" {
        return &doc.id;
    }
    if field == "file" {
        return &doc.file;
    }
    match doc.fields.get(field) {
        Some(v) if !v.trim().is_empty() => v.as_str(),
        _ => NO_GROUP,
    }
}

/// The group of documents that lack the `--group-by` field.
pub const NO_GROUP: &str = "(none)";

/// The warning due when no document has the `--group-by` field `group_by`: all of them then
/// fall into the one group [`NO_GROUP`], so nothing is compared across groups, which is
/// rarely what was meant (the default field `region` on a corpus without it). `fields` are
/// the corpus's metadata field names; `None` when some document has the field, when the
/// field is `id` or `file` (every document has those), or when there are fewer than two
/// documents (nothing to compare: a single article is analysed as it is).
pub fn missing_group_field(group_by: &str, fields: &[String], documents: usize) -> Option<String> {
    if documents < 2
        || group_by == "id"
        || group_by == "file"
        || fields.iter().any(|f| f == group_by)
    {
        return None;
    }
    let hint = if fields.is_empty() {
        "the corpus has no metadata fields: add a manifest (corpus.csv with id,file and a field \
         such as region) or use --group-by file"
            .to_string()
    } else {
        format!(
            "choose one of its fields with --group-by ({})",
            fields.join(", ")
        )
    };
    Some(format!(
        "no document has a `{group_by}` field, so all {documents} documents are in one group `{NO_GROUP}`; {hint}"
    ))
}

/// The lower-case name of a script.
pub fn script_name(s: clean::Script) -> &'static str {
    match s {
        clean::Script::Simplified => "simplified",
        clean::Script::Traditional => "traditional",
        clean::Script::Unknown => "unknown",
    }
}

/// A prepared document with its formulations (提法) and, when segmentation ran, its terms.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The document and its cleaned text.
    pub prepared: Prepared,
    /// The document's group (`--group-by` field value, or [`NO_GROUP`]).
    pub group: String,
    /// The document's date field (`date`, else `publish_date`, else `year`), if any.
    pub date: Option<String>,
    /// Formulations and slogans found in the cleaned text, in text order.
    pub mentions: Vec<crate::slogans::Mention>,
    /// Term counts, when segmentation ran (formulations are single protected tokens).
    pub terms: Option<crate::terms::DocTerms>,
}

/// Segmentation and term filtering for the analysis stage.
#[derive(Debug)]
pub struct TermSetup {
    /// The segmenter (dictionary loaded once per run).
    pub segmenter: crate::segment::Segmenter,
    /// Which tokens count as terms.
    pub filter: crate::terms::TermFilter,
}

/// What the analysis stage does.
#[derive(Debug, Clone)]
pub struct AnalyseOptions {
    /// The metadata field that defines groups.
    pub group_by: String,
    /// Also find established formulations of the built-in lexicon (`data/formulations.tsv`)
    /// where they stand unquoted.
    pub lexicon: bool,
}

/// The date of a document: its `date` field, else `publish_date`, else `year`.
pub fn date_of(doc: &Document) -> Option<String> {
    ["date", "publish_date", "year"]
        .iter()
        .filter_map(|f| doc.fields.get(*f))
        .find(|v| !v.trim().is_empty())
        .map(|v| v.trim().to_string())
}

/// Runs the per-document analyses on prepared documents: formulation extraction, the corpus
/// pass (a slogan quoted anywhere is also found where it stands unquoted), then (with
/// `terms`) segmentation in which every formulation found is one protected token. Documents are processed in parallel; the output order is the input
/// order, whatever the thread count. Each document is cleaned, scanned and segmented once.
pub fn analyse(
    docs: Vec<Prepared>,
    opts: &AnalyseOptions,
    terms: Option<&TermSetup>,
) -> Vec<Analysed> {
    let lexicon = opts.lexicon.then(crate::slogans::Lexicon::builtin);
    let mut out: Vec<Analysed> = docs
        .into_par_iter()
        .map(|prepared| {
            let text = &prepared.clean.text;
            let mentions = match &lexicon {
                Some(l) => crate::slogans::extract_with_lexicon(text, l),
                None => crate::slogans::extract(text),
            };
            Analysed {
                group: group_of(&prepared.doc, &opts.group_by).to_string(),
                date: date_of(&prepared.doc),
                prepared,
                mentions,
                terms: None,
            }
        })
        .collect();
    // Corpus pass: a slogan quoted somewhere is also counted where it stands unquoted.
    {
        let mut mentions: Vec<Vec<crate::slogans::Mention>> = out
            .iter_mut()
            .map(|d| std::mem::take(&mut d.mentions))
            .collect();
        let texts: Vec<&str> = out.iter().map(|d| d.prepared.clean.text.as_str()).collect();
        crate::slogans::recognise_known(&texts, &mut mentions);
        for (d, m) in out.iter_mut().zip(mentions) {
            d.mentions = m;
        }
    }
    if let Some(setup) = terms {
        let counted: Vec<crate::terms::DocTerms> = out
            .par_iter()
            .map(|d| count_terms(setup, &d.prepared.clean.text, &d.mentions))
            .collect();
        for (d, t) in out.iter_mut().zip(counted) {
            d.terms = Some(t);
        }
    }
    out
}

/// Segments `text` once and counts its terms, with the document's formulations as protected
/// tokens: after the corpus pass they include every occurrence of a form known anywhere in
/// the corpus, so no second search is needed.
pub fn count_terms(
    setup: &TermSetup,
    text: &str,
    mentions: &[crate::slogans::Mention],
) -> crate::terms::DocTerms {
    let protected = crate::segment::Protected::at_spans(
        mentions
            .iter()
            .filter(|m| m.is_token())
            .map(|m| (m.start, m.end))
            .collect(),
    );
    crate::terms::DocTerms::count(&setup.segmenter, &setup.filter, text, &protected)
}

/// The term inputs of the frequency and keyness tables (empty terms where segmentation did
/// not run).
pub fn term_inputs(docs: &[Analysed]) -> Vec<crate::terms::DocInput> {
    docs.iter()
        .map(|d| crate::terms::DocInput {
            id: d.prepared.doc.id.clone(),
            group: d.group.clone(),
            terms: d.terms.clone().unwrap_or_else(|| {
                crate::terms::DocTerms::from_counts(Vec::<(String, u64)>::new(), 0)
            }),
        })
        .collect()
}

/// The groups of the analysed documents in first-seen (corpus) order.
pub fn groups(docs: &[Analysed]) -> Vec<String> {
    let mut seen = indexmap::IndexSet::new();
    for d in docs {
        seen.insert(d.group.as_str());
    }
    seen.into_iter().map(String::from).collect()
}

/// Aggregates the formulations of all documents (see [`crate::slogans::aggregate`]).
pub fn slogan_stats(docs: &[Analysed]) -> Vec<crate::slogans::SloganStats> {
    let input: Vec<crate::slogans::DocMentions<'_>> =
        docs.iter().map(Analysed::doc_mentions).collect();
    crate::slogans::aggregate(&input)
}

impl Analysed {
    /// The document as the formulation aggregation reads it.
    pub fn doc_mentions(&self) -> crate::slogans::DocMentions<'_> {
        crate::slogans::DocMentions {
            doc: &self.prepared.doc.id,
            group: &self.group,
            date: self.date.as_deref(),
            text: &self.prepared.clean.text,
            map: &self.prepared.clean.map,
            mentions: &self.mentions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_group_field_no_document_has_is_named_with_the_fields_there_are() {
        let fields = names(&["province", "year"]);
        assert_eq!(
            missing_group_field("region", &fields, 29).as_deref(),
            Some(
                "no document has a `region` field, so all 29 documents are in one group \
                 `(none)`; choose one of its fields with --group-by (province, year)"
            )
        );
        assert!(missing_group_field("region", &[], 2)
            .unwrap()
            .contains("the corpus has no metadata fields"));
    }

    #[test]
    fn no_warning_when_the_field_exists_or_grouping_cannot_matter() {
        let fields = names(&["region"]);
        assert_eq!(missing_group_field("region", &fields, 5), None);
        assert_eq!(missing_group_field("id", &[], 5), None);
        assert_eq!(missing_group_field("file", &[], 5), None);
        assert_eq!(missing_group_field("region", &[], 1), None);
        assert_eq!(missing_group_field("region", &[], 0), None);
    }
}
