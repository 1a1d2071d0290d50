#!/usr/bin/env python3
"""Self-tests of the benchmark scripts: python3 bench/test_bench.py (standard library only).

Expected values are worked out by hand in the comments, not taken from the scripts' output.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_corpus  # noqa: E402
import python_baseline  # noqa: E402


def build(mb: float, out: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "build_corpus.py"), "--mb", str(mb), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class BuildCorpus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = Path(cls.tmp.name)
        cls.a, cls.b, cls.small = t / "a", t / "b", t / "small"
        build(1, cls.a)
        build(1, cls.b)
        build(0.3, cls.small)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def files(self, root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    def test_same_input_gives_byte_identical_output(self):
        self.assertEqual(self.files(self.a), self.files(self.b))

    def test_smaller_corpus_is_a_prefix(self):
        small = (self.small / "corpus.jsonl").read_bytes()
        self.assertTrue((self.a / "corpus.jsonl").read_bytes().startswith(small))

    def test_layouts_hold_the_same_documents(self):
        csv.field_size_limit(1 << 30)
        jl = [json.loads(x) for x in (self.a / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
        with open(self.a / "corpus.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with open(self.a / "txt" / "corpus.csv", encoding="utf-8", newline="") as f:
            manifest = list(csv.DictReader(f))
        self.assertEqual(len(jl), len(rows))
        self.assertEqual(len(jl), len(manifest))
        for j, c, m in zip(jl, rows, manifest):
            self.assertEqual((j["id"], j["region"], j["text"]), (c["id"], c["region"], c["text"]))
            self.assertEqual((m["id"], m["region"]), (j["id"], j["region"]))
            txt = (self.a / "txt" / m["file"]).read_bytes().decode("utf-8")
            self.assertEqual(txt, j["text"])
        ids = [j["id"] for j in jl]
        self.assertEqual(len(set(ids)), len(ids))

    def test_size_reaches_the_target_and_stops_at_the_first_document_that_does(self):
        jl = [json.loads(x) for x in (self.a / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
        sizes = [len(j["text"].encode("utf-8")) for j in jl]
        self.assertGreaterEqual(sum(sizes), 1_000_000)
        self.assertLess(sum(sizes) - sizes[-1], 1_000_000)

    def test_sentences_split_like_tifa(self):
        # Ends after a run of final punctuation plus closing quotes; a tail without one is a
        # sentence of its own; the pieces concatenate back to the line.
        line = "甲乙。丙“丁！？”戊；己…庚"
        self.assertEqual(build_corpus.sentences(line), ["甲乙。", "丙“丁！？”", "戊；己…", "庚"])
        self.assertEqual(build_corpus.sentences("标题"), ["标题"])

    def test_reshuffle_keeps_headings_and_the_multiset_of_sentences(self):
        # Headings (no final punctuation) stay in place; body lines get the same sentences,
        # redealt: line 1 had 2 sentences, line 3 had 3, so 5 sentences are dealt 2 + 3.
        text = "一、标题\n　　甲一。甲二。\n二、标题\n乙一。乙二！乙三？"
        seen: set[bytes] = set()
        out = build_corpus.reshuffle(text, "0/0", seen).split("\n")
        self.assertEqual((out[0], out[2]), ("一、标题", "二、标题"))
        self.assertTrue(out[1].startswith("　　"))
        got = build_corpus.sentences(out[1].strip()) + build_corpus.sentences(out[3])
        self.assertEqual(len(build_corpus.sentences(out[1].strip())), 2)
        self.assertEqual(sorted(got), sorted(["甲一。", "甲二。", "乙一。", "乙二！", "乙三？"]))
        self.assertEqual(len(seen), 2)
        # The same seed deals the same way; a paragraph already emitted is never emitted again.
        self.assertEqual(build_corpus.reshuffle(text, "0/0", set()).split("\n"), out)
        again = build_corpus.reshuffle(text, "0/0", seen).split("\n")
        paras = [x.strip() for x in again if "。" in x]
        self.assertNotIn(out[1].strip(), paras)
        self.assertNotIn(out[3], paras)

    def test_no_body_paragraph_repeats_in_the_corpus(self):
        # Every line with sentence-final punctuation is a body paragraph: none may repeat.
        jl = [json.loads(x) for x in (self.a / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
        body = [ln.strip() for j in jl for ln in j["text"].split("\n") if any(c in "。！？!?…" for c in ln)]
        self.assertGreater(len(body), 1000)
        self.assertEqual(len(set(body)), len(body))

    def test_composite_reaches_50k(self):
        # Three 20 000-byte documents: 20 000 + 2 per piece; two pieces make 40 004 < 50 000,
        # three make 60 006, so the composite holds three pieces starting at index r mod 3 = 1.
        docs = [("x", "甲" * 6667 + "\n"), ("y", "乙" * 6667), ("z", "丙" * 6667)]
        region, text = build_corpus.composite(docs, 4)
        self.assertEqual(region, "y")
        self.assertEqual(text, "乙" * 6667 + "\n\n" + "丙" * 6667 + "\n\n" + "甲" * 6667 + "\n")


class PythonBaseline(unittest.TestCase):
    def test_formula_regex_finds_hand_listed_formulas(self):
        text = "推行1+5+N模式，三治融合，实现两个全覆盖，发展党建+物业。"
        found = [m.group(0) for m in python_baseline.FORMULA.finditer(text)]
        self.assertEqual(found, ["1+5+N", "三治融合", "两个全覆盖", "党建+物业"])


    def test_limit_stops_at_the_first_document_reaching_it(self):
        # Three files of one CJK character (3 UTF-8 bytes) each: after a.txt 3 bytes < 4, after
        # b.txt 6 bytes >= 4, so a limit of 4 bytes yields a and b, not c.
        with tempfile.TemporaryDirectory() as d:
            for name, ch in (("a", "甲"), ("b", "乙"), ("c", "丙")):
                (Path(d) / f"{name}.txt").write_text(ch, encoding="utf-8")
            self.assertEqual(list(python_baseline.documents(Path(d), 4)), ["甲", "乙"])
            self.assertEqual(list(python_baseline.documents(Path(d), None)), ["甲", "乙", "丙"])


class Measure(unittest.TestCase):
    def test_table_ratios(self):
        # bare, 1 thread: 100 MB in 10 s = 10 MB/s; tifa, 1 thread: 100 MB in 12.5 s = 8 MB/s,
        # 8 / 10 = 0.80× the bare loop; Python: 10 MB in 10 s = 1 MB/s, so tifa is 8.00× Python
        # and the bare loop 10.00×.
        rows = [
            {"label": "bare", "group": "bare", "threads": 1, "mb": 100, "seconds": 10, "rss_mb": 50, "status": 0},
            {"label": "tifa", "group": "tifa", "threads": 1, "mb": 100, "seconds": 12.5, "rss_mb": 80, "status": 0,
             "user_s": 20.5, "sys_s": 1.25},  # CPU 20.5 + 1.25 = 21.75 s
            {"label": "py", "group": "python", "threads": 1, "mb": 10, "seconds": 10, "rss_mb": 90, "status": 0},
            # a second, slower run of the bare loop with a larger RSS: the table keeps the
            # fastest time (10 s) and the largest RSS (60 MB), and counts 2 runs.
            {"label": "bare", "group": "bare", "threads": 1, "mb": 100, "seconds": 20, "rss_mb": 60, "status": 0},
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
        out = subprocess.run([sys.executable, str(HERE / "measure.py"), "table", "--results", f.name],
                             check=True, capture_output=True, text=True).stdout
        Path(f.name).unlink()
        lines = out.splitlines()
        self.assertIn("| bare | 1 | 100 | 10.00 | 10.0 | 1.00× | 10.00× | 60 | 0.00 | 2 |", lines)
        self.assertIn("| tifa | 1 | 100 | 12.50 | 8.0 | 0.80× | 8.00× | 80 | 21.75 | 1 |", lines)
        self.assertIn("| py | 1 | 10 | 10.00 | 1.0 |  | 1.00× | 90 | 0.00 | 1 |", lines)

    def test_run_records_status_and_rss(self):
        with tempfile.TemporaryDirectory() as d:
            res = Path(d) / "r.jsonl"
            # A child that allocates 200 MB of bytes: its peak RSS must be at least that.
            code = "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
            subprocess.run([sys.executable, str(HERE / "measure.py"), "run", "--results", str(res),
                            "--label", "alloc", "--", sys.executable, "-c", code],
                           check=True, stderr=subprocess.DEVNULL)
            subprocess.run([sys.executable, str(HERE / "measure.py"), "run", "--results", str(res),
                            "--label", "fail", "--", sys.executable, "-c", "raise SystemExit(3)"],
                           stderr=subprocess.DEVNULL)
            rows = [json.loads(x) for x in res.read_text().splitlines()]
        self.assertEqual(rows[0]["status"], 0)
        self.assertGreaterEqual(rows[0]["rss_mb"], 200)
        self.assertEqual(rows[1]["status"], 3)


if __name__ == "__main__":
    unittest.main()
