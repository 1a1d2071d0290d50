#!/usr/bin/env bash
# The performance benchmark of issue 8: tifa, the bare jieba-rs loop and the Python jieba
# baseline side by side on the same large real corpus, each timed as a whole process.
# See bench/README.md. Usage (from anywhere):
#
#   bench/run.sh                 # 200 MB corpus, Python on its first 20 MB
#   MB=1000 PY_MB=20 bench/run.sh
#   LAYOUTS=1 bench/run.sh       # also tifa report on the JSONL and CSV layouts (memory check)
#
# Network is used only on the first run, to `pip install jieba==0.42.1` when it is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MB="${MB:-200}"          # size of the big corpus, 10^6 bytes of text
PY_MB="${PY_MB:-20}"     # size of the slice Python runs on (its first documents)
LAYOUTS="${LAYOUTS:-0}"  # 1: also run tifa report on the JSONL and CSV layouts
REPEAT="${REPEAT:-3}"    # runs of each Rust command; the table shows the fastest (shared machines)
PY_REPEAT="${PY_REPEAT:-1}"  # runs of each Python command (~20-40 s each)
PY_PARALLEL="${PY_PARALLEL:-0}"  # 1: also Python with jieba.enable_parallel(2)
WORK="${WORK:-$ROOT/bench/work}"  # corpora, logs and results (git-ignored)
PY="${PYTHON:-python3}"
mkdir -p "$WORK/logs"

command -v "$PY" >/dev/null || { echo "run.sh: python3 is required" >&2; exit 1; }
command -v cargo >/dev/null || { echo "run.sh: cargo is required" >&2; exit 1; }
if ! "$PY" -c 'import jieba, sys; sys.exit(jieba.__version__ != "0.42.1")' 2>/dev/null; then
    echo "== installing jieba 0.42.1 (pip)" >&2
    "$PY" -m pip install --quiet jieba==0.42.1
fi

echo "== building release binaries" >&2
cargo build --release --quiet --bin tifa --example bare_jieba
TIFA="${TIFA:-$ROOT/target/release/tifa}"  # override to time another build
BARE="$ROOT/target/release/examples/bare_jieba"

corpus() { # corpus MB -> folder, built when missing
    local dir="$WORK/corpus-${1}mb"
    if [ ! -f "$dir/summary.txt" ]; then
        echo "== building the ${1} MB corpus" >&2
        "$PY" bench/build_corpus.py --mb "$1" --out "$dir" >&2
    fi
    echo "$dir"
}
BIG="$(corpus "$MB")"
SMALL="$(corpus "$PY_MB")"
big_mb="$(awk '$1 == "text_mb" {print $2}' "$BIG/summary.txt")"
small_mb="$(awk '$1 == "text_mb" {print $2}' "$SMALL/summary.txt")"

# Start-up corpora: an empty folder and one short document.
mkdir -p "$WORK/empty" "$WORK/tiny"
printf '坚持党建引领，推动“三治融合”，实现“两个全覆盖”。\n' > "$WORK/tiny/tiny.txt"

# Warm the page cache so no command pays for the first read from disk.
cat "$BIG"/txt/docs/*.txt "$BIG/corpus.jsonl" "$BIG/corpus.csv" > /dev/null

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
RES="$WORK/results-$STAMP.jsonl"
: > "$RES"
m1() { "$PY" bench/measure.py run --results "$RES" "$@" || true; }
m() { local i; for ((i = 0; i < REPEAT; i++)); do m1 "$@"; done; }
mpy() { local i; for ((i = 0; i < PY_REPEAT; i++)); do m1 "$@"; done; }

has_sub() { "$TIFA" "$1" --help >/dev/null 2>&1; }

echo "== start-up (dictionary load)" >&2
m --label "bare loop, empty corpus (start-up)" --group startup --threads 1 \
  --stdout "$WORK/logs/bare-empty.out" -- "$BARE" "$WORK/empty" --threads 1
if has_sub terms; then
    m --label "tifa terms, one-line corpus (start-up)" --group startup --threads 1 \
      -- "$TIFA" terms "$WORK/tiny" --threads 1 --format json --quiet
fi

# The big-corpus commands run in rounds (each command once per round, REPEAT rounds) rather
# than each command REPEAT times in a row: a shared machine's speed drifts over minutes, and
# interleaving lets every row meet the same drift, so the ratios between rows hold better.
for ((round = 1; round <= REPEAT; round++)); do
    echo "== ${big_mb} MB corpus, round $round of $REPEAT" >&2
    for t in 1 2; do
        m1 --label "bare jieba-rs loop (txt dir)" --group bare --threads "$t" --mb "$big_mb" \
          --stdout "$WORK/logs/bare-$t.out" -- "$BARE" "$BIG/txt/docs" --threads "$t"
    done
    m1 --label "bare jieba-rs loop (JSONL)" --group other --threads 2 --mb "$big_mb" \
      --stdout "$WORK/logs/bare-jsonl-2.out" -- "$BARE" "$BIG/corpus.jsonl" --threads 2
    if has_sub report; then
        report() { # report LABEL THREADS INPUT: one run into a fresh output folder
            rm -rf "$WORK/out-report"
            m1 --label "$1" --group tifa --threads "$2" --mb "$big_mb" \
               -- "$TIFA" report "$3" --out "$WORK/out-report" --threads "$2" --quiet
        }
        for t in 1 2; do report "tifa report (txt dir)" "$t" "$BIG/txt"; done
        # The segmentation cache reuses the tokens of repeated clauses, and this corpus repeats
        # nearly every clause (its documents re-deal the sentences of 1.7 MB of reports; the
        # share is printed under the table): these rows show tifa cutting every clause afresh.
        for t in 1 2; do
            report_nc() {
                rm -rf "$WORK/out-report"
                m1 --label "tifa report --no-segment-cache (txt dir)" --group tifa --threads "$t" \
                   --mb "$big_mb" -- "$TIFA" report "$BIG/txt" --out "$WORK/out-report" \
                   --threads "$t" --quiet --no-segment-cache
            }
            "$TIFA" report --help 2>/dev/null | grep -q -- --no-segment-cache && report_nc
        done
        if [ "$LAYOUTS" = 1 ]; then
            report "tifa report (JSONL)" 2 "$BIG/corpus.jsonl"
            report "tifa report (CSV)" 2 "$BIG/corpus.csv"
        fi
    else
        echo "   (skipped: $TIFA has no 'report' subcommand yet)" >&2
    fi
    if has_sub terms; then
        for t in 1 2; do
            m1 --label "tifa terms --format json (txt dir)" --group tifa --threads "$t" --mb "$big_mb" \
              -- "$TIFA" terms "$BIG/txt" --threads "$t" --format json --quiet
        done
        if "$TIFA" terms --help 2>/dev/null | grep -q -- --no-segment-cache; then
            m1 --label "tifa terms --no-segment-cache (txt dir)" --group tifa --threads 2 \
              --mb "$big_mb" -- "$TIFA" terms "$BIG/txt" --threads 2 --format json --quiet \
              --no-segment-cache
        fi
        # The corpus has no repeated paragraphs, so de-duplication removes almost nothing (the
        # fraction is printed with the table); --no-dedup rows show what de-duplication costs.
        for t in 1 2; do
            m1 --label "tifa terms --no-dedup (txt dir)" --group tifa --threads "$t" --mb "$big_mb" \
              -- "$TIFA" terms "$BIG/txt" --threads "$t" --no-dedup --format json --quiet
        done
    else
        echo "   (skipped: $TIFA has no 'terms' subcommand yet)" >&2
    fi
done

echo "== ${small_mb} MB slice (the first documents of the big corpus)" >&2
m --label "bare jieba-rs loop, slice" --group other --threads 1 --mb "$small_mb" \
  --stdout "$WORK/logs/bare-slice.out" -- "$BARE" "$SMALL/txt/docs" --threads 1
mpy --label "Python jieba.cut + Counter, slice" --group python --threads 1 --mb "$small_mb" \
  --stdout "$WORK/logs/python-cut.out" -- "$PY" bench/python_baseline.py "$SMALL/txt/docs" --variant cut
mpy --label "Python cut + Counter + regex + JSON, slice" --group other --threads 1 --mb "$small_mb" \
  --stdout "$WORK/logs/python-pipeline.out" -- "$PY" bench/python_baseline.py "$SMALL/txt/docs" \
  --variant pipeline --json-out "$WORK/logs/python-pipeline.jsonl"

if [ "$PY_PARALLEL" = 1 ]; then
    mpy --label "Python jieba.cut + Counter, enable_parallel(2), slice" --group other --threads 2 \
      --mb "$small_mb" --stdout "$WORK/logs/python-parallel.out" \
      -- "$PY" bench/python_baseline.py "$SMALL/txt/docs" --variant cut --parallel 2
fi

# What tifa's cleaning removes from the slice (de-duplication, page chrome): the fair
# comparison needs it near 0, since the bare loop cuts every byte.
CLEANED="not measured ($TIFA has no 'clean' subcommand)"
if has_sub clean; then
    "$TIFA" clean "$SMALL/txt" --report --format json --quiet > "$WORK/logs/clean-report.json"
    CLEANED="$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))["documents"]
c = sum(x["chars"] for x in d); k = sum(x["clean_chars"] for x in d)
dup = sum(x["dup_paragraphs"] for x in d); chrome = sum(x["dropped_lines"] for x in d)
print(f"{1 - k / c:.2%} of {c} characters ({dup} paragraphs repeated within a document,"
      f" {chrome} page-chrome lines dropped)")
' "$WORK/logs/clean-report.json")"
fi

# How much of the corpus repeats an earlier clause (what the segmentation cache can reuse),
# next to the same figure for the real reports the corpus is built from.
REPEATS="$("$PY" bench/repetition.py "$BIG/txt/docs")"
PROV="$ROOT/../shared/corpora/provinces-2026"
REPEATS_REAL="not measured ($PROV missing)"
if compgen -G "$PROV/*.csv" >/dev/null; then
    REPEATS_REAL="$("$PY" bench/repetition.py "$PROV"/*.csv)"
fi

REPORT="$WORK/results-$STAMP.md"
{
    echo "## Benchmark run $STAMP"
    echo
    echo "Corpus: $BIG ($(awk '$1 == "documents" {print $2}' "$BIG/summary.txt") documents, ${big_mb} MB of text);"
    echo "Python slice: $SMALL (${small_mb} MB). MB = 10^6 bytes of UTF-8 text; MB/s per whole process."
    echo "Python rows ran on the slice: their MB/s is measured there and compared as a rate."
    echo "Each Rust command ran $REPEAT times, each Python command $PY_REPEAT times: the fastest run is shown."
    echo "tifa's cleaning removed from the slice: $CLEANED."
    echo "Clause (jieba block) repetition, corpus: $REPEATS; the 29 real provincial reports alone: $REPEATS_REAL."
    echo "Load average before the run: $LOAD0; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    echo
    "$PY" bench/measure.py table --results "$RES"
    echo
    echo "Dictionary load measured inside the processes (ms): bare loop $(grep -o 'dict_ms=[0-9.]*' "$WORK/logs/bare-empty.out" | cut -d= -f2)," \
         "Python jieba $(grep -o 'dict_ms=[0-9.]*' "$WORK/logs/python-cut.out" | cut -d= -f2)."
    echo
    echo "Outputs (token totals must not depend on threads):"
    echo '```'
    for f in bare-1 bare-2 bare-jsonl-2 bare-slice python-cut python-pipeline python-parallel; do
        [ -f "$WORK/logs/$f.out" ] && echo "$f: $(cat "$WORK/logs/$f.out")"
    done
    echo '```'
    echo
    echo "Machine: $(nproc) cores; $(uname -srm); $("$PY" --version 2>&1); $(rustc --version)"
    echo '```'
    lscpu 2>/dev/null | head -n 15 || true
    free -m 2>/dev/null | head -n 2 || true
    echo '```'
} > "$REPORT"
cat "$REPORT"
echo "(written to $REPORT)" >&2
