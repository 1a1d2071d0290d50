//! The report's streaming accumulators: each analysed document is folded into them, in
//! corpus order, and dropped.

use super::ReportOptions;
use crate::contexts::{self, Window};
use crate::error::Result;
use crate::load::Skipped;
use crate::pipeline::spill::Spill;
use crate::pipeline::{self, stream::StreamEnd, Analysed, TermSetup};
use indexmap::IndexMap;

/// Documents a side thread may have queued and not yet folded into its accumulators.
const SIDE_QUEUE: usize = 64;

/// What the report keeps of the streamed corpus, the input of [`super::build`].
pub struct Streamed {
    pub(super) end: StreamEnd,
    pub(super) terms: TermsAccumulated,
    pub(super) rest: Accumulated,
}

impl Streamed {
    /// The inputs skipped with a warning (also listed in `metrics.json`).
    pub fn skipped(&self) -> &[Skipped] {
        &self.end.skipped
    }

    /// The corpus's metadata field names, in first-seen order.
    pub fn fields(&self) -> &[String] {
        &self.end.fields
    }

    /// The number of documents analysed.
    pub fn documents(&self) -> usize {
        self.end.documents
    }
}

/// Streams the corpus into the report's accumulators. With more than one thread, the term
/// table is filled on the thread that receives the documents and everything else on a side
/// thread, so that these serial folds (a quarter of the work) overlap each other as well as
/// the parallel segmentation. Each accumulator still sees the documents in corpus order, so
/// the result does not depend on the thread count.
pub fn accumulate(opts: &ReportOptions, setup: &TermSetup) -> Result<Streamed> {
    let mut terms = TermsAccumulated::default();
    if rayon::current_num_threads() < 2 {
        let mut rest = Accumulated::new(opts);
        let end = stream(opts, setup, |d| {
            terms.add(&d);
            rest.add(&d, setup)
        })?;
        return Ok(Streamed { end, terms, rest });
    }
    std::thread::scope(|sc| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Analysed>(SIDE_QUEUE);
        let side = sc.spawn(move || {
            let mut rest = Accumulated::new(opts);
            let mut failed = Ok(());
            for d in rx {
                // After a failure the queue is still drained, so that the sender never
                // blocks; the error is returned once the stream has ended.
                if failed.is_ok() {
                    failed = rest.add(&d, setup);
                }
            }
            failed.map(|()| rest)
        });
        let table = &mut terms;
        let end = stream(opts, setup, move |d| {
            table.add(&d);
            // Fails only when the side thread has panicked; joining it below re-raises that.
            let _ = tx.send(d);
            Ok(())
        });
        let rest = match side.join() {
            Ok(r) => r,
            Err(p) => std::panic::resume_unwind(p),
        };
        let end = end?;
        Ok(Streamed {
            end,
            terms,
            rest: rest?,
        })
    })
}

/// Runs the streaming pipeline over the corpus, handing each analysed document to `sink`
/// in corpus order.
fn stream(
    opts: &ReportOptions,
    setup: &TermSetup,
    sink: impl FnMut(Analysed) -> Result<()>,
) -> Result<StreamEnd> {
    let stream_opts = pipeline::stream::StreamOptions::new(
        opts.clean.clone(),
        pipeline::AnalyseOptions {
            group_by: opts.group_by.clone(),
            lexicon: opts.terms.lexicon,
        },
        Some(setup),
    );
    pipeline::stream::run_path(&opts.corpus, &opts.load, &stream_opts, sink)
}

/// The term table of the streamed documents (it grows with the vocabulary, not the corpus).
#[derive(Default)]
pub(super) struct TermsAccumulated {
    pub(super) table: crate::terms::GroupTable,
    pub(super) tokens: u64,
}

impl TermsAccumulated {
    fn add(&mut self, d: &Analysed) {
        let empty = crate::terms::DocTerms::default();
        let terms = d.terms.as_ref().unwrap_or(&empty);
        self.table.add(&d.group, terms);
        self.tokens += terms.tokens();
    }
}

/// What else the report keeps of the streamed documents: the per-document rows (spilled to
/// a temporary file past [`ReportOptions::row_spill_bytes`]), the corpus totals, and per-group
/// accumulators that grow with the vocabulary, not the corpus.
pub(super) struct Accumulated {
    /// One row record per document, in corpus order.
    pub(super) rows: Spill<pipeline::DocRow>,
    /// Documents per encoding, in first-seen order.
    pub(super) encodings: IndexMap<String, usize>,
    /// Raw characters.
    pub(super) chars: usize,
    /// Characters after cleaning.
    pub(super) clean_chars: usize,
    /// Documents per group, groups in first-seen order.
    pub(super) group_docs: IndexMap<String, usize>,
    pub(super) slogans: crate::slogans::Aggregator,
    pub(super) slogan_groups: contexts::SloganGroups,
    pub(super) co: crate::cooccur::Cooccurrence,
}

impl Accumulated {
    fn new(opts: &ReportOptions) -> Self {
        Accumulated {
            rows: Spill::new(opts.row_spill_bytes),
            encodings: IndexMap::new(),
            chars: 0,
            clean_chars: 0,
            group_docs: IndexMap::new(),
            slogans: Default::default(),
            slogan_groups: Default::default(),
            co: Default::default(),
        }
    }

    fn add(&mut self, d: &Analysed, setup: &TermSetup) -> Result<()> {
        let row = pipeline::DocRow::of(&d.prepared);
        self.chars += row.meta.raw_chars;
        self.clean_chars += row.clean_chars;
        let encoding = &row.meta.doc.encoding;
        match self.encodings.get_mut(encoding) {
            Some(n) => *n += 1,
            None => {
                self.encodings.insert(encoding.clone(), 1);
            }
        }
        self.rows.push(row)?;
        *self.group_docs.entry(d.group.clone()).or_insert(0) += 1;
        self.slogans.add(&d.doc_mentions());
        self.slogan_groups.add(d);
        contexts::add_slogan_contexts(&mut self.co, d, Window::Sentence, Some(setup));
        Ok(())
    }
}
