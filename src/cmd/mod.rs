//! Subcommands, one file each (xsv style): each opens with its help text, then its
//! options, then one `run` that wires input → library → output.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use tifa::error::{Error, Result};
use tifa::table::Format;

pub mod chart;
pub mod clean;
pub mod cooccur;
pub mod corpus;
pub mod keyness;
pub mod kwic;
pub mod report;
pub mod slogans;
pub mod terms;

/// tifa (提法): comparative analytics of Chinese policy and Party-building texts.
#[derive(Debug, Parser)]
#[command(name = "tifa", version, about, long_about = None)]
pub struct Cli {
    /// Options shared by every subcommand.
    #[command(flatten)]
    pub global: Global,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summary of the loaded corpus: documents, fields, encodings, scripts, sizes.
    Corpus(corpus::Args),
    /// Cleaned text and a report of what cleaning changed.
    Clean(clean::Args),
    /// Numbered formulations (提法) and slogans, counted region against region.
    Slogans(slogans::Args),
    /// Term frequencies per region or document (jieba-rs, domain dictionary).
    Terms(terms::Args),
    /// Distinctive terms of each region against the rest (G², χ², Log Ratio).
    Keyness(keyness::Args),
    /// Region × formulation, region × region similarity, item × item co-occurrence.
    Cooccur(cooccur::Args),
    /// Keyword in context over the cleaned corpus.
    Kwic(kwic::Args),
    /// One chart as SVG: terms, slogans, keyness, heatmap, similarity.
    Chart(chart::Args),
    /// The whole job: metrics.json, every chart (SVG) and report.html.
    Report(report::Args),
}

/// Output format (`--format`).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    /// Aligned table for the terminal.
    Table,
    /// CSV, every row and field.
    Csv,
    /// JSON, every row and field.
    Json,
}

/// Options every subcommand shares.
#[derive(Debug, Args)]
pub struct Global {
    /// Metadata field that defines the groups compared (e.g. region, province).
    #[arg(long, global = true, default_value = "region", value_name = "FIELD")]
    pub group_by: String,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Text column of CSV / JSON Lines input (`full_text` is tried when absent).
    #[arg(long, global = true, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// Force an input encoding (e.g. gbk, big5, utf-16le) instead of detecting it.
    #[arg(long, global = true, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Skip undecodable files and malformed records with a warning instead of failing.
    #[arg(long, global = true)]
    pub skip_bad: bool,
    /// Treat skipped inputs (e.g. binary files in a directory) as errors.
    #[arg(long, global = true)]
    pub strict: bool,
    /// No progress or warnings on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Keep HTML/XML tags and character entities (&nbsp;) instead of removing them.
    #[arg(long, global = true)]
    pub keep_markup: bool,
    /// Do not convert full-width digits, letters and ＋ to ASCII, collapse whitespace or pair
    /// straight double quotes into “…”.
    #[arg(long, global = true)]
    pub no_width: bool,
    /// Do not convert Traditional documents to Simplified.
    #[arg(long, global = true)]
    pub no_simplify: bool,
    /// Do not remove pinyin glosses such as 發(fā).
    #[arg(long, global = true)]
    pub no_pinyin: bool,
    /// Do not rejoin paragraphs broken at page breaks.
    #[arg(long, global = true)]
    pub no_rejoin: bool,
    /// Do not remove repeated paragraphs and sentences.
    #[arg(long, global = true)]
    pub no_dedup: bool,
    /// Keep non-text lines (mastheads, page codes, page chrome).
    #[arg(long, global = true)]
    pub keep_nontext: bool,
}

/// The corpus argument shared by the subcommands (a positional path).
#[derive(Debug, Args, Clone)]
pub struct CorpusArg {
    /// Corpus: a text file, a directory, a manifest CSV, a CSV or JSON Lines file of
    /// documents [default: data/]
    #[arg(value_name = "CORPUS")]
    pub corpus: Option<PathBuf>,
}

impl CorpusArg {
    /// The corpus path, `data/` when none is given.
    pub fn path(&self) -> PathBuf {
        self.corpus.clone().unwrap_or_else(|| PathBuf::from("data"))
    }
}

impl Global {
    /// The output format.
    pub fn format(&self) -> Format {
        match self.format {
            FormatArg::Table => Format::Table,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
        }
    }

    /// Load options from the global flags.
    pub fn load_options(&self) -> tifa::load::LoadOptions {
        tifa::load::LoadOptions {
            text_column: self.text_column.clone(),
            encoding: self.encoding.clone(),
            skip_bad: self.skip_bad,
            strict: self.strict,
        }
    }

    /// Cleaning options from the global flags.
    pub fn clean_options(&self) -> tifa::clean::CleanOptions {
        tifa::clean::CleanOptions {
            markup: !self.keep_markup,
            width: !self.no_width,
            simplify: !self.no_simplify,
            pinyin: !self.no_pinyin,
            rejoin: !self.no_rejoin,
            dedup: !self.no_dedup,
            drop_nontext: !self.keep_nontext,
        }
    }

    /// Prints a warning for each skipped input unless `--quiet`.
    pub fn warn_skipped(&self, skipped: &[tifa::load::Skipped]) {
        if !self.quiet {
            for s in skipped {
                eprintln!("tifa: warning: {}: skipped: {}", s.path.display(), s.reason);
            }
        }
    }

    /// Warns, unless `--quiet`, when no document has the `--group-by` field
    /// ([`tifa::pipeline::missing_group_field`]).
    pub fn warn_ungrouped(&self, fields: &[String], documents: usize) {
        if self.quiet {
            return;
        }
        if let Some(msg) = tifa::pipeline::missing_group_field(&self.group_by, fields, documents) {
            eprintln!("tifa: warning: {msg}");
        }
    }
}

impl Global {
    /// Runs the streaming pipeline over the corpus at `path` ([`tifa::pipeline::stream`]),
    /// handing each analysed document to `sink` in corpus order; prints warnings for skipped
    /// inputs unless `--quiet`.
    pub fn stream(
        &self,
        path: &Path,
        lexicon: bool,
        setup: Option<&tifa::pipeline::TermSetup>,
        sink: impl FnMut(tifa::pipeline::Analysed) -> Result<()>,
    ) -> Result<tifa::pipeline::stream::StreamEnd> {
        let opts = tifa::pipeline::stream::StreamOptions::new(
            self.clean_options(),
            tifa::pipeline::AnalyseOptions {
                group_by: self.group_by.clone(),
                lexicon,
            },
            setup,
        );
        let end = tifa::pipeline::stream::run_path(path, &self.load_options(), &opts, sink)?;
        self.warn_skipped(&end.skipped);
        self.warn_ungrouped(&end.fields, end.documents);
        Ok(end)
    }
}

impl Global {
    /// Cleans the corpus at `path` a batch at a time ([`tifa::pipeline::cleaning`]), handing
    /// each document to `sink` in corpus order; prints warnings for skipped inputs unless
    /// `--quiet`.
    pub fn clean_stream(
        &self,
        path: &Path,
        sink: impl FnMut(tifa::pipeline::Prepared) -> Result<()>,
    ) -> Result<tifa::pipeline::cleaning::CleanEnd> {
        let end = tifa::pipeline::cleaning::clean_path(
            path,
            &self.load_options(),
            &self.clean_options(),
            sink,
        )?;
        self.warn_skipped(&end.skipped);
        Ok(end)
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    if let Some(n) = cli.global.threads {
        if n == 0 {
            return Err(Error::Usage("--threads must be at least 1".into()));
        }
        // Only fails when a pool exists already, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    match cli.command {
        Command::Corpus(a) => corpus::run(&cli.global, a),
        Command::Clean(a) => clean::run(&cli.global, a),
        Command::Slogans(a) => slogans::run(&cli.global, a),
        Command::Terms(a) => terms::run(&cli.global, a),
        Command::Keyness(a) => keyness::run(&cli.global, a),
        Command::Cooccur(a) => cooccur::run(&cli.global, a),
        Command::Kwic(a) => kwic::run(&cli.global, a),
        Command::Chart(a) => chart::run(&cli.global, a),
        Command::Report(a) => report::run(&cli.global, a),
    }
}

/// Writes `s` to standard output; a closed pipe (e.g. `| head`) ends quietly.
pub fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("<stdout>", e)),
    }
}

/// Writes to standard output through a buffer with `write`, for outputs too large to build
/// as a string first; a reader that closes the pipe ends the output quietly, as with
/// [`print`].
pub fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("<stdout>", e)),
    }
}

/// Prints `{"<key>": value}` as pretty JSON with a trailing newline, serialised straight to
/// standard output: no `serde_json::Value` tree (about 1 KB per row of a few fields) and no
/// string of the whole output are built, which matters for the outputs with a row per
/// document or per hit (`terms --by doc`, `slogans`, `kwic`).
pub fn print_json<T: serde::Serialize + ?Sized>(key: &str, value: &T) -> Result<()> {
    print_with(|w| write_json(w, &Keyed { key, value }))
}

/// A JSON object of one entry, for [`print_json`].
struct Keyed<'a, T: ?Sized> {
    key: &'a str,
    value: &'a T,
}

impl<T: serde::Serialize + ?Sized> serde::Serialize for Keyed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.key, self.value)?;
        m.end()
    }
}

/// Serialises `value` as pretty JSON with a trailing newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Usage(format!("cannot serialise output: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// Writes what [`to_json`] returns to `w`, without building the string.
pub fn write_json<T: serde::Serialize>(w: &mut dyn Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    w.write_all(b"\n")
}

/// Segmentation and term options shared by `terms`, `keyness`, `cooccur`, `chart` and
/// `report`.
#[derive(Debug, Args, Clone)]
pub struct TermArgs {
    /// Switch off jieba's HMM for unknown words (on by default).
    #[arg(long)]
    pub no_hmm: bool,
    /// Add a user dictionary (jieba format: word [freq] [pos]); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub user_dict: Vec<PathBuf>,
    /// Do not load the built-in domain dictionary (data/dict/domain.txt).
    #[arg(long)]
    pub no_domain_dict: bool,
    /// Segment every clause afresh instead of reusing the tokens of a clause seen before on
    /// the same thread (the output is identical; for benchmarks and checks).
    #[arg(long)]
    pub no_segment_cache: bool,
    /// Replace the built-in stopword list (data/stopwords.txt) by this file (one word a line).
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,
    /// Keep stopwords, and the units of amounts (亿元, 万人次) that are dropped with them.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// Drop terms shorter than N characters (pure numbers and punctuation are always dropped).
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_chars: usize,
    /// Keep only these jieba POS tags (e.g. n,v,vn,nz); formulations are tagged nz.
    #[arg(long, value_delimiter = ',', value_name = "TAGS")]
    pub pos: Vec<String>,
    /// Rules only: do not look for the built-in lexicon's established formulations.
    #[arg(long)]
    pub no_lexicon: bool,
}

impl TermArgs {
    /// Loads the segmenter (one dictionary load per run) and builds the term filter.
    pub fn setup(&self) -> Result<tifa::pipeline::TermSetup> {
        let segmenter = tifa::segment::Segmenter::new(&tifa::segment::SegmentOptions {
            hmm: !self.no_hmm,
            user_dicts: self.user_dict.clone(),
            domain_dict: !self.no_domain_dict,
            cache: !self.no_segment_cache,
        })?;
        let stopwords = match &self.stopwords {
            Some(p) => tifa::terms::Stopwords::from_file(p)?,
            None => tifa::terms::Stopwords::builtin(),
        };
        let filter = tifa::terms::TermFilter {
            stopwords,
            keep_stopwords: self.keep_stopwords,
            min_chars: self.min_chars,
            pos: if self.pos.is_empty() {
                None
            } else {
                Some(self.pos.iter().map(|s| s.trim().to_string()).collect())
            },
        };
        Ok(tifa::pipeline::TermSetup { segmenter, filter })
    }
}

/// Streams the corpus and keeps only the term counts per group: the front half of `terms
/// --by group` and `keyness`.
pub fn group_table(
    g: &Global,
    corpus: &CorpusArg,
    t: &TermArgs,
) -> Result<tifa::terms::GroupTable> {
    let setup = t.setup()?;
    let mut table = tifa::terms::GroupTable::new();
    let empty = tifa::terms::DocTerms::default();
    g.stream(&corpus.path(), !t.no_lexicon, Some(&setup), |d| {
        table.add(&d.group, d.terms.as_ref().unwrap_or(&empty));
        Ok(())
    })?;
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`print_json`]'s object is the same bytes as the `json!` value it replaced: pretty,
    /// fields in declaration order, floats as serde_json writes them, a final newline.
    #[test]
    fn keyed_object_writes_what_the_json_value_wrote() {
        #[derive(serde::Serialize)]
        struct Row {
            term: &'static str,
            count: u64,
            per10k: f64,
            doc: Option<&'static str>,
        }
        let rows = vec![
            Row {
                term: "党建引领",
                count: 3,
                per10k: 12.5,
                doc: None,
            },
            Row {
                term: "1+5+N",
                count: 1,
                per10k: 1.0 / 3.0,
                doc: Some("d1"),
            },
        ];
        let mut streamed = Vec::new();
        write_json(
            &mut streamed,
            &Keyed {
                key: "terms",
                value: &rows,
            },
        )
        .unwrap();
        let tree = to_json(&serde_json::json!({ "terms": rows })).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), tree);
        assert!(tree.starts_with(
            "{\n  \"terms\": [\n    {\n      \"term\": \"党建引领\",\n      \"count\": 3,"
        ));
        let mut empty = Vec::new();
        write_json(
            &mut empty,
            &Keyed {
                key: "hits",
                value: &Vec::<Row>::new(),
            },
        )
        .unwrap();
        assert_eq!(String::from_utf8(empty).unwrap(), "{\n  \"hits\": []\n}\n");
    }
}
