#!/usr/bin/env bash
# Issue 9, row 7: the big-input tests in release mode, with their wall times and peak RSS.
#
# The ignored tests of tests/reliability/big.rs generate their inputs in a temporary
# directory (a 200 MB single-line document and the same text as 64 documents; 100,000 tiny
# JSON Lines records; 100,000 tiny files, each also at a quarter of the size), run
# `tifa report` on each under /usr/bin/time (when present) and print one line per input:
# wall time and peak RSS of each tifa run. This script runs them and keeps the log in
# target/big_inputs.log; the last lines are the whole test run's wall time and peak RSS.
#
# Needs ~1 GB of free disk in $TMPDIR and ~4 GB of memory; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
log=target/big_inputs.log
cargo test --release --test reliability --no-run
run=(cargo test --release --test reliability -- --ignored --nocapture --test-threads 1 big::)
{
    echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "whole run: %e s wall, %M KiB peak RSS (largest process)" "${run[@]}"
    else
        python3 - "${run[@]}" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
code = subprocess.call(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"whole run: {time.monotonic() - t:.2f} s wall, {peak} KiB peak RSS (largest process)")
sys.exit(code)
PY
    fi
} 2>&1 | tee "$log"
echo "log: $log"
