#!/usr/bin/env bash
# Peak memory of every tifa subcommand on a large corpus (issue 8: memory grows with the
# vocabulary, not the corpus). Each command runs once at 2 threads on the directory layout
# of the corpus that bench/run.sh builds (default the 1 GB one; built when missing), with its
# output discarded; the table shows seconds, MB/s and peak RSS (bench/measure.py).
#
#   bench/memory.sh              # 1 GB corpus (about 3 GB on disk with its JSONL and CSV)
#   MB=200 bench/memory.sh       # the 200 MB corpus
#
# Outputs that print every mention or hit (`slogans --format json`, `kwic` of a frequent
# word) are as large as what they print and are left out; the rows use the default table
# output.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MB="${MB:-1000}"
THREADS="${THREADS:-2}"
WORK="${WORK:-$ROOT/bench/work}"
PY="${PYTHON:-python3}"
mkdir -p "$WORK"

cargo build --release --quiet --bin tifa
TIFA="${TIFA:-$ROOT/target/release/tifa}"
DIR="$WORK/corpus-${MB}mb"
if [ ! -f "$DIR/summary.txt" ]; then
    echo "== building the ${MB} MB corpus" >&2
    "$PY" bench/build_corpus.py --mb "$MB" --out "$DIR" >&2
fi
mb="$(awk '$1 == "text_mb" {print $2}' "$DIR/summary.txt")"
docs="$(awk '$1 == "documents" {print $2}' "$DIR/summary.txt")"
cat "$DIR"/txt/docs/*.txt > /dev/null  # warm the page cache

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RES="$WORK/memory-$STAMP.jsonl"
: > "$RES"
OUT="$WORK/out-memory"
one() { # one ARGS...: tifa ARGS on the corpus, timed
    rm -rf "$OUT"
    "$PY" bench/measure.py run --results "$RES" --label "tifa $*" --group tifa \
        --threads "$THREADS" --mb "$mb" -- "$TIFA" "$@" "$DIR/txt" --threads "$THREADS" --quiet || true
}
one report --out "$OUT"
one terms
one terms --by doc
one keyness
one slogans
one slogans --by shape
one cooccur
one cooccur --matrix item-item
one cooccur --matrix item-item --of terms
one chart terms --out "$WORK/memory-terms.svg"
one corpus
one clean --report
one clean --out "$OUT"
one kwic 两张皮
rm -rf "$OUT" "$WORK/memory-terms.svg"

{
    echo "## Memory run $STAMP: ${mb} MB, ${docs} documents, ${THREADS} threads"
    echo
    "$PY" bench/measure.py table --results "$RES"
    echo
    echo "Machine: $(nproc) cores; $(uname -srm)."
} | tee "$WORK/memory-$STAMP.md"
