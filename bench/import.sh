#!/usr/bin/env bash
# Import throughput per input format: each format is imported RUNS times into a fresh data
# directory with bin/paperboy, and the median of the papers/s that the import prints is reported.
# Usage: [IMPORT_FLAGS=--no-index] bench/import.sh [RUNS]   (default 3). Needs ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shared=../shared/data
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bin/paperboy --version >/dev/null # build once, outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

bench() { # name, paths...
  local name="$1"; shift
  local rates=() line
  for i in $(seq "$runs"); do
    rm -rf "$work/data"
    line="$(bin/paperboy import --quiet ${IMPORT_FLAGS:-} --as-of 2024-12-01 --data "$work/data" "$@" 2>/dev/null | grep " papers/s)")"
    rates+=("$(sed -E 's/.*\(([0-9,]+) papers\/s\).*/\1/' <<<"$line" | tr -d ,)")
  done
  printf '%-8s %s  median %s papers/s over %s runs (runs: %s)\n' "$name" "$(cut -d' ' -f1 <<<"$line") new" \
    "$(printf '%s\n' "${rates[@]}" | median)" "$runs" "${rates[*]}"
}

bench oai-pmh "$shared/arxiv-oai-cs-2016"
bench kaggle "$shared/arxiv-kaggle-format"
bench hf-daily "$shared/hf-daily"
bench pages "$shared/pages"
bench api "$shared/arxiv-api"
