#!/bin/bash
# Times two builds of a command at the same time, one on each of the machine's first two
# cores (taskset), swapping cores every round, and prints each round's times and the median
# ratio B/A. Both runs see the same load, so a machine whose speed drifts by 15-25% over
# minutes still tells a change of a few percent. Run it with nothing else busy.
#
#   bench/side_by_side.sh ROUNDS BIN_A BIN_B ARGS...
#   e.g. bench/side_by_side.sh 6 /tmp/tifa-old target/release/tifa \
#          terms bench/work/corpus-20mb/corpus.jsonl --threads 1 --no-segment-cache
#
# Needs taskset (util-linux), bc and python3. A and B each get one core: use --threads 1.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 ROUNDS BIN_A BIN_B ARGS..." >&2
  exit 2
fi
rounds=$1; a=$2; b=$3; shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timed() { # CORE BIN OUT ARGS...
  local core=$1 bin=$2 out=$3; shift 3
  local s e
  s=$(date +%s.%N)
  taskset -c "$core" "$bin" "$@" > /dev/null
  e=$(date +%s.%N)
  echo "$e - $s" | bc > "$out"
}
for i in $(seq "$rounds"); do
  ca=$((i % 2)); cb=$((1 - ca))
  timed "$ca" "$a" "$tmp/a" "$@" &
  pa=$!
  timed "$cb" "$b" "$tmp/b" "$@" &
  pb=$!
  wait "$pa" "$pb"
  echo "$(cat "$tmp/a") $(cat "$tmp/b")"
done | python3 -c '
import statistics, sys
ratios = []
print("A_s    B_s    B/A")
for line in sys.stdin:
    a, b = map(float, line.split())
    ratios.append(b / a)
    print(f"{a:.3f}  {b:.3f}  {b / a:.3f}")
print(f"median B/A {statistics.median(ratios):.3f} over {len(ratios)} rounds")
'
