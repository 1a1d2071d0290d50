//! The streaming pipeline: documents flow through load → clean → analyse a batch at a time,
//! so memory holds one batch of texts, the vocabulary and the accumulators, never the corpus.
//!
//! Two passes, because the corpus pass of the formulation extractor (a slogan quoted in any
//! document is also counted where it stands unquoted, [`crate::slogans::recognise_known`])
//! needs every document's quoted forms before the first document can be finished:
//!
//! 1. **load, clean, de-duplicate, extract**: each batch is cleaned in parallel, repeated
//!    material across documents is removed in corpus order ([`CrossDedup`]), formulations are
//!    extracted in parallel, their quoted forms are recorded ([`KnownCollector`]), and the
//!    cleaned text, formulations and metadata go to the spill ([`super::spill`]; a
//!    temporary file once it passes [`StreamOptions::spill_bytes`]). The raw text is
//!    dropped, and nothing of the document stays in memory until pass 2.
//! 2. **recognise, segment, count**: the spill is read back a batch at a time; each document
//!    gets the corpus-known forms, is segmented once with its formulations protected, and is
//!    handed, in corpus order, to the caller's sink.
//!
//! Each document is cleaned once, scanned once and segmented once. Output order is corpus
//! order whatever the thread count, so results are deterministic.

use super::spill::{Entry, Meta, Spill};
use super::{date_of, group_of, AnalyseOptions, Analysed, Prepared, TermSetup};
use crate::clean::{CleanOptions, Cleaned, CrossDedup};
use crate::error::Result;
use crate::load::{DocStream, Document, Skipped};
use crate::slogans::{KnownCollector, KnownGuard, Lexicon, Mention};
use rayon::prelude::*;

/// What the streaming run does.
#[derive(Debug, Clone)]
pub struct StreamOptions<'a> {
    /// Cleaning steps.
    pub clean: CleanOptions,
    /// Grouping and the lexicon.
    pub analyse: AnalyseOptions,
    /// Segmentation and term counting (none: formulations only).
    pub terms: Option<&'a TermSetup>,
    /// Raw text bytes per batch (default 8 MB): the unit of parallel work and of memory.
    pub batch_bytes: usize,
    /// Cleaned text kept in memory between the passes before it moves to a temporary file
    /// (default 32 MB).
    pub spill_bytes: usize,
}

impl<'a> StreamOptions<'a> {
    /// Default batch and spill sizes.
    pub fn new(
        clean: CleanOptions,
        analyse: AnalyseOptions,
        terms: Option<&'a TermSetup>,
    ) -> StreamOptions<'a> {
        StreamOptions {
            clean,
            analyse,
            terms,
            batch_bytes: 8 << 20,
            spill_bytes: 32 << 20,
        }
    }
}

/// What a streaming run reports besides the documents.
#[derive(Debug, Clone, Default)]
pub struct StreamEnd {
    /// Metadata field names in first-seen order.
    pub fields: Vec<String>,
    /// Inputs skipped with a warning.
    pub skipped: Vec<Skipped>,
    /// Documents handed to the sink.
    pub documents: usize,
    /// True when the cleaned texts went through a temporary file between the passes.
    pub spilled: bool,
}

/// Opens the corpus at `path` (a file, directory, manifest, CSV or JSON Lines file) and runs
/// the pipeline over it (see [`run`]).
pub fn run_path(
    path: &std::path::Path,
    load: &crate::load::LoadOptions,
    opts: &StreamOptions<'_>,
    sink: impl FnMut(Analysed) -> Result<()>,
) -> Result<StreamEnd> {
    run(crate::load::stream(path, load)?, opts, sink)
}

/// Runs the pipeline over `stream`, handing each analysed document to `sink` in corpus
/// order. A load error ends the run with that error before the sink sees any document; an
/// error from the sink ends it at once.
pub fn run(
    mut stream: DocStream,
    opts: &StreamOptions<'_>,
    mut sink: impl FnMut(Analysed) -> Result<()>,
) -> Result<StreamEnd> {
    let lexicon = opts.analyse.lexicon.then(Lexicon::builtin);
    let mut cross = CrossDedup::new();
    let mut known = KnownCollector::default();
    let mut spill = Spill::new(opts.spill_bytes);
    let mut fields: Vec<String> = Vec::new();
    // With more than one thread, reading the next batch (pass 1) and handing the previous
    // batch to the sink (pass 2) overlap the parallel work on the current batch; with one
    // thread everything runs in turn, so `--threads 1` really uses one core.
    let overlap = rayon::current_num_threads() > 1;
    // Pass 1. The serial parts (reading the next batch; recording the previous batch's
    // quoted forms and spilling its texts) run beside the parallel work on the current one.
    let mut next = read_docs(&mut stream, opts.batch_bytes)?;
    let mut previous: Vec<FirstPass> = Vec::new();
    let mut keep = |done: Vec<FirstPass>| -> Result<()> {
        for (doc, c, raw_chars, mentions) in done {
            for name in doc.fields.keys() {
                if !fields.iter().any(|f| f == name) {
                    fields.push(name.clone());
                }
            }
            known.add(&mentions);
            spill.push(Entry {
                text: c.text,
                paragraphs: c.paragraphs,
                map: c.map,
                mentions,
                meta: Meta {
                    doc,
                    raw_chars,
                    script: c.script,
                    report: c.report,
                },
            })?;
        }
        Ok(())
    };
    while !next.is_empty() {
        let batch = std::mem::take(&mut next);
        let prev = std::mem::take(&mut previous);
        let (done, read, kept) = if overlap {
            std::thread::scope(|sc| {
                let reader = sc.spawn(|| read_docs(&mut stream, opts.batch_bytes));
                let keeper = sc.spawn(|| keep(prev));
                let done = first_pass(batch, opts, &mut cross, lexicon.as_ref());
                (done, join(reader), join(keeper))
            })
        } else {
            let kept = keep(prev);
            let done = first_pass(batch, opts, &mut cross, lexicon.as_ref());
            (done, read_docs(&mut stream, opts.batch_bytes), kept)
        };
        kept?;
        next = read?;
        previous = done;
    }
    keep(previous)?;
    let skipped = stream.into_skipped();
    let spilled = spill.on_disk();
    // Pass 2.
    let forms = known.finish(KnownGuard::default());
    let documents = spill.len();
    let mut reader = spill.into_reader()?;
    let mut pending: Vec<Analysed> = Vec::new();
    let mut batch = spilled_batch(&mut reader, opts.batch_bytes)?;
    while !batch.is_empty() {
        let work = std::mem::take(&mut batch);
        let analysed = if overlap {
            // The main thread hands the previous batch to the sink and then reads the next
            // one back from the spill, both beside the parallel work on this batch. The
            // sunk batch is gone before the next is read, so memory holds two batches, as
            // without the overlap.
            let (analysed, sunk, next) = std::thread::scope(|sc| {
                let worker = sc.spawn(|| second_pass(work, opts, &forms));
                let sunk = pending.drain(..).try_for_each(&mut sink);
                let next = match sunk {
                    Ok(()) => spilled_batch(&mut reader, opts.batch_bytes),
                    Err(_) => Ok(Vec::new()),
                };
                (join(worker), sunk, next)
            });
            sunk?;
            batch = next?;
            analysed
        } else {
            let analysed = second_pass(work, opts, &forms);
            analysed.into_iter().try_for_each(&mut sink)?;
            batch = spilled_batch(&mut reader, opts.batch_bytes)?;
            Vec::new()
        };
        pending = analysed;
    }
    pending.into_iter().try_for_each(&mut sink)?;
    Ok(StreamEnd {
        fields,
        skipped,
        documents,
        spilled,
    })
}

/// The next documents of pass 2, up to about `batch_bytes` of cleaned text, read back from
/// the spill.
fn spilled_batch(reader: &mut super::spill::SpillReader, batch_bytes: usize) -> Result<Vec<Entry>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while bytes < batch_bytes.max(1) {
        let Some(e) = reader.next() else { break };
        let e = e?;
        bytes += e.text.len() + 256;
        batch.push(e);
    }
    Ok(batch)
}

/// The result of a scoped thread; a panic there goes on in the caller.
pub(super) fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match h.join() {
        Ok(t) => t,
        Err(p) => std::panic::resume_unwind(p),
    }
}

/// The next documents of the stream, up to about `batch_bytes` of raw text.
pub(super) fn read_docs(stream: &mut DocStream, batch_bytes: usize) -> Result<Vec<Document>> {
    let mut batch: Vec<Document> = Vec::new();
    let mut bytes = 0;
    while bytes < batch_bytes.max(1) {
        match stream.next() {
            Some(doc) => {
                let doc = doc?;
                bytes += doc.raw.len() + 256;
                batch.push(doc);
            }
            None => break,
        }
    }
    Ok(batch)
}

/// A document after pass 1: metadata, cleaned text, raw characters, formulations.
type FirstPass = (Document, Cleaned, usize, Vec<Mention>);

/// Pass 1 on one batch: clean (parallel), remove what earlier documents had (in order), and
/// extract formulations (parallel). The raw texts are dropped.
fn first_pass(
    batch: Vec<Document>,
    opts: &StreamOptions<'_>,
    cross: &mut CrossDedup,
    lexicon: Option<&Lexicon>,
) -> Vec<FirstPass> {
    super::cleaning::clean_batch(batch, &opts.clean, cross)
        .into_par_iter()
        .map(|p| {
            let mentions = match lexicon {
                Some(l) => crate::slogans::extract_with_lexicon(&p.clean.text, l),
                None => crate::slogans::extract(&p.clean.text),
            };
            (p.doc, p.clean, p.raw_chars, mentions)
        })
        .collect()
}

/// Pass 2 on one batch (parallel): the corpus-known forms, then one segmentation per
/// document with its formulations protected.
fn second_pass(
    batch: Vec<Entry>,
    opts: &StreamOptions<'_>,
    forms: &crate::slogans::KnownForms,
) -> Vec<Analysed> {
    batch
        .into_par_iter()
        .map(|mut e| {
            let h = e.meta;
            forms.apply(&e.text, &mut e.mentions);
            let prepared = Prepared {
                doc: h.doc,
                clean: Cleaned {
                    text: e.text,
                    paragraphs: e.paragraphs,
                    map: e.map,
                    script: h.script,
                    report: h.report,
                },
                raw_chars: h.raw_chars,
            };
            let terms = opts
                .terms
                .map(|s| super::count_terms(s, &prepared.clean.text, &e.mentions));
            Analysed {
                group: group_of(&prepared.doc, &opts.analyse.group_by).to_string(),
                date: date_of(&prepared.doc),
                prepared,
                mentions: e.mentions,
                terms,
            }
        })
        .collect()
}
