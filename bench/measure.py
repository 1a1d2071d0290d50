#!/usr/bin/env python3
"""Time whole processes and print the benchmark table (bench/run.sh uses both commands).

``measure.py run --results R.jsonl --label L --threads N --mb X [--group G] -- CMD ARGS...``
    Runs CMD once as a child process (stdout to ``--stdout`` or /dev/null, stderr inherited),
    waits for it with ``os.wait4`` and appends one JSON line to R: label, group, threads, MB,
    wall seconds (``time.perf_counter`` around fork and wait), peak RSS in MB (the child's
    ``ru_maxrss``, KiB on Linux, / 1024: the largest resident set of the process or of any
    descendant it waited for, not their sum), user and system CPU seconds, exit status.
    Needs only the Python standard library (no /usr/bin/time), so it works on a fresh machine.

``measure.py table --results R.jsonl``
    Prints a Markdown table: command, threads, MB, seconds, MB/s, ratio to the bare jieba-rs
    loop on the same thread count (group ``bare``), ratio to the Python baseline (group
    ``python``, the ``cut`` variant: the first python row), peak RSS MB, CPU seconds (user +
    system, less sensitive to other load than wall time), runs. MB are 10^6 bytes of document
    text; MB/s = MB / wall seconds of the whole process (start-up and dictionary load included).
    A command run several times (same label, threads, MB) is shown once: its fastest run, with
    the largest peak RSS of its runs. Rows keep the order in which they were first run. Failed
    runs show their exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time


def run(args: argparse.Namespace) -> int:
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        sys.exit("measure.py run: no command")
    out = open(args.stdout, "wb") if args.stdout else subprocess.DEVNULL
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    row = {
        "label": args.label,
        "group": args.group,
        "threads": args.threads,
        "mb": args.mb,
        "seconds": round(wall, 3),
        "rss_mb": round(ru.ru_maxrss / 1024, 1),
        "user_s": round(ru.ru_utime, 2),
        "sys_s": round(ru.ru_stime, 2),
        "status": proc.returncode,
        "cmd": " ".join(cmd),
    }
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"  {args.label} (threads {args.threads}): {wall:.2f} s, "
          f"{args.mb / wall if wall else 0:.1f} MB/s, peak RSS {row['rss_mb']} MB, "
          f"status {proc.returncode}", file=sys.stderr)
    return proc.returncode


def fmt_ratio(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}×"


def best_runs(rows: list[dict]) -> list[dict]:
    """One row per (label, group, threads, MB), in first-run order: the fastest successful run
    (a shared machine only ever makes a run slower), with the largest peak RSS of all runs and
    the number of runs. Without a successful run, the last failed one."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["label"], r["group"], r["threads"], r["mb"]), []).append(r)
    out = []
    for runs in groups.values():
        ok = [r for r in runs if r["status"] == 0]
        best = dict(min(ok, key=lambda r: r["seconds"]) if ok else runs[-1])
        best["rss_mb"] = max(r["rss_mb"] for r in runs)
        best["runs"] = len(runs)
        out.append(best)
    return out


def table(args: argparse.Namespace) -> None:
    rows = best_runs([json.loads(line) for line in open(args.results, encoding="utf-8") if line.strip()])
    for r in rows:
        ok = r["status"] == 0 and r["seconds"] > 0 and r["mb"] > 0
        r["mbps"] = r["mb"] / r["seconds"] if ok else None
        r["cpu"] = r.get("user_s", 0) + r.get("sys_s", 0)
    bare = {}
    for r in rows:
        if r["group"] == "bare" and r["mbps"] and r["threads"] not in bare:
            bare[r["threads"]] = r["mbps"]
    python = next((r["mbps"] for r in rows if r["group"] == "python" and r["mbps"]), None)
    print("| command | threads | MB | seconds | MB/s | vs bare loop (same threads) | vs Python "
          "| peak RSS MB | CPU s | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        tail = f"{r['rss_mb']:.0f} | {r['cpu']:.2f} | {r['runs']} |"
        if r["mbps"] is None:
            mbps = "–" if r["mb"] == 0 and r["status"] == 0 else f"failed (status {r['status']})"
            print(f"| {r['label']} | {r['threads']} | {r['mb']:g} | {r['seconds']:.2f} | {mbps} | | | {tail}")
            continue
        b = bare.get(r["threads"])
        vs_bare = r["mbps"] / b if b and r["group"] != "python" else None
        vs_py = r["mbps"] / python if python else None
        print(f"| {r['label']} | {r['threads']} | {r['mb']:g} | {r['seconds']:.2f} | {r['mbps']:.1f} "
              f"| {fmt_ratio(vs_bare)} | {fmt_ratio(vs_py)} | {tail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--results", required=True)
    r.add_argument("--label", required=True)
    r.add_argument("--group", default="other", help="bare, tifa, python, startup, other")
    r.add_argument("--threads", type=int, default=1)
    r.add_argument("--mb", type=float, default=0.0, help="MB of text processed (0: not a throughput row)")
    r.add_argument("--stdout", help="file for the command's stdout (default: discarded)")
    r.add_argument("cmd", nargs=argparse.REMAINDER)
    t = sub.add_parser("table")
    t.add_argument("--results", required=True)
    a = ap.parse_args()
    if a.what == "run":
        sys.exit(run(a))
    table(a)


if __name__ == "__main__":
    main()
