#!/usr/bin/env python3
"""Build the large benchmark corpus of tifa (issue 8), deterministically.

Sources (real text only, nothing generated):

* the sample corpus: ``data/docs/*.txt`` with regions from ``data/corpus.csv`` when present,
  else the raw seeds ``tests/fixtures/seeds/*.txt`` with the regions of their README
  (000, 002 maojian; 001 hebi; 003 xuzhou; 004 donge);
* the provincial government work reports of 2026:
  ``../shared/corpora/provinces-2026/*.csv`` (relative to the project root), column
  ``full_text``, region = column ``province``. Without this folder the corpus is built from the
  sample corpus alone (and the script says so).

Construction. The sources are put in a fixed order: provincial reports sorted by file name,
then one *sample composite*. Sample documents are short (7-19 KB), so a composite concatenates
sample documents (sorted by file name, cycling, joined by a blank line) until it holds at least
50 000 bytes, like the 50-100 KB provincial reports; the composite of round ``r`` starts at
sample document ``r mod n`` and takes the region of its first piece. Rounds ``r = 0, 1, 2, ...``
emit every source once, with the document id ``{r:04d}-{k:02d}`` (``k`` = position in the
round).

No paragraph repeats (so tifa's de-duplication, within and across documents, removes almost
nothing and tifa segments the same text as the bare loop). Each emitted document is a
*reshuffle* of its source, seeded by ``{r}/{k}`` (``random.Random`` seeded with a string is
the same on every Python 3): lines without sentence-final punctuation (``。！？!?…``; headings,
salutations, page chrome) stay where they are, unchanged; the sentences of all other lines (the
*body* paragraphs; sentences split as tifa splits them: after a run of final punctuation and
closing quotes) are pooled, shuffled, and dealt out again, without replacement, to the body
lines in their order, each taking as many sentences as it had (at least 2). A body paragraph
whose text was already emitted anywhere in the corpus (an 8-byte BLAKE2b digest of every
emitted body paragraph is kept) takes one more sentence from the pool, or, when the pool is
empty, is appended to the previous body paragraph. So every sentence is real text, every
document holds exactly the sentences of its source (and about its size), and body paragraphs
are new combinations. Repeated *sentences* across documents remain (a sentence cache would
profit: say so when reporting). Round 0 is shuffled too.
Documents are emitted until the total text size reaches ``--mb`` megabytes (10^6 bytes of UTF-8
text, counted as the sum of the document texts; the last document is kept whole). Because
the order is fixed, the corpus of ``--mb 20`` is exactly the first documents of ``--mb 200``.

Layouts written under ``--out`` (default ``bench/work/corpus-{mb}mb``):

* ``txt/docs/{id}.txt`` one document per file, and ``txt/corpus.csv`` the manifest
  (``id,file,region``) that gives ``tifa`` the regions;
* ``corpus.jsonl``: one ``{"id", "region", "text"}`` object per line (UTF-8, not ASCII-escaped);
* ``corpus.csv``: header ``id,region,text``, RFC 4180 quoting where needed, ``\\n`` line ends.

Same input, same options: byte-identical output (no timestamps, no hash-ordered containers).
A summary (documents, bytes, SHA-256 of the JSONL and CSV layouts) is printed at the end and
written to ``summary.txt``.

Usage: python3 bench/build_corpus.py [--mb 200] [--out DIR] [--root PROJECT_ROOT]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import shutil
import sys
from pathlib import Path

#: Regions of the raw seeds (tests/fixtures/seeds/README.md), used when data/docs is absent.
SEED_REGIONS = {"000": "maojian", "001": "hebi", "002": "maojian", "003": "xuzhou", "004": "donge"}

#: Minimum size in bytes of a sample composite document.
COMPOSITE_MIN = 50_000


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a BOM is dropped), keeping line ends as they are."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def sample_docs(root: Path) -> list[tuple[str, str]]:
    """(region, text) of the sample corpus, sorted by file name."""
    docs_dir = root / "data" / "docs"
    if docs_dir.is_dir() and any(docs_dir.glob("*.txt")):
        regions: dict[str, str] = {}
        manifest = root / "data" / "corpus.csv"
        if manifest.is_file():
            with open(manifest, encoding="utf-8-sig", newline="") as f:
                for row in csv.DictReader(f):
                    regions[Path(row.get("file", "")).name] = row.get("region", "") or "sample"
        files = sorted(docs_dir.glob("*.txt"))
        print(f"sample corpus: {len(files)} files of {docs_dir}", file=sys.stderr)
        return [(regions.get(p.name, "sample"), read_text(p)) for p in files]
    seeds = root / "tests" / "fixtures" / "seeds"
    files = sorted(seeds.glob("*.txt"))
    print(f"sample corpus: data/docs absent, {len(files)} seeds of {seeds}", file=sys.stderr)
    return [(SEED_REGIONS.get(p.name[:3], "sample"), read_text(p)) for p in files]


def province_docs(root: Path) -> list[tuple[str, str]]:
    """(province, full_text) of every row of the provincial CSVs, sorted by file name."""
    folder = (root / ".." / "shared" / "corpora" / "provinces-2026").resolve()
    if not folder.is_dir():
        print(f"warning: {folder} not found: sample corpus only", file=sys.stderr)
        return []
    csv.field_size_limit(1 << 30)
    out = []
    files = sorted(folder.glob("*.csv"))
    for p in files:
        with open(p, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                text = row.get("full_text") or ""
                if text.strip():
                    out.append((row.get("province") or p.stem, text))
    print(f"provincial reports: {len(out)} documents of {len(files)} files in {folder}", file=sys.stderr)
    return out


#: Sentence-final punctuation (tifa's `is_sentence_end`, src/clean/chars.rs).
SENTENCE_END = frozenset("。！？!?…")
#: Closing quotes and brackets that may follow sentence-final punctuation (tifa's `is_closer`).
CLOSERS = frozenset("”’」』）)》〉】\"'")


def sentences(line: str) -> list[str]:
    """The sentences of `line`, as tifa splits them: each ends after a run of sentence-final
    punctuation and closing quotes; a tail without one is a sentence. Their concatenation is
    `line`."""
    out: list[str] = []
    start, i, n = 0, 0, len(line)
    while i < n:
        if line[i] in SENTENCE_END:
            i += 1
            while i < n and (line[i] in SENTENCE_END or line[i] in CLOSERS):
                i += 1
            out.append(line[start:i])
            start = i
        else:
            i += 1
    if start < n:
        out.append(line[start:])
    return out


def digest(s: str) -> bytes:
    """8-byte digest of a paragraph, for the set of paragraphs already emitted."""
    return hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest()


def reshuffle(text: str, seed: str, seen: set[bytes]) -> str:
    """Deal the sentences of the body lines of `text` out again in a seeded random order (see
    the module docs); `seen` holds the digests of every body paragraph emitted so far and is
    updated."""
    lines = text.split("\n")
    body: list[tuple[int, str, int]] = []  # (line index, indentation, sentence count)
    pool: list[str] = []
    for i, line in enumerate(lines):
        core = line.strip()
        if not any(c in SENTENCE_END for c in core):
            continue
        parts = sentences(core)
        indent = line[: len(line) - len(line.lstrip())]
        body.append((i, indent, max(2, len(parts))))
        pool.extend(parts)
    random.Random(seed).shuffle(pool)
    pool.reverse()  # pop() from the end deals in shuffled order
    out = list(lines)
    dropped: set[int] = set()
    prev: int | None = None
    for i, indent, count in body:
        para = "".join(pool.pop() for _ in range(min(count, len(pool))))
        while para and digest(para) in seen and pool:
            para += pool.pop()
        if not para or (digest(para) in seen and prev is not None):
            if para and prev is not None:
                out[prev] += para
                seen.add(digest(out[prev].strip()))
            dropped.add(i)
            continue
        seen.add(digest(para))
        out[i] = indent + para
        prev = i
    return "\n".join(x for j, x in enumerate(out) if j not in dropped)


def composite(samples: list[tuple[str, str]], r: int) -> tuple[str, str]:
    """Sample documents from index r mod n, cycling, joined by a blank line, >= COMPOSITE_MIN bytes."""
    n = len(samples)
    region = samples[r % n][0]
    parts: list[str] = []
    size, i = 0, r % n
    while size < COMPOSITE_MIN:
        text = samples[i % n][1].strip("\n")
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return region, "\n\n".join(parts) + "\n"


def generate(root: Path, target: int):
    """Yield (id, region, text) until the texts total at least `target` bytes."""
    samples = sample_docs(root)
    provinces = province_docs(root)
    if not samples and not provinces:
        sys.exit("no source documents found")
    total, r = 0, 0
    seen: set[bytes] = set()
    while True:
        round_docs = list(provinces)
        if samples:
            round_docs.append(composite(samples, r))
        for k, (region, text) in enumerate(round_docs):
            text = reshuffle(text, f"{r}/{k}", seen)
            yield f"{r:04d}-{k:02d}", region, text
            total += len(text.encode("utf-8"))
            if total >= target:
                return
        r += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200, help="target size, 10^6 bytes of text (default 200)")
    ap.add_argument("--out", type=Path, help="output folder (default bench/work/corpus-{mb}mb)")
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                    help="project root (default: the parent of bench/)")
    args = ap.parse_args()
    mb_label = f"{args.mb:g}"
    out = args.out or args.root / "bench" / "work" / f"corpus-{mb_label}mb"
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "txt" / "docs").mkdir(parents=True)

    n, size = 0, 0
    h_jsonl = hashlib.sha256()
    with open(tmp / "corpus.jsonl", "w", encoding="utf-8", newline="") as fj, \
         open(tmp / "corpus.csv", "w", encoding="utf-8", newline="") as fc, \
         open(tmp / "txt" / "corpus.csv", "w", encoding="utf-8", newline="") as fm:
        wc = csv.writer(fc, lineterminator="\n")
        wm = csv.writer(fm, lineterminator="\n")
        wc.writerow(["id", "region", "text"])
        wm.writerow(["id", "file", "region"])
        for doc_id, region, text in generate(args.root, int(args.mb * 1_000_000)):
            with open(tmp / "txt" / "docs" / f"{doc_id}.txt", "w", encoding="utf-8", newline="") as f:
                f.write(text)
            wm.writerow([doc_id, f"docs/{doc_id}.txt", region])
            line = json.dumps({"id": doc_id, "region": region, "text": text}, ensure_ascii=False) + "\n"
            fj.write(line)
            h_jsonl.update(line.encode("utf-8"))
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerow([doc_id, region, text])
            fc.write(buf.getvalue())
            n += 1
            size += len(text.encode("utf-8"))
    h_csv = hashlib.sha256((tmp / "corpus.csv").read_bytes())
    summary = (
        f"documents {n}\n"
        f"text_bytes {size}\n"
        f"text_mb {size / 1e6:.3f}\n"
        f"sha256 corpus.jsonl {h_jsonl.hexdigest()}\n"
        f"sha256 corpus.csv {h_csv.hexdigest()}\n"
    )
    (tmp / "summary.txt").write_text(summary, encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    print(f"{out}\n{summary}", end="")


if __name__ == "__main__":
    main()
