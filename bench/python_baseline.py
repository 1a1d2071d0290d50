#!/usr/bin/env python3
"""The typical Python jieba pipeline of issue 8, the baseline tifa is compared with.

Variants (``--variant``):

* ``cut`` (default): per document ``collections.Counter(jieba.cut(text))`` (jieba 0.42.1,
  precise mode, HMM on: the defaults of ``jieba.cut``);
* ``pipeline``: the same, plus a formula regex over the text (numbered formulations such as
  1+5+N, 三治融合, 两个全覆盖, 党建+) counted in a second Counter, and both counts dumped as one
  JSON line per document to ``--json-out`` (default ``os.devnull``).

Input: a directory (its ``*.txt`` files, sorted by name, one document per file; a manifest
``corpus.csv`` is not needed) or a JSON Lines file (field ``text``), as written by
``bench/build_corpus.py``. ``--limit-mb X`` stops after the first documents whose texts total at
least X * 10^6 bytes (Python runs at about 1 MB/s, so it gets a slice of the big corpus).
``--parallel N`` calls ``jieba.enable_parallel(N)`` (multiprocessing; POSIX only).

Prints the Python and jieba versions, the dictionary load time, then one summary line
``documents=… bytes=… tokens=… formulas=… dict_ms=… cut_s=…``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from pathlib import Path

#: Formula regex of the ``pipeline`` variant: digit formulas (1+5+N, 3+X), numeral + 个 + noun
#: phrases (两个全覆盖), numeral + two CJK + 融合/联动/… (三治融合), and 党建+ / “党建+X”.
FORMULA = re.compile(
    r"\d+(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+"
    r"|[一二三四五六七八九十两]个[\u4e00-\u9fff]{2,4}"
    r"|[一二三四五六七八九十两][\u4e00-\u9fff](?:融合|联动|共治|一体|协同)"
    r"|[\u4e00-\u9fff]{2}[+＋](?:[\u4e00-\u9fff]{1,4})?"
)


def documents(path: Path, limit: int | None):
    """Yield document texts in order, stopping once `limit` bytes are reached."""
    total = 0
    if path.is_dir():
        source = (p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt")))
    else:
        source = (json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip())
    for text in source:
        if limit is not None and total >= limit:
            return
        total += len(text.encode("utf-8"))
        yield text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="directory of .txt files or a JSON Lines file")
    ap.add_argument("--variant", choices=["cut", "pipeline"], default="cut")
    ap.add_argument("--limit-mb", type=float, help="stop after this many 10^6 bytes of text")
    ap.add_argument("--parallel", type=int, default=0, help="jieba.enable_parallel(N) when N > 1")
    ap.add_argument("--json-out", default=os.devnull, help="JSON Lines of counts (pipeline variant)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import jieba  # imported here so the import is part of the measured dictionary load

    jieba.setLogLevel(60)
    jieba.initialize()
    dict_ms = (time.perf_counter() - t0) * 1000
    if args.parallel > 1:
        jieba.enable_parallel(args.parallel)
    print(f"python {platform.python_version()} ({platform.python_implementation()}), "
          f"jieba {jieba.__version__}", file=sys.stderr)

    limit = int(args.limit_mb * 1_000_000) if args.limit_mb else None
    n = size = tokens = formulas = 0
    t1 = time.perf_counter()
    with open(args.json_out, "w", encoding="utf-8") as out:
        for text in documents(args.corpus, limit):
            counts = Counter(jieba.cut(text))
            n += 1
            size += len(text.encode("utf-8"))
            tokens += sum(counts.values())
            if args.variant == "pipeline":
                found = Counter(m.group(0) for m in FORMULA.finditer(text))
                formulas += sum(found.values())
                out.write(json.dumps({"doc": n, "terms": counts, "formulas": found},
                                     ensure_ascii=False) + "\n")
    print(f"documents={n} bytes={size} tokens={tokens} formulas={formulas} "
          f"dict_ms={dict_ms:.1f} cut_s={time.perf_counter() - t1:.3f}")


if __name__ == "__main__":
    main()
