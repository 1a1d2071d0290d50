#!/usr/bin/env python3
"""Reference token lists from Python jieba (0.42.1), for tests/segment_agree.rs.

Usage: scripts/jieba_tokens.py [--dict data/dict/domain.txt] [--no-hmm] IN OUT [IN OUT ...]

For each UTF-8 input file, every non-blank line (trailing newline removed) is cut with
jieba.cut(line, HMM=True) and the tokens are written one per line to OUT, with one blank line
after the tokens of each input line. The domain dictionary is read with the same rules as
tifa's loader (src/segment/dict.rs): blank lines and lines starting with '#' are skipped, the
rest is `word [freq [pos]]`, and each entry is added with jieba.add_word (which is what
jieba.load_userdict does, but load_userdict would add comment lines as words).
"""
import argparse
import sys

import jieba


def load_dict(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            word = parts[0]
            freq = int(parts[1]) if len(parts) > 1 else None
            tag = parts[2] if len(parts) > 2 else None
            jieba.add_word(word, freq, tag)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dict", default="data/dict/domain.txt", help="domain dictionary ('' for none)")
    ap.add_argument("--no-hmm", action="store_true", help="cut with HMM=False")
    ap.add_argument("paths", nargs="+", help="IN OUT pairs")
    args = ap.parse_args()
    if len(args.paths) % 2:
        sys.exit("expected IN OUT pairs")
    if jieba.__version__ != "0.42.1":
        sys.exit(f"expected jieba 0.42.1, found {jieba.__version__}")
    jieba.setLogLevel(60)
    jieba.initialize()
    if args.dict:
        load_dict(args.dict)
    for inp, out in zip(args.paths[0::2], args.paths[1::2]):
        with open(inp, encoding="utf-8") as f, open(out, "w", encoding="utf-8", newline="\n") as w:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                for tok in jieba.cut(line, HMM=not args.no_hmm):
                    w.write(tok + "\n")
                w.write("\n")


if __name__ == "__main__":
    main()
