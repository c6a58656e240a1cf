#!/usr/bin/env bash
# Embedding throughput of each bundled model with bin/paperboy embed, on the first N papers of the
# Kaggle-format listings in ../shared/data (default 1,000), RUNS times each (default 3): prints
# every run's papers/s as `embed` reports it (storing the vectors and indexing them included, model
# loading excluded), the median, and the CPU it ran on (int8 kernels are much faster with AVX-512
# VNNI, so a figure without the CPU means little).
# Usage: bench/embed-speed.sh [N] [RUNS] [MODEL...]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
runs="${2:-3}"
shift $(($# < 2 ? $# : 2))
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(all-minilm-l6-v2-q bge-small-en-v1.5-q)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# zcat is cut off by head (SIGPIPE), which pipefail would count as a failure.
{ zcat ../shared/data/arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz || true; } \
  | head -n "$n" > "$work/papers.jsonl"
source bench/lib.sh
cpu_summary
bin/paperboy --version >/dev/null 2>&1 # build first, outside the timings
for model in "${models[@]}"; do
  rates=()
  for ((r = 1; r <= runs; r++)); do
    rm -rf "$work/data"
    PAPERBOY_EMBEDDING_MODEL=$model bin/paperboy import --quiet --data "$work/data" "$work/papers.jsonl" >/dev/null 2>&1
    line="$(PAPERBOY_EMBEDDING_MODEL=$model bin/paperboy embed --quiet --data "$work/data" 2>/dev/null | tail -n 1)"
    rate="$(echo "$line" | grep -o '[0-9,.]* papers/s' | head -n 1 | tr -d ', papers/s')"
    rates+=("$rate")
    echo "$model run $r: $line"
  done
  median="$(printf '%s\n' "${rates[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  echo "$model: median $median papers/s over $runs runs of $n papers"
done
