#!/usr/bin/env bash
# Builds a ~1,046,000-record Kaggle-snapshot file from the 74,728 real listings in
# ../shared/data/arxiv-kaggle-format by repeating them 14 times under new ids (the year digits
# 25 and 26 become k and k+14 for k = 30..43), so that every record is a distinct paper.
# Usage: bench/make-million.sh OUT.jsonl.gz
set -euo pipefail
out="${1:?usage: bench/make-million.sh OUT.jsonl.gz}"
src="$(dirname "$0")/../../shared/data/arxiv-kaggle-format/arxiv-listings-2025-03_2026-07.jsonl.gz"
for k in $(seq 30 43); do
  zcat "$src" | sed -E "s/^\\{\"id\": \"25/{\"id\": \"$k/; s/^\\{\"id\": \"26/{\"id\": \"$((k + 14))/"
done | gzip -1 > "$out"
echo "wrote $out: $(zcat "$out" | wc -l) records" >&2
