#!/usr/bin/env python3
"""Paired timing of tifa against the bare jieba-rs loop, for a shared machine whose speed drifts.

Each round runs, back to back, the bare loop and the tifa commands at one thread count, so a
ratio is taken between runs seconds apart; the table gives the median and the range of the
per-round ratios, which hold far better than ratios of the fastest runs of each command
(bench/run.sh) when the machine's speed moves by 15-25% over minutes.

    python3 bench/paired.py [--rounds 5] [--threads 1,2] [--corpus bench/work/corpus-200mb]

Needs the release binaries (bench/run.sh builds them, or `cargo build --release --bin tifa
--example bare_jieba`) and the corpus folder that bench/run.sh builds.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    """Wall seconds, CPU seconds and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"paired.py: {' '.join(cmd)} failed: {proc.stderr.read().decode()[:300]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "bench/work/corpus-200mb"))
    ap.add_argument("--tifa", default=os.path.join(ROOT, "target/release/tifa"))
    a = ap.parse_args()
    bare = os.path.join(ROOT, "target/release/examples/bare_jieba")
    txt = os.path.join(a.corpus, "txt")
    out = tempfile.mkdtemp(prefix="tifa-paired-")
    commands = {
        "tifa report": lambda t: [a.tifa, "report", txt, "--out", out, "--threads", t, "--quiet"],
        "tifa terms": lambda t: [a.tifa, "terms", txt, "--threads", t, "--format", "json", "--quiet"],
        "tifa report --no-segment-cache": lambda t: [
            a.tifa, "report", txt, "--out", out, "--threads", t, "--quiet", "--no-segment-cache"],
        "tifa terms --no-segment-cache": lambda t: [
            a.tifa, "terms", txt, "--threads", t, "--format", "json", "--quiet",
            "--no-segment-cache"],
    }
    ratios = {(name, t): [] for name in commands for t in a.threads.split(",")}
    walls = {}
    for r in range(1, a.rounds + 1):
        for t in a.threads.split(","):
            b, _, _ = run([bare, os.path.join(txt, "docs"), "--threads", t])
            walls.setdefault(("bare jieba-rs loop", t), []).append(b)
            for name, cmd in commands.items():
                shutil.rmtree(out, ignore_errors=True)
                w, _, _ = run(cmd(t))
                walls.setdefault((name, t), []).append(w)
                ratios[(name, t)].append(b / w)
            print(f"round {r}, {t} thread(s): bare {b:.2f} s, "
                  + ", ".join(f"{n} {walls[(n, t)][-1]:.2f} s" for n in commands), file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    print(f"{a.rounds} rounds on {a.corpus}; ratio = bare loop seconds / tifa seconds in the same round\n")
    print("| command | threads | median s | ratio to bare (median) | range over rounds |")
    print("|---|---:|---:|---:|---:|")
    for t in a.threads.split(","):
        print(f"| bare jieba-rs loop | {t} | {statistics.median(walls[('bare jieba-rs loop', t)]):.2f} | 1.00× | |")
        for name in commands:
            rs = ratios[(name, t)]
            print(f"| {name} | {t} | {statistics.median(walls[(name, t)]):.2f} | "
                  f"{statistics.median(rs):.2f}× | {min(rs):.2f}–{max(rs):.2f}× |")
    ts = a.threads.split(",")
    if "1" in ts and "2" in ts:
        print("\nScaling, 1 → 2 threads (median seconds):")
        for name in ["bare jieba-rs loop", *commands]:
            one, two = statistics.median(walls[(name, "1")]), statistics.median(walls[(name, "2")])
            print(f"- {name}: {one / two:.2f}×")


if __name__ == "__main__":
    main()
