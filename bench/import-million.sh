#!/usr/bin/env bash
# Imports a ~1,046,000-record Kaggle-format file (bench/make-million.sh) with a 512 MiB heap and
# reports throughput and the peak heap occupancy seen by the garbage collector.
# Usage: bench/import-million.sh [FILE]   (default /tmp/million.jsonl.gz, built when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-/tmp/million.jsonl.gz}"
[ -f "$file" ] || bench/make-million.sh "$file"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
PAPERBOY_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$work/gc.log" \
  bin/paperboy import --quiet --data "$work/data" "$file" | grep " papers/s)"
peak="$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -n 1)"
echo "peak heap before a collection: ${peak} MiB (limit -Xmx512m); database: $(du -sh "$work/data" | cut -f1)"
