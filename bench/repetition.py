#!/usr/bin/env python3
"""How much of a corpus the segmentation cache can reuse (issue 8).

jieba cuts each *block* (a maximal run of Han characters, ASCII letters and digits and
``+#&._%-``) on its own, and tifa caches the tokens of each block it has cut. This script
prints the share of block bytes (and of blocks) that repeat an earlier block of the corpus,
i.e. the share a cache without a size limit would look up instead of cutting.

    python3 bench/repetition.py DIR_OR_CSV [...]

A directory: every ``*.txt`` file in it, sorted by name. A ``.csv`` file: the ``full_text``
column (the provincial reports of ``../shared/corpora/provinces-2026``) or else ``text``.
Standard library only.
"""
import csv
import re
import sys
from pathlib import Path

BLOCK = re.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U0002f800-\U0002fa1fa-zA-Z0-9+#&._%\\-]+"
)


def texts(arg):
    p = Path(arg)
    if p.is_dir():
        for f in sorted(p.glob("*.txt")):
            yield f.read_text(encoding="utf-8", errors="replace")
    else:
        csv.field_size_limit(1 << 30)
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield row.get("full_text") or row.get("text") or ""


def repetition(paths):
    seen = set()
    total = repeated = blocks = repeated_blocks = 0
    for path in paths:
        for text in texts(path):
            for b in BLOCK.findall(text):
                n = len(b.encode("utf-8"))
                total += n
                blocks += 1
                if b in seen:
                    repeated += n
                    repeated_blocks += 1
                else:
                    seen.add(b)
    return total, repeated, blocks, repeated_blocks, len(seen)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    total, rep, blocks, rep_blocks, distinct = repetition(sys.argv[1:])
    share = rep / total if total else 0.0
    bshare = rep_blocks / blocks if blocks else 0.0
    print(
        f"{share:.1%} of {total} block bytes repeat an earlier block "
        f"({rep_blocks} of {blocks} blocks, {bshare:.1%}; {distinct} distinct blocks)"
    )


if __name__ == "__main__":
    main()
